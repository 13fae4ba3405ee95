#include "page/page_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pamphlet::typeset {

namespace {

bool is_discardable(const VerticalItem& item) {
    return item.kind != VerticalItem::Kind::box;
}

// A candidate page end: the list up to `position` (exclusive) is the page.
struct Candidate {
    std::size_t position = 0;
    double cost = std::numeric_limits<double>::infinity();
    bool found = false;
};

}  // namespace

double page_badness(double shortfall, double stretch) {
    if (shortfall <= 0) return 0;
    if (stretch <= 0) return infinitely_bad;
    return badness(shortfall / stretch);
}

std::vector<ItemSpan> pieces(const PageRange& page) {
    std::vector<ItemSpan> result;
    if (!page.lead.empty()) result.push_back(page.lead);
    if (page.skip.empty()) {
        result.push_back({page.begin, page.end});
    } else {
        result.push_back({page.begin, page.skip.begin});
        result.push_back({page.skip.end, page.end});
    }
    std::erase_if(result, [](const ItemSpan& span) { return span.empty(); });
    return result;
}

namespace {

// Filling one page from `start`: the break chosen, and how it was found.
struct Scan {
    std::size_t stop = 0;
    bool keep_broken = false;
    bool forced = false;     // ended by a forced break
    bool rest_fits = false;  // everything up to the limit fits
    ItemSpan skip;           // a figure floated on to the next page
};

class PageScanner {
public:
    PageScanner(const std::vector<VerticalItem>& items, const PageParams& params, std::size_t limit)
        : items_(items), params_(params), limit_(limit) {}

    Scan scan(std::size_t start, const ItemSpan& lead, bool floats) const;

private:
    // What the page holds after `span` is added to it.
    void add(const ItemSpan& span, double& total, double& last_depth) const {
        for (std::size_t i = span.begin; i < span.end; ++i) stack(items_[i], total, last_depth);
    }

    const std::vector<VerticalItem>& items_;
    const PageParams& params_;
    std::size_t limit_;
};

Scan PageScanner::scan(std::size_t start, const ItemSpan& lead, bool floats) const {
    Candidate best;      // among breaks with a penalty below infinite_penalty
    Candidate fallback;  // among all penalties and box-to-box joins, when best finds none
    double total = 0, last_depth = 0;
    // The page's glue stretch: a page it can fill costs as little as one
    // that ragged_bottom lets run short.
    double stretch = params_.ragged_bottom;
    std::size_t boxes = 0;
    if (!lead.empty()) {
        add(lead, total, last_depth);
        boxes = 1;
    }
    Scan result;
    std::size_t end = limit_;
    for (std::size_t i = start; i < limit_; ++i) {
        const VerticalItem& item = items_[i];
        if (item.kind == VerticalItem::Kind::box) {
            if (boxes > 0 && i > start && items_[i - 1].kind == VerticalItem::Kind::box) {
                // Two boxes that touch may be parted only in an emergency.
                const double shortfall = params_.height - (total + last_depth);
                const double cost = page_badness(shortfall, stretch) + infinite_penalty;
                if (cost <= fallback.cost) fallback = {i, cost, true};
            }
            const double bottom = total + last_depth + item.height + item.depth;
            if (boxes > 0 && bottom > params_.height) {
                end = i;
                break;
            }
            stack(item, total, last_depth);
            ++boxes;
            continue;
        }
        if (item.kind == VerticalItem::Kind::glue) {
            stack(item, total, last_depth);
            if (boxes > 0) stretch += item.stretch;
            continue;
        }
        if (boxes == 0) continue;
        // Glue after the page's last box is dropped with the break, so
        // only the boxes count.
        const double shortfall = params_.height - (total + last_depth);
        if (item.penalty <= eject_penalty) {
            best = {i, eject_penalty, true};
            result.forced = true;
            break;
        }
        const double cost =
            page_badness(shortfall, stretch) + std::min(item.penalty, infinite_penalty);
        if (item.penalty < infinite_penalty) {
            if (cost <= best.cost) best = {i, cost, true};
        } else if (cost <= fallback.cost) {
            fallback = {i, cost, true};
        }
        if (floats && item.float_items > 0 && result.skip.empty()) {
            // A figure that would overflow this page but fits on an empty
            // one floats to the next; the text after it goes on here.
            const ItemSpan figure{i, std::min(limit_, i + item.float_items)};
            double with_total = total, with_depth = last_depth;
            add(figure, with_total, with_depth);
            double alone = 0, alone_depth = 0;
            add({figure.begin + 1, figure.end}, alone, alone_depth);
            if (with_total + with_depth > params_.height && alone + alone_depth <= params_.height) {
                result.skip = figure;
                i = figure.end - 1;
            }
        }
    }
    result.rest_fits = !result.forced && end == limit_;
    if (result.rest_fits) {
        result.stop = limit_;
        return result;
    }
    std::size_t stop = best.found ? best.position : fallback.found ? fallback.position : end;
    // Only a page that opens with a floated figure may end where it starts;
    // any other progresses by at least a box.
    if (stop <= start && lead.empty()) stop = end;
    result.stop = stop;
    result.keep_broken = !best.found;
    if (stop <= result.skip.begin) result.skip = {};  // the page ends before the figure
    return result;
}

}  // namespace

std::size_t first_box(const std::vector<VerticalItem>& items, ItemSpan span) {
    while (span.begin < span.end && is_discardable(items[span.begin])) ++span.begin;
    return span.begin;
}

void stack(const VerticalItem& item, double& total, double& depth) {
    if (item.kind == VerticalItem::Kind::box) {
        total += depth + item.height;
        depth = item.depth;
    } else if (item.kind == VerticalItem::Kind::glue) {
        total += depth + item.size;
        depth = 0;
    }
}

double range_height(const std::vector<VerticalItem>& items, const PageRange& range) {
    double total = 0, depth = 0;
    bool started = false;  // glue above the first box is not placed
    for (const ItemSpan& piece : pieces(range)) {
        for (std::size_t i = piece.begin; i < piece.end; ++i) {
            started = started || items[i].kind == VerticalItem::Kind::box;
            if (!started) continue;
            if (items[i].kind == VerticalItem::Kind::glue && range.glue_ratio != 0) {
                VerticalItem stretched = items[i];
                stretched.size = glue_size(items[i], range.glue_ratio);
                stack(stretched, total, depth);
            } else {
                stack(items[i], total, depth);
            }
        }
    }
    return total + depth;
}

double range_stretch(const std::vector<VerticalItem>& items, const PageRange& range) {
    double stretch = 0;
    bool started = false;
    for (const ItemSpan& piece : pieces(range)) {
        for (std::size_t i = piece.begin; i < piece.end; ++i) {
            started = started || items[i].kind == VerticalItem::Kind::box;
            if (started && items[i].kind == VerticalItem::Kind::glue) stretch += items[i].stretch;
        }
    }
    return stretch;
}

std::vector<PageRange> break_pages(const std::vector<VerticalItem>& items,
                                   const PageParams& params) {
    return break_pages(items, params, 0, items.size());
}

std::vector<PageRange> break_pages(const std::vector<VerticalItem>& items, const PageParams& params,
                                   std::size_t begin, std::size_t limit, ItemSpan carried) {
    const PageScanner scanner(items, params, limit);
    std::vector<PageRange> pages;
    std::size_t start = begin;
    while (true) {
        // Below a floated figure the space above the text stays.
        if (carried.empty()) {
            while (start < limit && is_discardable(items[start])) ++start;
            if (start == limit) break;
        }
        Scan scan = scanner.scan(start, carried, true);
        // A figure may not float past the next article or the list's end:
        // then the page is made as if it could not float.
        if (!scan.skip.empty() && (scan.forced || scan.rest_fits))
            scan = scanner.scan(start, carried, false);
        PageRange page{start, scan.stop, scan.keep_broken, carried, scan.skip};
        page.ends_flow = scan.forced || scan.rest_fits;
        pages.push_back(page);
        if (scan.rest_fits) break;
        start = scan.stop;
        carried =
            scan.skip.empty() ? ItemSpan{} : ItemSpan{first_box(items, scan.skip), scan.skip.end};
        // A forced break is consumed by the page it ends; other penalties are
        // discardable and skipped at the next page's top anyway.
    }
    // Trailing glue and penalties are not part of any page's content.
    for (PageRange& page : pages) {
        while (page.end > page.begin && is_discardable(items[page.end - 1])) --page.end;
    }
    // Pages that end short stretch their glue to the bottom, if it can
    // reach (see PageRange::glue_ratio).
    for (std::size_t k = 0; k < pages.size(); ++k) {
        PageRange& page = pages[k];
        if (page.ends_flow) continue;
        const double shortfall = params.height - range_height(items, page);
        const double stretch = range_stretch(items, page);
        if (shortfall > 0 && stretch > 0 && shortfall <= stretch) page.glue_ratio = shortfall / stretch;
    }
    return pages;
}

}  // namespace pamphlet::typeset
