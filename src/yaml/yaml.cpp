#include "pamphlet/yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <set>

namespace pamphlet::yaml {
namespace {

SourceSpan span_of(const YAML::Mark& mark, const std::string& file, int first_line) {
    if (mark.is_null()) return SourceSpan::whole(file);
    return SourceSpan::at(file, mark.line + first_line, mark.column + 1);
}

struct Converter {
    const std::string& file;
    int first_line;
    DiagnosticSink& sink;
    bool ok = true;

    Node convert(const YAML::Node& in) {
        Node out;
        out.span = span_of(in.Mark(), file, first_line);
        switch (in.Type()) {
            case YAML::NodeType::Undefined:
            case YAML::NodeType::Null:
                out.kind = Node::Kind::null;
                break;
            case YAML::NodeType::Scalar:
                out.kind = Node::Kind::scalar;
                out.value = in.Scalar();
                out.quoted = in.Tag() == "!";
                if (!out.value.empty()) {
                    out.span.end = out.span.begin;
                    out.span.end.column += static_cast<int>(out.value.size());
                }
                break;
            case YAML::NodeType::Sequence:
                out.kind = Node::Kind::sequence;
                for (const auto& item : in) out.items.push_back(convert(item));
                break;
            case YAML::NodeType::Map: {
                out.kind = Node::Kind::map;
                std::set<std::string> seen;
                for (const auto& kv : in) {
                    Node key = convert(kv.first);
                    if (!key.is_scalar()) {
                        sink.error(key.span, "yaml-key", "keys must be plain strings");
                        ok = false;
                        continue;
                    }
                    if (!seen.insert(key.value).second) {
                        sink.error(key.span, "duplicate-key", "duplicate key '" + key.value + "'");
                        ok = false;
                        continue;
                    }
                    Node value = convert(kv.second);
                    out.entries.emplace_back(std::move(key), std::move(value));
                }
                break;
            }
        }
        return out;
    }
};

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
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        std::string msg = e.msg;
        if (!msg.empty())
            msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
        sink.error(span_of(e.mark, file, first_line), "yaml-syntax", "invalid YAML: " + msg);
        return std::nullopt;
    }
    Converter c{file, first_line, sink};
    Node node = c.convert(root);
    if (!c.ok) return std::nullopt;
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
