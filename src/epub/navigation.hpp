// The navigation document (nav.xhtml: table of contents and landmarks) and
// its EPUB 2 counterpart toc.ncx, which older readers still use.
#pragma once

#include "book.hpp"
#include "xhtml.hpp"

#include <functional>
#include <string>
#include <vector>

namespace pamphlet::epub {

struct Landmark {
    std::string type;  // epub:type: "cover", "toc", "bodymatter"
    std::string label;
    std::string href;
};

// A table of contents given one top-level entry at a time: calling it with
// `take` calls take(entry) for each entry, in order, and may be done more
// than once. A book of thousands of articles so never holds its whole table
// (it was as large as the navigation document itself).
using TocEntries = std::function<void(const std::function<void(const TocEntry&)>& take)>;
// The entries of `toc`, held.
TocEntries entries_of(const std::vector<TocEntry>& toc);

// nav.xhtml sits in EPUB/, next to package.opf, so hrefs are used as is.
// `pages`: the printed brochure's page list (label and href per page), or none.
XhtmlPage navigation_document(const std::vector<TocEntry>& toc,
                              const std::vector<Landmark>& landmarks,
                              const std::vector<TocEntry>& pages, const std::string& lang);

// The same document serialised, written as it is made: the tree of a book of
// thousands of articles would be its largest object.
std::string navigation_text(const TocEntries& toc, const std::vector<Landmark>& landmarks,
                            const std::vector<TocEntry>& pages, const std::string& lang);
inline std::string navigation_text(const std::vector<TocEntry>& toc,
                                   const std::vector<Landmark>& landmarks,
                                   const std::vector<TocEntry>& pages, const std::string& lang) {
    return navigation_text(entries_of(toc), landmarks, pages, lang);
}

// A navigation document that shows every character of the one for `toc`
// in the same elements (one entry per depth, holding all the labels at that
// depth; the hidden landmarks and page list show nothing), at a fraction of
// its size: what the fonts must cover.
XhtmlPage navigation_sample(const TocEntries& toc, const std::string& lang);
inline XhtmlPage navigation_sample(const std::vector<TocEntry>& toc, const std::string& lang) {
    return navigation_sample(entries_of(toc), lang);
}

// toc.ncx, serialised as it is made.
std::string ncx_text(const TocEntries& toc, const std::string& identifier, const std::string& title,
                     const std::string& lang);
inline std::string ncx_text(const std::vector<TocEntry>& toc, const std::string& identifier,
                            const std::string& title, const std::string& lang) {
    return ncx_text(entries_of(toc), identifier, title, lang);
}

}  // namespace pamphlet::epub
