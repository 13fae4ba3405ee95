// The parts of an EPUB as the writer assembles them before packaging.
// Every href is relative to the EPUB/ folder that holds package.opf.
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <vector>

namespace pamphlet::epub {

// An XHTML content document (or the navigation document).
struct ContentDocument {
    std::string id;    // manifest id
    std::string href;  // "text/intro.xhtml"
    std::unique_ptr<pugi::xml_document> xml;
    std::string properties;  // manifest properties, e.g. "nav"
    bool in_spine = true;
};

// Any other file of the book: stylesheet, fonts, images, NCX.
struct Resource {
    std::string id;
    std::string href;
    std::string media_type;
    std::string properties;  // e.g. "cover-image"
    std::string data;
};

// One entry of the table of contents (nav.xhtml and toc.ncx).
struct TocEntry {
    std::string label;
    std::string href;
    std::vector<TocEntry> children;
};

}  // namespace pamphlet::epub
