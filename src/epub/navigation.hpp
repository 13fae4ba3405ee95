// The navigation document (nav.xhtml: table of contents and landmarks) and
// its EPUB 2 counterpart toc.ncx, which older readers still use.
#pragma once

#include "book.hpp"
#include "xhtml.hpp"

#include <string>
#include <vector>

namespace pamphlet::epub {

struct Landmark {
    std::string type;  // epub:type: "cover", "toc", "bodymatter"
    std::string label;
    std::string href;
};

// nav.xhtml sits in EPUB/, next to package.opf, so hrefs are used as is.
// `pages`: the printed brochure's page list (label and href per page), or none.
XhtmlPage navigation_document(const std::vector<TocEntry>& toc,
                              const std::vector<Landmark>& landmarks,
                              const std::vector<TocEntry>& pages, const std::string& lang);

// The same document serialised, written as it is made: the tree of a book of
// thousands of articles would be its largest object.
std::string navigation_text(const std::vector<TocEntry>& toc,
                            const std::vector<Landmark>& landmarks,
                            const std::vector<TocEntry>& pages, const std::string& lang);

// A navigation document that shows every character of the one for `toc`
// in the same elements (one entry per depth, holding all the labels at that
// depth; the hidden landmarks and page list show nothing), at a fraction of
// its size: what the fonts must cover.
XhtmlPage navigation_sample(const std::vector<TocEntry>& toc, const std::string& lang);

// toc.ncx, serialised as it is made.
std::string ncx_text(const std::vector<TocEntry>& toc, const std::string& identifier,
                     const std::string& title, const std::string& lang);

}  // namespace pamphlet::epub
