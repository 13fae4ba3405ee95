// A callout ("> [!WARNING]") in print: a tinted box with a rule down its
// left edge in the callout's colour, its label in bold, its blocks inside.
// The tint is a Frame painted where the boxes land (page/placement.hpp), so
// the page builder breaks a callout like any other text: a short one is
// kept whole, a long one continues in a box on the next page.
#include "document/blocks.hpp"

#include <algorithm>

namespace pamphlet::typeset {

namespace {

// Up to this many lines a callout is kept on one page: a box split after a
// line or two reads as two boxes.
constexpr std::size_t callout_kept_lines = 6;

}  // namespace

void ArticleBuilder::add_callout(const Block& block, const Column& column, double space_before) {
    const Color& color =
        block.callout == CalloutKind::warning || block.callout == CalloutKind::caution
            ? profile_.callout_warning_color
            : profile_.callout_color;
    const double padding = profile_.callout_padding;
    const double rule = std::min(profile_.callout_rule_width, column.width / 4);
    const double indent = std::min(rule + padding, column.width / 4);
    const Column inner{column.left + indent,
                       std::max(column.width - indent - padding, column.width / 2)};
    const int frame = static_cast<int>(out_.frames.size());
    out_.frames.push_back(
        Frame{column.left, column.width, profile_.callout_background, rule, color});

    begin_block(std::max(space_before, profile_.paragraph_spacing));
    // A Div: the callout's label and blocks, grouped.
    const StructRef outer = std::exchange(flow_.container, open_node(StructRole::div));
    const std::size_t first_box = out_.items.size();
    flow_.frames.push_back(frame);
    add_box(padding, 0, {});
    flow_.keep = std::max(flow_.keep, 1);  // the top of the box is not left alone
    double first_space = 0;
    if (!block.caption.empty()) {
        Format format = styles_.body.format;
        format.bold = true;
        format.color = color;
        format.hyphenate = false;
        StyledText label;
        collect(block.caption, format, -1, label);
        const StructRef outer_node = std::exchange(flow_.node, open_node(StructRole::p));
        add_lines(setter_.set(label, article_->lang, inner.width, Alignment::left), styles_.body,
                  inner.left, label.links, {false, false}, label.phrases);
        flow_.node = outer_node;
        flow_.keep = 2;  // the label stands with the first lines it introduces
        first_space = profile_.list_item_spacing;
    }
    // The first block follows the top of the box (or the label) at its own
    // small distance, not at the space of a block after a paragraph.
    flow_.pending_space = 0;
    flow_.after_paragraph = false;
    add_blocks(block.children, inner, first_space);
    // The bottom of the box touches the last line: no break between them.
    flow_.pending_space = 0;
    add_box(padding, 0, {});
    flow_.frames.pop_back();
    flow_.container = outer;

    // A short callout stays whole.
    std::size_t boxes = 0;
    for (std::size_t i = first_box; i < out_.items.size(); ++i)
        if (out_.items[i].kind == VerticalItem::Kind::box) ++boxes;
    if (boxes <= callout_kept_lines + 2) {
        for (std::size_t i = first_box; i < out_.items.size(); ++i) {
            VerticalItem& item = out_.items[i];
            if (item.kind == VerticalItem::Kind::penalty) {
                item.penalty = std::max(item.penalty, infinite_penalty);
                item.float_items = 0;
            }
        }
    }
    end_block(profile_.paragraph_spacing);
}

}  // namespace pamphlet::typeset
