// Deterministic serialisation of pugixml trees for the book's XML files.
// pugixml's own indenting would add whitespace inside <pre> and before
// inline elements; this writer only breaks lines between block-level
// children, so rendering is exactly what the tree says.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace pamphlet::epub {

enum class XmlFlavor {
    xhtml,  // <!DOCTYPE html>, HTML void elements self-close, others get an end tag
    xml,    // OPF, NCX, container.xml: empty elements self-close
};

// The XML declaration, the doctype for XHTML, and the document's root
// element. Every text and attribute value is passed through xml_clean.
std::string serialize_xml(const pugi::xml_document& doc, XmlFlavor flavor);

}  // namespace pamphlet::epub
