// The table of contents: a title, then one entry per article — its title,
// dot leaders and the page it starts on, the whole entry a link to it. The
// page numbers are known only after the body is paginated, so the list is
// made twice: once with blank numbers to learn how many pages it takes
// (the entries' lines do not depend on the numbers), then with the numbers.
#pragma once

#include "document/text_setter.hpp"
#include "page/vertical_list.hpp"

#include <string>
#include <vector>

namespace pamphlet::typeset {

struct ContentsEntry {
    std::string title;
    std::string destination;  // anchor of the article's start
    int number = 0;           // printed page number; 0: not known yet, printed blank
};

// Where the contents' elements go (tagged PDF): none without a tree.
struct ContentsTags {
    StructureTree* tree = nullptr;
    StructRef parent = artifact;
};

// The contents as a vertical list for a text area `measure` pt wide.
VerticalList contents_list(const std::vector<ContentsEntry>& entries, const std::string& lang,
                           double measure, const SourceSpan& span, TextSetter& setter,
                           ContentsTags tags = {});

// Leader dots from `start` to `end` (x, pt), on a grid of `interval` pt
// counted from x = 0 as TeX's aligned \leaders are, so that the dots of
// different lines stand in columns. Returns the left edges of the dots'
// cells; a cell lies wholly inside [start, end].
std::vector<double> leader_positions(double start, double end, double interval);

}  // namespace pamphlet::typeset
