// Raw HTML found inside Markdown, parsed by gumbo the way a browser would
// (unclosed tags closed, entities decoded, comments gone) into a neutral tree.
// Only src/html sees gumbo; src/markdown maps this tree onto the model.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pamphlet::html {

struct Node {
    enum class Kind { element, text };
    Kind kind = Kind::text;
    std::string tag;  // lower-case element name ("p", "span", "x-widget")
    std::vector<std::pair<std::string, std::string>> attributes;  // lower-case names, in order
    std::string text;                                             // text node contents, decoded
    std::vector<Node> children;
    // Byte offsets in the parsed source: of the start tag ('<'), and of each
    // attribute's name (parallel to `attributes`), for messages that point
    // at them. An element the parser implied has no tag of its own.
    std::size_t offset = 0;
    std::vector<std::size_t> attribute_offsets;

    // The value of attribute `name`, or nullptr.
    const std::string* attribute(std::string_view name) const;
};

struct Fragment {
    std::vector<Node> nodes;
    // Elements nested deeper than the limit were replaced by their text, so
    // that hostile input cannot exhaust the stack of whoever walks the tree.
    bool flattened = false;
};

inline constexpr int max_fragment_depth = 48;

// Parses `source` as the contents of a <body> element.
Fragment parse_fragment(std::string_view source);

// The text of `node` and its descendants, concatenated.
std::string text_content(const Node& node);

}  // namespace pamphlet::html
