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

struct BoxContent {
    std::vector<PageItem> items;       // x from the text area's left edge, y from the baseline
    std::vector<PendingLink> links;    // likewise
    std::vector<std::string> anchors;  // the box's top is where these land
    std::optional<OutlineEntry> outline;
    int article = -1;  // index into the edition's articles
    // Where the box stands in the article's text: a page that opens with it
    // begins there. None: page furniture, the handout's contact block.
    std::optional<TextPosition> position;
};

struct VerticalList {
    std::vector<VerticalItem> items;
    std::vector<BoxContent> contents;  // VerticalItem::content indexes these
};

}  // namespace pamphlet::typeset
