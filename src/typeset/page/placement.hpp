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

// The frames of a range of boxes placed on one page (or in one column of
// it): each box is told to it before its items are placed, and `finish`
// ends the range. A frame's tint is set into the page's items where its
// first box's items begin, so it lies under them; its size is known only
// when its last box on the page is.
class FramePainter {
public:
    FramePainter(const std::vector<Frame>& frames, double left) : frames_(frames), left_(left) {}
    // A box in `frames`, from `top` down to `bottom` in page coordinates.
    void add_box(const std::vector<int>& frames, double top, double bottom, Page& page);
    void finish(Page& page);

private:
    struct Open {
        int frame = -1;
        std::size_t fill_item = 0, rule_item = 0;  // items taken for the tint and the rule, drawn on close
        double top = 0, bottom = 0;
    };
    void close(const Open& open, Page& page) const;

    const std::vector<Frame>& frames_;
    double left_;
    std::vector<Open> open_;  // outermost first
};

// The items become artifacts (tagged PDF): painted, but not read.
void make_artifacts(std::vector<PageItem>& items);

// `link`'s area moved likewise.
LinkArea placed_link(const PendingLink& link, double x, double baseline);

}  // namespace pamphlet::typeset
