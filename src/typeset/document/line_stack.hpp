// Lines stacked at their styles' leading, with space between groups, placed
// once their total height is known: the covers, the handout's header and
// the clinic's contact details are built top-down but often placed
// bottom-up (on the bottom margin, or as one box of the vertical list).
#pragma once

#include "document/text_setter.hpp"
#include "page/vertical_list.hpp"

#include <string>
#include <vector>

namespace pamphlet::typeset {

class LineStack {
public:
    LineStack(TextSetter& setter, const std::string& lang, double measure)
        : setter_(setter), lang_(lang), measure_(measure) {}

    // `text` set ragged-right in the measure, its lines one entry each; its
    // runs belong to `node` (tagged PDF), or are left for tag_loose_text.
    void add(const StyledText& text, const BlockStyle& style, double space_before,
             StructRef node = artifact);
    // A box of its own height (a logo), with nothing below its baseline.
    void add_box(BoxContent content, double height, double space_before);

    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    double height() const;
    // How far below the stack's top the baseline of entry `index` lies.
    double baseline_below_top(std::size_t index) const;

    // Places the stack with its top at `top`, its left edge at `x`; link
    // areas become page items too.
    void place(Page& page, double x, double top) const;
    // The stack as box content: left edge at x = 0, its bottom at y = 0.
    BoxContent content() const;

private:
    struct Entry {
        BoxContent content;
        double height = 0, depth = 0, space_before = 0;
    };
    TextSetter& setter_;
    std::string lang_;
    double measure_;
    std::vector<Entry> entries_;
};

}  // namespace pamphlet::typeset
