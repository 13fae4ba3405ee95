#include "document/line_stack.hpp"

#include "page/placement.hpp"

#include <algorithm>
#include <cassert>

namespace pamphlet::typeset {

void LineStack::add(const StyledText& text, const BlockStyle& style, double space_before,
                    StructRef node) {
    const Styles::Strut strut = setter_.styles().strut(style);
    bool first = true;
    for (SetLine& line : setter_.set(text, lang_, measure_, Alignment::left)) {
        Entry entry;
        entry.content = setter_.line_content(std::move(line), 0, text.links);
        for (PageItem& item : entry.content.items)
            if (auto* run = std::get_if<GlyphRun>(&item)) run->node = node;
        entry.height = std::max(strut.height, line.ascent);
        entry.depth = std::max(strut.depth, line.descent);
        entry.space_before = entries_.empty() ? 0 : first ? space_before : 0;
        entries_.push_back(std::move(entry));
        first = false;
    }
}

void LineStack::add_box(BoxContent content, double height, double space_before) {
    entries_.push_back({std::move(content), height, 0, entries_.empty() ? 0 : space_before});
}

double LineStack::height() const {
    double total = 0;
    for (const Entry& e : entries_) total += e.space_before + e.height + e.depth;
    return total;
}

double LineStack::baseline_below_top(std::size_t index) const {
    assert(index < entries_.size());
    double y = 0;
    for (std::size_t i = 0; i < index; ++i) {
        y += entries_[i].space_before + entries_[i].height + entries_[i].depth;
    }
    return y + entries_[index].space_before + entries_[index].height;
}

void LineStack::place(Page& page, double x, double top) const {
    double y = top;
    for (const Entry& e : entries_) {
        y -= e.space_before + e.height;
        place_items(e.content, x, y, page);
        for (const PendingLink& link : e.content.links) {
            page.items.emplace_back(placed_link(link, x, y));
        }
        y -= e.depth;
    }
}

BoxContent LineStack::content() const {
    Page scratch;
    place(scratch, 0, height());
    BoxContent content;
    content.items = std::move(scratch.items);
    return content;
}

}  // namespace pamphlet::typeset
