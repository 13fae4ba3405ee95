#include "pamphlet/yaml.hpp"

#include "pamphlet/base/limits.hpp"
#include "pamphlet/base/utf8.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

namespace pamphlet::yaml {
namespace {

SourceSpan span_of(const YAML::Mark& mark, const FileName& file, int first_line) {
    if (mark.is_null()) return SourceSpan::whole(file);
    return SourceSpan::at(file, mark.line + first_line, mark.column + 1);
}

// Thrown by the tree builder to stop yaml-cpp at once; the diagnostic is
// already reported.
struct Stop {};

// Builds pamphlet's tree from yaml-cpp's parser events. yaml-cpp's own
// YAML::Node shares an anchored node between its aliases, so a few hundred
// bytes of nested aliases ("billion laughs") describe a tree of billions of
// nodes; copying it into value nodes is what would take gigabytes. Here each
// alias adds the size of what it names before anything is copied, so the
// limits stop the build at the alias that crosses them. The builder keeps
// its own stack: no recursion, however deep the input.
class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(const std::string& file, int first_line, DiagnosticSink& sink)
        : file_(file), first_line_(first_line), sink_(sink) {}

    std::optional<Node> root;
    bool ok = true;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        count(mark, 1);
        Node node;
        node.span = span_of(mark, file_, first_line_);
        finish(std::move(node), anchor, 1, 1);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        count(mark, 1);
        Node node;
        node.kind = Node::Kind::scalar;
        node.span = span_of(mark, file_, first_line_);
        node.value = value;
        node.quoted = tag == "!";
        if (!node.value.empty()) {
            node.span.end = node.span.begin;
            node.span.end.column += static_cast<int>(node.value.size());
        }
        finish(std::move(node), anchor, 1, 1);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        if (anchor >= anchors_.size() || !anchors_[anchor].complete) {
            stop(mark, "yaml-alias",
                 "this alias names the list or map that contains it; a YAML document that "
                 "contains itself has no end");
        }
        const Anchored& named = anchors_[anchor];
        if (depth() + named.height > limits::yaml_depth) stop_deep(mark);
        count(mark, named.size);
        finish(Node(named.node), YAML::NullAnchor, named.size, named.height);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor, Node::Kind::sequence);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor, Node::Kind::map);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        Node node;
        YAML::anchor_t anchor = YAML::NullAnchor;
        std::size_t first_count = 0;  // nodes counted before this one
        int height = 1;               // levels from this node down, itself included
        std::optional<Node> key;      // a map's key waiting for its value
        bool skip_value = false;      // the key was rejected: drop its value
        std::set<std::string> keys;   // a map's keys so far
    };
    struct Anchored {
        Node node;
        std::size_t size = 0;  // nodes, aliases expanded
        int height = 0;
        bool complete = false;
    };

    int depth() const { return static_cast<int>(stack_.size()); }

    [[noreturn]] void stop(const YAML::Mark& mark, std::string code, std::string message) {
        sink_.error(span_of(mark, file_, first_line_), std::move(code), std::move(message));
        ok = false;
        throw Stop{};
    }

    [[noreturn]] void stop_deep(const YAML::Mark& mark) {
        stop(mark, "yaml-too-deep",
             "YAML lists and maps nested more than " + std::to_string(limits::yaml_depth) +
                 " levels deep (aliases are expanded); no collection, profile or front matter "
                 "needs that many");
    }

    void count(const YAML::Mark& mark, std::size_t nodes) {
        count_ += nodes;
        if (count_ > limits::yaml_nodes)
            stop(mark, "yaml-too-large",
                 "YAML document expands to more than " + std::to_string(limits::yaml_nodes) +
                     " nodes (aliases are expanded); no collection, profile or front matter "
                     "needs that many");
    }

    void open(const YAML::Mark& mark, YAML::anchor_t anchor, Node::Kind kind) {
        if (depth() + 1 > limits::yaml_depth) stop_deep(mark);
        const std::size_t before = count_;
        count(mark, 1);
        Open o;
        o.node.kind = kind;
        o.node.span = span_of(mark, file_, first_line_);
        o.anchor = anchor;
        o.first_count = before;
        // Registered now, so that an alias inside it is recognised as a cycle.
        if (anchor != YAML::NullAnchor) anchored(anchor).complete = false;
        stack_.push_back(std::move(o));
    }

    void close() {
        Open o = std::move(stack_.back());
        stack_.pop_back();
        finish(std::move(o.node), o.anchor, count_ - o.first_count, o.height);
    }

    Anchored& anchored(YAML::anchor_t anchor) {
        if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
        return anchors_[anchor];
    }

    // A complete node goes to its parent (or becomes the root).
    void finish(Node node, YAML::anchor_t anchor, std::size_t size, int height) {
        if (anchor != YAML::NullAnchor) anchored(anchor) = Anchored{node, size, height, true};
        if (stack_.empty()) {
            root = std::move(node);
            return;
        }
        Open& parent = stack_.back();
        parent.height = std::max(parent.height, height + 1);
        if (parent.node.kind == Node::Kind::sequence) {
            parent.node.items.push_back(std::move(node));
            return;
        }
        if (!parent.key) {
            parent.skip_value = false;
            if (!node.is_scalar()) {
                sink_.error(node.span, "yaml-key", "keys must be plain strings");
                ok = false;
                parent.skip_value = true;
            } else if (!parent.keys.insert(node.value).second) {
                sink_.error(node.span, "duplicate-key", "duplicate key '" + node.value + "'");
                ok = false;
                parent.skip_value = true;
            }
            parent.key = std::move(node);
            return;
        }
        if (!parent.skip_value)
            parent.node.entries.emplace_back(std::move(*parent.key), std::move(node));
        parent.key.reset();
    }

    const FileName file_;  // interned once for every node's span
    int first_line_;
    DiagnosticSink& sink_;
    std::vector<Open> stack_;
    std::vector<Anchored> anchors_;  // by yaml-cpp's anchor number
    std::size_t count_ = 0;
};

std::string hex(std::uint32_t value, int digits) {
    static constexpr char digit[] = "0123456789ABCDEF";
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, value >>= 4)
        out[static_cast<std::size_t>(i)] = digit[value & 0xF];
    return out;
}

// YAML allows tab, line breaks and printable characters only (YAML 1.2,
// c-printable). yaml-cpp does not check: it even takes a NUL in a plain
// scalar for an escape character (its plain scalars have '\0' as escape), so
// "ab<NUL>x41" read as "abA" and a NUL swallowed the character after it.
// The first offending character is an error at its line and column.
bool check_characters(std::string_view text, const std::string& file, int first_line,
                      DiagnosticSink& sink) {
    int line = first_line;
    int column = 1;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = utf8::decode(text, pos, valid);
        const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                             (c >= 0x7F && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF;
        if (!valid || control) {
            std::string message;
            if (!valid) {
                message = "the file is not valid UTF-8 here (byte 0x" +
                          hex(static_cast<unsigned char>(text[start]), 2) + "); save it as UTF-8";
            } else {
                message = "control character U+" + hex(c, 4) +
                          " is not allowed in YAML; remove it (YAML allows tabs, line breaks "
                          "and printable characters)";
            }
            sink.error(SourceSpan::at(file, line, column),
                       valid ? "control-character" : "invalid-utf8", message);
            return false;
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            column += static_cast<int>(pos - start);
        }
    }
    return true;
}

std::string describe(const Node& node) {
    std::string s{node.kind_name()};
    if (node.is_scalar()) s += " '" + node.value + "'";
    return s;
}

}  // namespace

const Node* Node::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k.value == key) return &v;
    return nullptr;
}

std::string_view Node::kind_name() const {
    switch (kind) {
        case Kind::null:
            return "nothing";
        case Kind::scalar:
            return "a string";
        case Kind::sequence:
            return "a list";
        case Kind::map:
            return "a map";
    }
    return "?";
}

std::optional<Node> parse(std::string_view text, const std::string& file, DiagnosticSink& sink,
                          int first_line) {
    if (!check_characters(text, file, first_line, sink)) return std::nullopt;
    std::istringstream in{std::string(text)};
    TreeBuilder builder(file, first_line, sink);
    try {
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
    } catch (const Stop&) {
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        std::string msg = e.msg;
        if (!msg.empty())
            msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
        sink.error(span_of(e.mark, file, first_line), "yaml-syntax", "invalid YAML: " + msg);
        return std::nullopt;
    }
    if (!builder.ok) return std::nullopt;
    Node node = builder.root ? std::move(*builder.root) : Node{};
    if (node.is_null()) node.span = SourceSpan::at(file, first_line, 1);
    return node;
}

bool check_keys(const Node& map, const std::vector<std::string>& allowed, std::string_view where,
                DiagnosticSink& sink) {
    bool all_known = true;
    for (const auto& [key, value] : map.entries) {
        bool known = false;
        for (const auto& a : allowed) known = known || a == key.value;
        if (known) continue;
        all_known = false;
        std::string msg = "unknown key '" + key.value + "' in " + std::string(where);
        if (auto near = closest_match(key.value, allowed)) msg += "; did you mean '" + *near + "'?";
        sink.error(key.span, "unknown-key", msg);
    }
    return all_known;
}

std::optional<std::string> as_string(const Node& node, std::string_view key, DiagnosticSink& sink) {
    if (node.is_scalar()) return node.value;
    sink.error(node.span, "wrong-type",
               "expected a string for '" + std::string(key) + "', found " + describe(node));
    return std::nullopt;
}

std::optional<bool> as_bool(const Node& node, std::string_view key, DiagnosticSink& sink) {
    if (node.is_scalar() && !node.quoted) {
        const std::string& v = node.value;
        if (v == "true" || v == "yes" || v == "on") return true;
        if (v == "false" || v == "no" || v == "off") return false;
    }
    sink.error(node.span, "wrong-type",
               "expected true or false for '" + std::string(key) + "', found " + describe(node));
    return std::nullopt;
}

std::optional<double> as_number(const Node& node, std::string_view key, DiagnosticSink& sink) {
    if (node.is_scalar() && !node.quoted) {
        double d = 0;
        const char* b = node.value.data();
        const char* e = b + node.value.size();
        auto [p, ec] = std::from_chars(b, e, d);
        if (ec == std::errc{} && p == e) return d;
    }
    sink.error(node.span, "wrong-type",
               "expected a number for '" + std::string(key) + "', found " + describe(node));
    return std::nullopt;
}

std::optional<long long> as_integer(const Node& node, std::string_view key, DiagnosticSink& sink) {
    if (node.is_scalar() && !node.quoted) {
        long long i = 0;
        const char* b = node.value.data();
        const char* e = b + node.value.size();
        auto [p, ec] = std::from_chars(b, e, i);
        if (ec == std::errc{} && p == e) return i;
    }
    sink.error(node.span, "wrong-type",
               "expected a whole number for '" + std::string(key) + "', found " + describe(node));
    return std::nullopt;
}

std::optional<std::vector<std::string>> as_string_list(const Node& node, std::string_view key,
                                                       DiagnosticSink& sink, bool allow_single) {
    if (allow_single && node.is_scalar()) return std::vector<std::string>{node.value};
    if (!node.is_sequence()) {
        sink.error(
            node.span, "wrong-type",
            "expected a list of strings for '" + std::string(key) + "', found " + describe(node));
        return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& item : node.items) {
        if (auto s = as_string(item, key, sink))
            out.push_back(*s);
        else
            ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace pamphlet::yaml
