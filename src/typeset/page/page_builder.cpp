#include "page/page_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pamphlet::typeset {

namespace {

// The cost of a page whose footnotes continue on the next when they need
// not, as TeX's \insertpenalties: a page a little shorter that holds its
// notes whole is better, one much shorter is not.
constexpr double split_note_penalty = 100;

bool is_discardable(const VerticalItem& item) {
    return item.kind != VerticalItem::Kind::box;
}

// A candidate page end: the list up to `position` (exclusive) is the page,
// with the notes up to `notes_end` at its foot.
struct Candidate {
    std::size_t position = 0;
    double cost = std::numeric_limits<double>::infinity();
    bool found = false;
    std::size_t notes_end = 0;
};

// The footnotes of the page being filled: from `from` (where the page
// before left off) to `need` (what its boxes call for), of which at least
// up to `least` must stand on it — everything called for before the last
// box that called, and the first line of what it called for.
class PageNotes {
public:
    PageNotes(const PageParams& params, std::size_t from)
        : params_(params), from_(from), need_(from), least_(from) {}
    // Notes called for on pages before, up to `carried_end`: at least a
    // line of them stands on this page.
    void carry(std::size_t carried_end) {
        need_ = std::max(need_, carried_end);
        least_ = std::max(least_, line_end(from_));
        least_ = std::min(least_, need_);
    }

    // The least that `box` leaves this page to hold below the boxes.
    double least_with(const VerticalItem& box) const {
        if (box.notes_end <= need_ || !params_.notes) return height(least_);
        return height(line_end(need_));
    }
    void add(const VerticalItem& box) {
        if (box.notes_end <= need_ || !params_.notes) return;
        least_ = line_end(need_);
        need_ = box.notes_end;
    }

    // How far the notes go on a page whose boxes take `body` pt.
    std::size_t end_below(double body) const {
        if (need_ <= from_) return from_;
        std::size_t end = need_;
        while (end > least_ && body + height(end) > params_.height) end = previous_end(end);
        return end;
    }
    double height(std::size_t end) const { return notes_height(params_, {from_, end}); }
    // Whether notes called for stay for the next page although a page
    // could hold them whole (a note taller than that is split anyway).
    bool split(std::size_t end) const { return end < need_ && height(need_) <= params_.height; }

private:
    const std::vector<VerticalItem>& notes() const { return *params_.notes; }
    // The end of the first box at or after `at`.
    std::size_t line_end(std::size_t at) const {
        while (at < notes().size() && notes()[at].kind != VerticalItem::Kind::box) ++at;
        return std::min(at + 1, notes().size());
    }
    // The end of the box before `end`'s last one: a note may part between
    // any two of its lines.
    std::size_t previous_end(std::size_t end) const {
        do --end;
        while (end > least_ && notes()[end - 1].kind != VerticalItem::Kind::box);
        return end;
    }

    const PageParams& params_;
    std::size_t from_, need_, least_;
};

}  // namespace

double notes_height(const PageParams& params, ItemSpan span) {
    if (!params.notes) return 0;
    span.begin = first_box(*params.notes, span);
    if (span.empty()) return 0;
    double total = 0, depth = 0;
    for (std::size_t i = span.begin; i < span.end; ++i) stack((*params.notes)[i], total, depth);
    return params.note_skip + total + depth;
}

double page_badness(double shortfall, double stretch) {
    if (shortfall <= 0) return 0;
    if (stretch <= 0) return infinitely_bad;
    return badness(shortfall / stretch);
}

std::vector<ItemSpan> pieces(const PageRange& page) {
    std::vector<ItemSpan> result;
    if (!page.lead.empty()) result.push_back(page.lead);
    if (!page.repeat.empty()) result.push_back(page.repeat);
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
    std::size_t notes_end = 0;  // the notes at the page's foot end here
};

class PageScanner {
public:
    PageScanner(const std::vector<VerticalItem>& items, const PageParams& params, std::size_t limit)
        : items_(items), params_(params), limit_(limit) {}

    Scan scan(std::size_t start, const ItemSpan& lead, const ItemSpan& repeat, bool floats,
              std::size_t notes_from, std::size_t notes_carried) const;

private:
    // What the page holds after `span` is added to it.
    void add(const ItemSpan& span, double& total, double& last_depth) const {
        for (std::size_t i = span.begin; i < span.end; ++i) stack(items_[i], total, last_depth);
    }

    const std::vector<VerticalItem>& items_;
    const PageParams& params_;
    std::size_t limit_;
};

Scan PageScanner::scan(std::size_t start, const ItemSpan& lead, const ItemSpan& repeat,
                       bool floats, std::size_t notes_from, std::size_t notes_carried) const {
    Candidate best;      // among breaks with a penalty below infinite_penalty
    Candidate fallback;  // among all penalties and box-to-box joins, when best finds none
    PageNotes notes(params_, notes_from);
    if (notes_carried > notes_from) notes.carry(notes_carried);
    // The notes' height for a page whose boxes reach `body` pt.
    auto with_notes = [&](double body, std::size_t& notes_end) {
        notes_end = notes.end_below(body);
        return body + notes.height(notes_end);
    };
    auto split_cost = [&](std::size_t notes_end) {
        return notes.split(notes_end) ? split_note_penalty : 0.0;
    };
    std::size_t notes_end = notes_from;
    double total = 0, last_depth = 0;
    // The page's glue stretch: a page it can fill costs as little as one
    // that ragged_bottom lets run short.
    double stretch = params_.ragged_bottom;
    std::size_t boxes = 0;
    if (!lead.empty()) {
        add(lead, total, last_depth);
        boxes = 1;
    }
    // A repeated header takes its room but is not what the page holds: the
    // page still takes at least one box of its own.
    add(repeat, total, last_depth);
    Scan result;
    std::size_t end = limit_;
    for (std::size_t i = start; i < limit_; ++i) {
        const VerticalItem& item = items_[i];
        if (item.kind == VerticalItem::Kind::box) {
            if (boxes > 0 && i > start && items_[i - 1].kind == VerticalItem::Kind::box) {
                // Two boxes that touch may be parted only in an emergency.
                const double shortfall =
                    params_.height - with_notes(total + last_depth, notes_end);
                const double cost =
                    page_badness(shortfall, stretch) + infinite_penalty + split_cost(notes_end);
                if (cost <= fallback.cost) fallback = {i, cost, true, notes_end};
            }
            const double bottom = total + last_depth + item.height + item.depth;
            if (boxes > 0 && bottom + notes.least_with(item) > params_.height) {
                end = i;
                break;
            }
            stack(item, total, last_depth);
            notes.add(item);
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
        const double shortfall = params_.height - with_notes(total + last_depth, notes_end);
        if (item.penalty <= eject_penalty) {
            best = {i, eject_penalty, true, notes_end};
            result.forced = true;
            break;
        }
        const double cost = page_badness(shortfall, stretch) +
                            std::min(item.penalty, infinite_penalty) + split_cost(notes_end);
        if (item.penalty < infinite_penalty) {
            if (cost <= best.cost) best = {i, cost, true, notes_end};
        } else if (cost <= fallback.cost) {
            fallback = {i, cost, true, notes_end};
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
        with_notes(total + last_depth, result.notes_end);
        return result;
    }
    with_notes(total + last_depth, notes_end);
    std::size_t stop = best.found ? best.position : fallback.found ? fallback.position : end;
    result.notes_end = best.found ? best.notes_end : fallback.found ? fallback.notes_end : notes_end;
    // Only a page that opens with a floated figure may end where it starts;
    // any other progresses by at least a box.
    if (stop <= start && lead.empty()) {
        stop = end;
        result.notes_end = notes_end;
    }
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

ItemSpan repeat_at(const std::vector<VerticalItem>& items, const PageParams& params,
                   std::size_t at) {
    if (params.repeats == nullptr || at >= items.size() || items[at].repeat < 0) return {};
    return (*params.repeats)[static_cast<std::size_t>(items[at].repeat)];
}

std::vector<PageRange> break_pages(const std::vector<VerticalItem>& items,
                                   const PageParams& params) {
    return break_pages(items, params, 0, items.size());
}

std::vector<PageRange> break_pages(const std::vector<VerticalItem>& items, const PageParams& params,
                                   std::size_t begin, std::size_t limit, ItemSpan carried,
                                   NotesCarried notes_before) {
    const PageScanner scanner(items, params, limit);
    std::vector<PageRange> pages;
    std::size_t start = begin;
    // The notes called for by the pages made but not yet at their feet.
    std::size_t notes_from = notes_before.from, notes_called = notes_before.called;
    while (true) {
        // Below a floated figure the space above the text stays.
        if (carried.empty()) {
            while (start < limit && is_discardable(items[start])) ++start;
            if (start == limit) break;
        }
        // A page that continues a table begins with its header (a page
        // of a floated figure alone has no first box of its own).
        const std::size_t first = first_box(items, {start, limit});
        const ItemSpan repeat = first < limit ? repeat_at(items, params, first) : ItemSpan{};
        Scan scan = scanner.scan(start, carried, repeat, true, notes_from, notes_called);
        // A figure may not float past the next article or the list's end:
        // then the page is made as if it could not float.
        if (!scan.skip.empty() && (scan.forced || scan.rest_fits))
            scan = scanner.scan(start, carried, repeat, false, notes_from, notes_called);
        PageRange page{start, scan.stop, scan.keep_broken, carried, scan.skip};
        page.repeat = repeat;
        page.ends_flow = scan.forced || scan.rest_fits;
        page.notes = {notes_from, scan.notes_end};
        pages.push_back(page);
        if (params.notes) {
            for (std::size_t i = start; i < scan.stop; ++i)
                notes_called = std::max(notes_called, items[i].notes_end);
            notes_from = scan.notes_end;
        }
        if (scan.rest_fits) break;
        start = scan.stop;
        carried =
            scan.skip.empty() ? ItemSpan{} : ItemSpan{first_box(items, scan.skip), scan.skip.end};
        // A forced break is consumed by the page it ends; other penalties are
        // discardable and skipped at the next page's top anyway.
    }
    // Notes that did not fit below the last box: pages of their own.
    while (params.notes && notes_from < notes_called) {
        PageNotes notes(params, notes_from);
        notes.carry(notes_called);
        const std::size_t notes_end = notes.end_below(0);
        PageRange page{limit, limit, false, {}, {}};
        page.ends_flow = true;
        page.notes = {notes_from, notes_end};
        pages.push_back(page);
        notes_from = notes_end;
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
        const double shortfall =
            params.height - range_height(items, page) - notes_height(params, page.notes);
        const double stretch = range_stretch(items, page);
        if (shortfall > 0 && stretch > 0 && shortfall <= stretch) page.glue_ratio = shortfall / stretch;
    }
    return pages;
}

}  // namespace pamphlet::typeset
