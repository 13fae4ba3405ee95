// Where the pages of a printed brochure begin in its articles' text: what
// the typesetter (src/typeset) records as it places the body's pages, and
// what the EPUB writer (src/epub) marks as page breaks, so that "page 5 of
// the brochure" is the same place in both. Neither module knows the other;
// the build job hands the records from one to the other.
#pragma once

#include <compare>
#include <cstddef>
#include <string>
#include <vector>

namespace pamphlet {

// A place in an edition's text, in reading order. `blocks` is the path to a
// block of the article's body: an index into its blocks, then into that
// block's children (a list's items, an item's or a quote's blocks). Empty:
// the article's start, before its title. `offset` is a byte offset into the
// block's text as plain_text() flattens it (a code block's: its text; a
// figure, rule or other block without text of its own: 0, before it).
struct TextPosition {
    int article = 0;  // index into the edition's articles
    std::vector<int> blocks;
    std::size_t offset = 0;
    friend auto operator<=>(const TextPosition&, const TextPosition&) = default;
    friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

// A page of the brochure and where its text begins. Only pages that print a
// page number and show text of an article have one: a reader can be sent
// to "page 5", never to the cover, the contents or a blank page.
struct PageStart {
    int page = 0;       // index into the document's pages
    std::string label;  // the number its footer prints: "5"
    TextPosition at;
};

}  // namespace pamphlet
