#include "page/columns.hpp"

#include <algorithm>

namespace pamphlet::typeset {

namespace {

bool is_box(const VerticalItem& item) {
    return item.kind == VerticalItem::Kind::box;
}

bool is_forced(const VerticalItem& item) {
    return item.kind == VerticalItem::Kind::penalty && item.penalty <= eject_penalty;
}

// A run of the list set the same way: across the page or in columns.
// Discardable items before its first box belong to it (the space above it).
struct Segment {
    std::size_t begin = 0, end = 0;
    bool span = false;
    bool page_break_after = false;  // a forced break ends it
};

std::vector<Segment> segments_of(const std::vector<VerticalItem>& items) {
    std::vector<Segment> segments;
    std::size_t begin = 0;
    std::size_t last_box = 0;
    bool has_box = false, span = false;
    auto close = [&](std::size_t end, bool forced) {
        if (has_box)
            segments.push_back({begin, end, span, forced});
        else if (forced && !segments.empty())
            segments.back().page_break_after = true;
        has_box = false;
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        const VerticalItem& item = items[i];
        if (is_forced(item)) {
            close(i, true);
            begin = i + 1;
            continue;
        }
        if (!is_box(item)) continue;
        if (has_box && item.span != span) {
            // The glue between the two parts is the space above the second.
            close(last_box + 1, false);
            begin = last_box + 1;
        }
        if (!has_box) span = item.span;
        has_box = true;
        last_box = i;
    }
    close(items.size(), false);
    return segments;
}

// The space above a segment when it does not open a page: its glue before
// the first box.
double space_above(const std::vector<VerticalItem>& items, const Segment& segment) {
    double space = 0;
    for (std::size_t i = segment.begin; i < segment.end && !is_box(items[i]); ++i) {
        if (items[i].kind == VerticalItem::Kind::glue) space += items[i].size;
    }
    return space;
}

// Height of a flow's first `lines` boxes: what must fit below an opening
// for it to stay on the page.
double opening_lines(const std::vector<VerticalItem>& items, const Segment& segment, int lines) {
    const std::size_t start = first_box(items, {segment.begin, segment.end});
    std::size_t end = start;
    for (int seen = 0; end < segment.end && seen < lines; ++end) {
        if (is_box(items[end])) ++seen;
    }
    return range_height(items, {start, end, false, {}, {}});
}

class Planner {
public:
    Planner(const std::vector<VerticalItem>& items, const ColumnParams& params)
        : items_(items), params_(params) {}

    std::vector<PagePlan> run();

private:
    void place_span(const Segment& segment, const Segment* next);
    void place_flow(const Segment& segment);
    // The breaks of items [begin, end) into columns `height` tall, after a
    // figure carried over from the column before, with the notes not yet
    // placed at their feet.
    std::vector<PageRange> columns_of(std::size_t begin, std::size_t end, double height,
                                      ItemSpan carried) const {
        PageParams page = params_.page;
        page.height = height;
        return break_pages(items_, page, begin, end, carried, notes_);
    }
    // A column (or a spanning part) is on its page: the notes it calls for
    // and holds are counted.
    void placed(const PageRange& range) {
        for (const ItemSpan& piece : pieces(range))
            for (std::size_t i = piece.begin; i < piece.end; ++i)
                notes_.called = std::max(notes_.called, items_[i].notes_end);
        if (!range.notes.empty()) notes_.from = std::max(notes_.from, range.notes.end);
    }
    bool notes_left() const { return params_.page.notes != nullptr && notes_.from < notes_.called; }
    // Whether one of `ranges` leaves notes its lines call for to a later
    // column.
    bool defers_notes(const std::vector<PageRange>& ranges) const {
        std::size_t called = notes_.called;
        for (const PageRange& range : ranges) {
            for (const ItemSpan& piece : pieces(range))
                for (std::size_t i = piece.begin; i < piece.end; ++i)
                    called = std::max(called, items_[i].notes_end);
            if (range.notes.end < called) return true;
        }
        return false;
    }
    void close_page() {
        if (!page_.regions.empty()) pages_.push_back(std::move(page_));
        page_ = {};
        used_ = 0;
    }

    const std::vector<VerticalItem>& items_;
    const ColumnParams& params_;
    std::vector<PagePlan> pages_;
    PagePlan page_;
    double used_ = 0;  // height taken on the current page, from the text area's top
    NotesCarried notes_;  // footnotes called for and not placed yet
};

std::vector<PagePlan> Planner::run() {
    const std::vector<Segment> segments = segments_of(items_);
    for (std::size_t k = 0; k < segments.size(); ++k) {
        const Segment& segment = segments[k];
        if (segment.span) {
            place_span(segment, k + 1 < segments.size() ? &segments[k + 1] : nullptr);
        } else {
            place_flow(segment);
        }
        if (segment.page_break_after) close_page();
    }
    close_page();
    return std::move(pages_);
}

void Planner::place_span(const Segment& segment, const Segment* next) {
    const double height = params_.page.height;
    const std::size_t start = first_box(items_, {segment.begin, segment.end});
    const PageRange whole{start, segment.end, false, {}, {}};
    const double own = range_height(items_, whole);
    // An opening keeps two lines of what follows it on its page.
    double keep = 0;
    if (next != nullptr && !next->span && !segment.page_break_after)
        keep = space_above(items_, *next) + opening_lines(items_, *next, 2);
    if (!page_.regions.empty() && used_ + space_above(items_, segment) + own + keep > height)
        close_page();
    const double top = page_.regions.empty() ? 0 : used_ + space_above(items_, segment);
    if (top + own <= height) {
        page_.regions.push_back({whole, true, 0, top});
        used_ = top + own;
        // Notes it calls for (a table across the columns) stand at the
        // foot of the columns that follow.
        placed(whole);
        return;
    }
    // Taller than a page: it gets pages of its own, as one column would.
    const std::vector<PageRange> ranges = columns_of(start, segment.end, height, {});
    for (std::size_t r = 0; r < ranges.size(); ++r) {
        placed(ranges[r]);
        page_.regions.push_back({ranges[r], true, 0, 0});
        used_ = range_height(items_, ranges[r]);
        if (r + 1 < ranges.size()) close_page();
    }
}

void Planner::place_flow(const Segment& segment) {
    const double height = params_.page.height;
    const auto columns = static_cast<std::size_t>(params_.columns);
    std::size_t start = segment.begin;
    ItemSpan carried;
    bool first = true;
    while (first_box(items_, {start, segment.end}) < segment.end || !carried.empty() ||
           notes_left()) {
        double top = 0;
        if (!page_.regions.empty()) {
            top = used_ + (first ? space_above(items_, segment) : 0);
            // No room for two lines below what the page holds: a new page.
            if (top + opening_lines(items_, {start, segment.end}, 2) > height) {
                close_page();
                top = 0;
            }
        }
        first = false;
        const double room = height - top;
        std::vector<PageRange> ranges = columns_of(start, segment.end, room, carried);
        if (ranges.size() > columns) {
            for (std::size_t c = 0; c < columns; ++c) {
                placed(ranges[c]);
                page_.regions.push_back({ranges[c], false, static_cast<int>(c), top});
            }
            start = ranges[columns].begin;
            carried = ranges[columns].lead;
            close_page();
            continue;
        }
        // The rest fits on this page: the shortest columns that hold it —
        // without breaking a keep the full columns did not break, or moving
        // a footnote away from its column that they did not move.
        const bool keeps_hold = std::none_of(ranges.begin(), ranges.end(),
                                             [](const PageRange& r) { return r.keep_broken; });
        const bool notes_stay = !defers_notes(ranges);
        auto holds = [&](double column_height) {
            const std::vector<PageRange> trial =
                columns_of(start, segment.end, column_height, carried);
            return trial.size() <= columns &&
                   (!keeps_hold || std::none_of(trial.begin(), trial.end(),
                                                [](const PageRange& r) { return r.keep_broken; })) &&
                   (!notes_stay || !defers_notes(trial));
        };
        double low = 0, high = room;
        for (int step = 0; step < 24 && high - low > 0.25; ++step) {
            const double middle = (low + high) / 2;
            if (holds(middle)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        ranges = columns_of(start, segment.end, high, carried);
        double tallest = 0;
        for (std::size_t c = 0; c < ranges.size(); ++c) {
            placed(ranges[c]);
            page_.regions.push_back({ranges[c], false, static_cast<int>(c), top});
            tallest = std::max(tallest, range_height(items_, ranges[c]));
        }
        used_ = top + tallest;
        return;
    }
}

}  // namespace

std::vector<PagePlan> plan_pages(const std::vector<VerticalItem>& items,
                                 const ColumnParams& params) {
    if (params.columns <= 1) {
        std::vector<PagePlan> pages;
        for (const PageRange& range : break_pages(items, params.page))
            pages.push_back({{{range, false, 0, 0}}});
        return pages;
    }
    return Planner(items, params).run();
}

}  // namespace pamphlet::typeset
