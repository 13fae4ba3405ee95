// What the page builder breaks and the page assembler paints: the vertical
// list (page_builder.hpp) plus, for each box, its items relative to the
// box's baseline and left text edge, and what the box marks (link targets,
// outline entries, the article it belongs to).
#pragma once

#include "page/page_builder.hpp"

#include "pamphlet/layout.hpp"
#include "pamphlet/page_starts.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pamphlet::typeset {

// A link area whose target may lie on a page not made yet: `destination`
// names an anchor ("article-id" or "article-id#fragment"); empty when the
// area carries an external `uri`.
struct PendingLink {
    LinkArea area;
    std::string destination;
};

// A tinted box behind consecutive boxes of the list (a callout), with a rule
// down its left edge. It is painted where the boxes land, once per page or
// column they share: from the top of the first to the bottom of the last, so
// that the glue between them is tinted too and a long callout split by the
// page builder continues on the next page as a box of its own.
struct Frame {
    double x = 0, width = 0;  // from the text area's left edge
    Color fill;
    double rule_width = 0;  // 0: no rule
    Color rule_color;
};

struct BoxContent {
    std::vector<PageItem> items;       // x from the text area's left edge, y from the baseline
    std::vector<PendingLink> links;    // likewise
    std::vector<std::string> anchors;  // the box's top is where these land
    std::optional<OutlineEntry> outline;
    int article = -1;  // index into the edition's articles
    // Where the box stands in the article's text: a page that opens with it
    // begins there. None: page furniture, the handout's contact block.
    std::optional<TextPosition> position;
    // The frames the box stands in, outermost first (VerticalList::frames).
    std::vector<int> frames;
    // Painted again on later pages (a table's header, VerticalList::repeats):
    // its items are copied onto each page, not moved.
    bool repeated = false;
};

struct VerticalList {
    std::vector<VerticalItem> items;
    std::vector<BoxContent> contents;  // VerticalItem::content indexes these
    std::vector<Frame> frames;         // BoxContent::frames indexes these
    // Runs of boxes a page that continues them begins with again (a table's
    // header; VerticalItem::repeat indexes these, PageParams::repeats).
    std::vector<ItemSpan> repeats;
    // Footnotes, in the order they are called for (VerticalItem::notes_end):
    // boxes and glue whose contents are in `contents` too.
    std::vector<VerticalItem> notes;
};

}  // namespace pamphlet::typeset
