// The parts of an EPUB as the writer records them for the package
// document. Every href is relative to the EPUB/ folder that holds
// package.opf. A page itself is not kept: it is built, written into the
// archive and dropped (see epub.cpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace pamphlet {
class ImageAsset;  // pamphlet/image.hpp
}

namespace pamphlet::epub {

// An XHTML content document (or the navigation document).
struct ContentDocument {
    std::string id;    // manifest id
    std::string href;  // "text/intro.xhtml"
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
    // When set, the bytes are this image's, taken from the build's image
    // store only when the archive writer reaches the resource (so a book's
    // photos are never all copied into it at once).
    std::shared_ptr<const ImageAsset> image;
};

// One entry of the table of contents (nav.xhtml and toc.ncx).
struct TocEntry {
    std::string label;
    std::string href;
    std::vector<TocEntry> children;
};

}  // namespace pamphlet::epub
