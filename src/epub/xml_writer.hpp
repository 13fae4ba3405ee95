// Deterministic serialisation of pugixml trees for the book's XML files.
// pugixml's own indenting would add whitespace inside <pre> and before
// inline elements; this writer only breaks lines between block-level
// children, so rendering is exactly what the tree says.
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pamphlet::epub {

enum class XmlFlavor {
    xhtml,  // <!DOCTYPE html>, HTML void elements self-close, others get an end tag
    xml,    // OPF, NCX, container.xml: empty elements self-close
};

// The XML declaration, the doctype for XHTML, and the document's root
// element. Every text and attribute value is passed through xml_clean.
std::string serialize_xml(const pugi::xml_document& doc, XmlFlavor flavor);

// The same bytes, written as the document is made, for documents too large
// to hold as trees (the navigation of thousands of articles). Where
// serialize_xml looks at an element's children to put each on a line of
// its own, the caller says so when opening it (`block`): only for elements
// whose children are all block-level elements.
class XmlStream {
public:
    using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

    explicit XmlStream(XmlFlavor flavor);
    void open(std::string_view name, Attributes attributes = {}, bool block = false);
    void close();
    // Empty text adds nothing (as add_text).
    void text(std::string_view text);
    // An element holding just `text`.
    void text_element(std::string_view name, Attributes attributes, std::string_view text);
    // The document, once every element is closed.
    std::string finish();

private:
    struct Open {
        std::string name;
        bool block = false;
        bool has_children = false;
    };
    void begin_child();

    XmlFlavor flavor_;
    std::string out_;
    std::vector<Open> open_;
    bool tag_pending_ = false;  // the last start tag awaits its '>' or '/>'
};

}  // namespace pamphlet::epub
