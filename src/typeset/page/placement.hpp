// Moving box contents onto a page: from box-relative coordinates (x from
// the text area's left edge, y from the baseline) to the page's.
#pragma once

#include "page/vertical_list.hpp"

namespace pamphlet::typeset {

// Appends `content`'s items to `page`, its left edge at `x` and baseline at
// `baseline`.
void place_items(const BoxContent& content, double x, double baseline, Page& page);
// The same, taking the items over: for content placed once and not needed
// after, which spares the page a copy of every glyph.
void place_items(std::vector<PageItem>&& items, double x, double baseline, Page& page);
void place_items(BoxContent&& content, double x, double baseline, Page& page);

// `link`'s area moved likewise.
LinkArea placed_link(const PendingLink& link, double x, double baseline);

}  // namespace pamphlet::typeset
