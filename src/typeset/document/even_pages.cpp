#include "document/even_pages.hpp"

#include <algorithm>

namespace pamphlet::typeset {

namespace {

// Paragraphs set again for one short page, at most: each costs a line
// breaking and a page breaking of the rest of the article.
constexpr int trials_per_page = 6;

// A page this close to the bottom has ended evenly.
constexpr double full_enough = 1;  // pt

bool is_forced(const VerticalItem& item) {
    return item.kind == VerticalItem::Kind::penalty && item.penalty <= eject_penalty;
}

bool ends_short(const std::vector<VerticalItem>& items, const PageRange& page,
                const PageParams& params) {
    if (page.ends_flow || page.glue_ratio > 0) return false;
    return params.height - range_height(items, page) - notes_height(params, page.notes) >
           full_enough;
}

class Evener {
public:
    Evener(VerticalList& list, ArticleBuilder& builder, const PageParams& params)
        : items_(list.items), builder_(builder), params_(params) {}

    // The flow (an article, or all of them when they share pages) that
    // begins at `begin`: its pages made even; returns where the next begins.
    std::size_t even_flow(std::size_t begin);

private:
    std::size_t flow_end(std::size_t begin) const {
        std::size_t end = begin;
        while (end < items_.size() && !is_forced(items_[end])) ++end;
        return end;
    }
    // The first paragraph whose lines begin at or after item `at`.
    std::size_t first_paragraph_from(std::size_t at) const {
        std::size_t low = 0, high = builder_.paragraph_count();
        while (low < high) {
            const std::size_t middle = (low + high) / 2;
            if (builder_.paragraph_items(middle).first < at) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
    bool try_page(std::vector<PageRange>& pages, std::size_t k, std::size_t begin);

    std::vector<VerticalItem>& items_;
    ArticleBuilder& builder_;
    const PageParams& params_;
};

// Paragraphs that begin on page k, last first (the nearer the page's end,
// the less of the page moves), one line longer, then one line shorter; where
// one line is not enough (a heading and its two lines moved on), two
// paragraphs. A paragraph that began on the page before would change that
// page too.
bool Evener::try_page(std::vector<PageRange>& pages, std::size_t k, std::size_t begin) {
    const PageRange page = pages[k];
    const std::size_t first = first_paragraph_from(page.begin);
    std::size_t last = first;
    while (last < builder_.paragraph_count() && builder_.paragraph_items(last).first < page.end)
        ++last;
    const double shortfall =
        params_.height - range_height(items_, page) - notes_height(params_, page.notes);
    int trials = 0;
    // Returns whether paragraphs below `below` can make the page end
    // evenly with `depth` more changes; the changes made stay (not kept).
    auto search = [&](auto& self, std::size_t below, int looseness, int depth,
                      double short_by) -> bool {
        for (std::size_t p = below; p > first && trials < trials_per_page; --p) {
            ++trials;
            if (!builder_.set_again(p - 1, looseness)) continue;
            std::vector<PageRange> rest =
                break_pages(items_, params_, page.begin, flow_end(begin), page.lead);
            if (!rest.empty() && rest.size() <= pages.size() - k) {
                if (!ends_short(items_, rest.front(), params_)) {
                    pages.resize(k);
                    pages.insert(pages.end(), rest.begin(), rest.end());
                    return true;
                }
                // Nearer the bottom: one more may do it.
                const double now = params_.height - range_height(items_, rest.front()) -
                                   notes_height(params_, rest.front().notes);
                if (depth > 1 && now < short_by && self(self, p - 1, looseness, depth - 1, now))
                    return true;
            }
            builder_.undo_set_again();
        }
        return false;
    };
    for (int looseness : {1, -1}) {
        trials = 0;
        if (search(search, last, looseness, 2, shortfall)) {
            builder_.keep_set_again();
            return true;
        }
    }
    return false;
}

std::size_t Evener::even_flow(std::size_t begin) {
    std::vector<PageRange> pages = break_pages(items_, params_, begin, flow_end(begin));
    for (std::size_t k = 0; k < pages.size(); ++k) {
        if (ends_short(items_, pages[k], params_)) try_page(pages, k, begin);
    }
    return flow_end(begin) + 1;
}

}  // namespace

void even_pages(VerticalList& list, ArticleBuilder& builder, const PageParams& params,
                std::size_t from) {
    if (builder.paragraph_count() > 0) {
        Evener evener(list, builder, params);
        for (std::size_t begin = from; begin < list.items.size();)
            begin = evener.even_flow(begin);
    }
    builder.forget_paragraphs();
}

}  // namespace pamphlet::typeset
