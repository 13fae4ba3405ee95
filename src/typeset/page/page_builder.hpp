// Breaking a vertical list into pages, the way TeX's page builder does:
// boxes (lines, images, rules) with glue and penalties between them; at every
// legal break the cost is the page's badness plus the penalty, and the
// cheapest break before the page overflows wins. Pages may run short by
// `ragged_bottom` (TeX's \raggedbottom stretch), which is what lets a heading
// move to the next page with its lines instead of ending a page alone.
// A figure that does not fit in what is left of a page floats to the top of
// the next, and the text after it fills the page — as LaTeX's [tp] floats,
// but never past a forced break (the next article) or the list's end.
// Footnotes are TeX's insertions: a second list of boxes (PageParams::notes)
// that a box of the main list calls for; the page that holds the box holds
// the notes it calls for at its foot, at least their first line, and the
// break is chosen with their height counted; what does not fit continues at
// the foot of the next page.
#pragma once

#include "tex.hpp"

#include <cstddef>
#include <vector>

namespace pamphlet::typeset {

struct VerticalItem {
    enum class Kind { box, glue, penalty };
    Kind kind = Kind::box;
    // A page that begins at this item (its first box) begins with the boxes
    // PageParams::repeats[repeat] first: a table's header, painted again
    // above the rows it continues with (-1: none).
    int repeat = -1;
    double height = 0, depth = 0;  // box: above and below its baseline, pt
    double size = 0;               // glue: pt; discarded at the top of a page
    // Glue: how much it may grow on a page that would otherwise end short
    // (the space between paragraphs, above headings), pt.
    double stretch = 0;
    double penalty = 0;            // penalty: cost of a page break here
    int content = -1;              // box: what to paint (the caller's index)
    // Box: spans every column of a multi-column page (an article's opening).
    bool span = false;
    // Penalty: it and the next `float_items - 1` items are a figure that may
    // float to the next page's top (0: not a float).
    std::size_t float_items = 0;
    // Box: the notes (PageParams::notes) up to this index are called for by
    // it or by boxes before it (0: none). Notes are called for in order.
    std::size_t notes_end = 0;

    static VerticalItem box(double height, double depth, int content = -1, bool span = false) {
        return {.kind = Kind::box, .height = height, .depth = depth, .content = content,
                .span = span};
    }
    static VerticalItem glue(double size, double stretch = 0) {
        return {.kind = Kind::glue, .size = size, .stretch = stretch};
    }
    static VerticalItem make_penalty(double penalty) {
        return {.kind = Kind::penalty, .penalty = penalty};
    }
};

// Items [begin, end) of the list.
struct ItemSpan {
    std::size_t begin = 0, end = 0;
    bool empty() const { return begin >= end; }
};

struct PageParams {
    double height = 700;        // of the text area, pt
    double ragged_bottom = 60;  // how much shorter a page may run at little cost, pt
    // Footnotes: boxes and glue, each note's lines touching; nullptr: none.
    const std::vector<VerticalItem>* notes = nullptr;
    double note_skip = 0;  // what a page with notes gives up above them, pt
    // What VerticalItem::repeat indexes: boxes painted again at the top of
    // a page (nullptr: none).
    const std::vector<ItemSpan>* repeats = nullptr;
};

// One page's share of the list: items [begin, end), with the discardable
// glue and penalties at its top already skipped — unless a figure floated
// here (`lead`), which comes first, the space below it being the glue at
// `begin`. A figure within [begin, end) that floated on to the next page is
// `skip`.
struct PageRange {
    std::size_t begin = 0, end = 0;
    // The page ends where a keep forbids it (an infinite_penalty or two
    // touching boxes), because no allowed break came before it overflowed.
    bool keep_broken = false;
    ItemSpan lead, skip;
    // How far the page's glue stretches: 0 at its natural size, 1 by all
    // its stretch. A page that falls short of the bottom by no more than
    // its glue can stretch ends at the bottom (TeX's \flushbottom); one
    // that falls shorter keeps its natural spacing (spaces stretched to
    // their limit would not hide the gap, only spread it), and so does the
    // last page before a forced break or the list's end.
    double glue_ratio = 0;
    // The page ends at a forced break or at the end of what was broken:
    // it ends where its text does, however short.
    bool ends_flow = false;
    // The notes at the page's foot: items of PageParams::notes.
    ItemSpan notes{};
    // Boxes painted again above the page's own, below `lead`: the header of
    // the table the page continues (PageParams::repeats).
    ItemSpan repeat{};
};

// What glue `item` takes on a page whose glue stretches by `ratio`.
inline double glue_size(const VerticalItem& item, double ratio) {
    return item.size + ratio * item.stretch;
}

// The parts of a page in the order they are set: lead, repeat, then
// [begin, end) without skip.
std::vector<ItemSpan> pieces(const PageRange& page);

// What a page whose first box is items[at] repeats above it (empty: none).
ItemSpan repeat_at(const std::vector<VerticalItem>& items, const PageParams& params,
                   std::size_t at);

// The first box of `span` (span.end: none).
std::size_t first_box(const std::vector<VerticalItem>& items, ItemSpan span);

// What `item` adds below `total` pt of stacked items whose last box has
// `depth` below its baseline; the page's height is then total + depth.
void stack(const VerticalItem& item, double& total, double& depth);

// Height from the first box of `range` to the bottom of its last, as placed
// (its glue stretched by the range's glue_ratio).
double range_height(const std::vector<VerticalItem>& items, const PageRange& range);

// The stretch of the glue between the first box of `range` and its last.
double range_stretch(const std::vector<VerticalItem>& items, const PageRange& range);

// Height of notes [span) at a page's foot, PageParams::note_skip included
// (0 when the span holds no box).
double notes_height(const PageParams& params, ItemSpan span);

// Breaks `items` into pages. Every box lands on exactly one page; a box
// taller than the page gets a page of its own. A page only ends at a penalty
// below infinite_penalty, unless no such break exists before the page overflows:
// then the least bad break that does fit is taken (infinite_penalty penalties
// included), so that the brochure is made even when keeps cannot all be
// honoured. Notes that do not fit below the last box go on pages of their
// own, whose ranges are empty.
std::vector<PageRange> break_pages(const std::vector<VerticalItem>& items,
                                   const PageParams& params);

// Footnotes called for before the pages broken now: those from `from` on
// are not placed yet, and those up to `called` are called for.
struct NotesCarried {
    std::size_t from = 0, called = 0;
};

// The same for items [begin, limit) only, after a figure `carried` from
// the page before, which the first page begins with, and the notes
// `notes` left to place.
std::vector<PageRange> break_pages(const std::vector<VerticalItem>& items, const PageParams& params,
                                   std::size_t begin, std::size_t limit, ItemSpan carried = {},
                                   NotesCarried notes = {});

// TeX's page badness for a page `shortfall` pt short with `stretch` pt of
// stretch: badness(shortfall / stretch), infinitely_bad without stretch.
double page_badness(double shortfall, double stretch);

}  // namespace pamphlet::typeset
