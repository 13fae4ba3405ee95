#include "html.hpp"

#include <gumbo.h>

#include <memory>

namespace pamphlet::html {
namespace {

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Gumbo names only the elements it knows; for the others ("<x-widget>") the
// name is read back from the tag as written.
std::string tag_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name;
    for (std::size_t i = 0; i < piece.length; ++i) name += ascii_lower(piece.data[i]);
    return name;
}

// Text of a subtree without recursion: the tree below the depth limit may be
// arbitrarily deep.
std::string flatten_text(const GumboNode* root) {
    std::string out;
    std::vector<const GumboNode*> pending{root};
    while (!pending.empty()) {
        const GumboNode* node = pending.back();
        pending.pop_back();
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA:
                out += node->v.text.text;
                break;
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: {
                const GumboVector& children = node->v.element.children;
                for (unsigned i = children.length; i-- > 0;)
                    pending.push_back(static_cast<const GumboNode*>(children.data[i]));
                break;
            }
            case GUMBO_NODE_DOCUMENT:
            case GUMBO_NODE_COMMENT:
                break;
        }
    }
    return out;
}

struct Converter {
    bool flattened = false;

    void convert_children(const GumboVector& children, std::vector<Node>& out, int depth) {
        for (unsigned i = 0; i < children.length; ++i)
            convert(static_cast<const GumboNode*>(children.data[i]), out, depth);
    }

    void convert(const GumboNode* in, std::vector<Node>& out, int depth) {
        switch (in->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA: {
                Node text;
                text.text = in->v.text.text;
                out.push_back(std::move(text));
                return;
            }
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE:
                break;
            case GUMBO_NODE_DOCUMENT:
            case GUMBO_NODE_COMMENT:
                return;
        }
        const GumboElement& element = in->v.element;
        if (depth >= max_fragment_depth) {
            flattened = true;
            Node text;
            text.text = flatten_text(in);
            out.push_back(std::move(text));
            return;
        }
        Node node;
        node.kind = Node::Kind::element;
        node.tag = tag_name(element);
        node.offset = element.start_pos.offset;
        for (unsigned i = 0; i < element.attributes.length; ++i) {
            const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
            std::string name = attr->name;
            for (char& c : name) c = ascii_lower(c);
            node.attributes.emplace_back(std::move(name), attr->value);
            node.attribute_offsets.push_back(attr->name_start.offset);
        }
        convert_children(element.children, node.children, depth + 1);
        out.push_back(std::move(node));
    }
};

struct OutputDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};

}  // namespace

const std::string* Node::attribute(std::string_view name) const {
    for (const auto& [key, value] : attributes)
        if (key == name) return &value;
    return nullptr;
}

Fragment parse_fragment(std::string_view source) {
    // Parsed as a whole document rather than in gumbo's fragment mode: gumbo
    // 0.10.1 reads uninitialised memory for tables in fragment mode (valgrind).
    GumboOptions options = kGumboDefaultOptions;
    // Parse errors are expected (hand-written HTML) and gumbo recovers from
    // all of them; recording them would copy the stack of open elements per
    // error, quadratic memory on deeply nested input.
    options.max_errors = 0;
    std::unique_ptr<GumboOutput, OutputDeleter> output(
        gumbo_parse_with_options(&options, source.data(), source.size()));
    Fragment fragment;
    Converter converter;
    // Elements that may open a document (<style>, <meta>, <title> ...) land
    // in <head>; they belong to the fragment as much as the body does.
    const GumboVector& sections = output->root->v.element.children;
    for (unsigned i = 0; i < sections.length; ++i) {
        const auto* section = static_cast<const GumboNode*>(sections.data[i]);
        if (section->type != GUMBO_NODE_ELEMENT) continue;
        const GumboTag tag = section->v.element.tag;
        if (tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY)
            converter.convert_children(section->v.element.children, fragment.nodes, 0);
    }
    fragment.flattened = converter.flattened;
    return fragment;
}

std::string text_content(const Node& node) {
    if (node.kind == Node::Kind::text) return node.text;
    std::string out;
    for (const auto& child : node.children) out += text_content(child);
    return out;
}

}  // namespace pamphlet::html
