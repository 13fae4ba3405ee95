// YAML documents as pamphlet's own tree of nodes with source spans. Only
// src/yaml sees yaml-cpp; everyone else validates these nodes.
#pragma once

#include "pamphlet/diagnostics.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pamphlet::yaml {

struct Node {
    // A key and its value, read like the std::pair it once was (`first`,
    // `second`, `auto& [key, value]`). Its own type because a vector of
    // std::pair<Node, Node> inside Node needs Node complete, which clang
    // (the fuzz build) insists on with libstdc++ 12.
    struct Entry;

    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    std::string value;           // scalar text
    bool quoted = false;         // scalar was written in quotes ("yes" stays a string)
    std::vector<Node> items;     // sequence
    std::vector<Entry> entries;  // map, in document order
    SourceSpan span;             // where the node starts

    bool is_null() const { return kind == Kind::null; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_sequence() const { return kind == Kind::sequence; }
    bool is_map() const { return kind == Kind::map; }
    // Value for `key` in a map, or nullptr.
    const Node* find(std::string_view key) const;
    // "a string", "a list", "a map", "nothing": for messages.
    std::string_view kind_name() const;
};

struct Node::Entry {
    Entry(Node key, Node value) : first(std::move(key)), second(std::move(value)) {}
    Node first;   // the key, a scalar
    Node second;  // the value
};

// Parses one YAML document. `first_line` is the line of `text`'s first line in
// `file` (front matter starts at line 2). Syntax errors and duplicate keys are
// reported; the result is nullopt when the text is not valid YAML.
std::optional<Node> parse(std::string_view text, const std::string& file, DiagnosticSink& sink,
                          int first_line = 1);

// Reports every key of `map` that is not in `allowed` ("unknown key 'titel'
// in collection.yaml; did you mean 'title'?"). `where` names the map for the
// message ("collection", "front matter", "publisher"). Returns true when all
// keys are known.
bool check_keys(const Node& map, const std::vector<std::string>& allowed, std::string_view where,
                DiagnosticSink& sink);

// Typed reads that report "expected a string for 'title', found a list".
// `key` is the name used in the message.
std::optional<std::string> as_string(const Node& node, std::string_view key, DiagnosticSink& sink);
std::optional<bool> as_bool(const Node& node, std::string_view key, DiagnosticSink& sink);
std::optional<double> as_number(const Node& node, std::string_view key, DiagnosticSink& sink);
std::optional<long long> as_integer(const Node& node, std::string_view key, DiagnosticSink& sink);
// A list of strings; a single string is accepted as a one-element list when
// `allow_single` is true.
std::optional<std::vector<std::string>> as_string_list(const Node& node, std::string_view key,
                                                       DiagnosticSink& sink,
                                                       bool allow_single = false);

}  // namespace pamphlet::yaml
