// Pages of one or more columns. With one column a page is what break_pages
// makes of the list. With more, the list alternates between spanning parts
// (an article's opening, set across the whole text area) and flows set in
// columns: a flow fills a page's columns one after another, the same page
// builder choosing each column's end, and where the flow ends — before the
// next opening, at a forced page break or at the end of the list — its last
// page's columns are balanced, as LaTeX's multicol does: the shortest column
// height at which the rest still fits in the page's columns.
#pragma once

#include "page/page_builder.hpp"

#include <vector>

namespace pamphlet::typeset {

struct Region {
    PageRange range;
    bool span = false;  // set across all columns
    int column = 0;     // which column, when not spanning
    double top = 0;     // pt below the top of the text area
};

struct PagePlan {
    std::vector<Region> regions;  // top to bottom, then left to right
};

struct ColumnParams {
    PageParams page;
    int columns = 1;
};

std::vector<PagePlan> plan_pages(const std::vector<VerticalItem>& items,
                                 const ColumnParams& params);

}  // namespace pamphlet::typeset
