#include "page_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pamphlet::typeset {

namespace {

constexpr double awful_badness = 10000;

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
    if (stretch <= 0) return awful_badness;
    const double ratio = shortfall / stretch;
    return std::min(awful_badness, 100 * ratio * ratio * ratio);
}

std::vector<PageRange> break_pages(const std::vector<VerticalItem>& items,
                                   const PageParams& params) {
    std::vector<PageRange> pages;
    std::size_t start = 0;
    while (true) {
        while (start < items.size() && is_discardable(items[start])) ++start;
        if (start == items.size()) break;

        Candidate best;      // among breaks with a penalty below never_break
        Candidate fallback;  // among all penalties and box-to-box joins, when best finds none
        double total = 0, last_depth = 0;
        std::size_t boxes = 0;
        std::size_t end = items.size();
        bool forced = false;
        for (std::size_t i = start; i < items.size(); ++i) {
            const VerticalItem& item = items[i];
            if (item.kind == VerticalItem::Kind::box) {
                if (boxes > 0 && items[i - 1].kind == VerticalItem::Kind::box) {
                    // Two boxes that touch may be parted only in an emergency.
                    const double shortfall = params.height - (total + last_depth);
                    const double cost = page_badness(shortfall, params.ragged_bottom) + never_break;
                    if (cost <= fallback.cost) fallback = {i, cost, true};
                }
                const double bottom = total + last_depth + item.height + item.depth;
                if (boxes > 0 && bottom > params.height) {
                    end = i;
                    break;
                }
                total += last_depth + item.height;
                last_depth = item.depth;
                ++boxes;
                continue;
            }
            if (item.kind == VerticalItem::Kind::glue) {
                total += last_depth + item.size;
                last_depth = 0;
                continue;
            }
            if (boxes == 0) continue;
            // Glue after the page's last box is dropped with the break, so
            // only the boxes count.
            const double shortfall = params.height - (total + last_depth);
            if (item.penalty <= must_break) {
                best = {i, must_break, true};
                forced = true;
                break;
            }
            const double cost =
                page_badness(shortfall, params.ragged_bottom) + std::min(item.penalty, never_break);
            if (item.penalty < never_break) {
                if (cost <= best.cost) best = {i, cost, true};
            } else if (cost <= fallback.cost) {
                fallback = {i, cost, true};
            }
        }

        if (!forced && end == items.size()) {
            // The rest fits on this page.
            pages.push_back({start, items.size()});
            break;
        }
        std::size_t stop = best.found ? best.position : fallback.found ? fallback.position : end;
        if (stop <= start) stop = end;  // cannot happen with boxes > 0; keeps progress certain
        pages.push_back({start, stop});
        start = stop;
        // A forced break is consumed by the page it ends; other penalties are
        // discardable and skipped at the next page's top anyway.
    }
    // Trailing glue and penalties are not part of any page's content.
    for (PageRange& page : pages) {
        while (page.end > page.begin && is_discardable(items[page.end - 1])) --page.end;
    }
    return pages;
}

}  // namespace pamphlet::typeset
