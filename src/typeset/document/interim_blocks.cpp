// Tables and footnotes in print, for now: set as text that loses nothing,
// in the body's ways (paragraphs, a list's hanging number), until tables
// are set in columns and footnotes at the foot of their page. Everything here is
// meant to be replaced; nothing else depends on it.
#include "document/blocks.hpp"

#include <algorithm>

namespace pamphlet::typeset {

void ArticleBuilder::add_text_block(StyledText& text, const BlockStyle& style,
                                    const Column& column, double space_before,
                                    double space_after) {
    begin_block(space_before);
    add_lines(setter_.set(text, article_->lang, column.width, Alignment::left), style, column.left,
              text.links, {true, false});
    end_block(space_after);
}

// A table as one paragraph per row, its cells separated by " · ", header
// rows in bold, the caption above; its page breaks fall at the table (the
// e-book's page list places them before it).
void ArticleBuilder::add_table_as_text(const Block& block, const Column& column,
                                       double space_before) {
    setter_.sink().warning(block.span, "table-as-text",
                           "tables are set as text in PDF for now: a paragraph per row, cells "
                           "separated by ' \u00B7 '");
    double space = std::max(space_before, profile_.paragraph_spacing);
    if (!block.caption.empty()) {
        StyledText caption;
        collect(block.caption, styles_.caption.format, -1, caption);
        add_text_block(caption, styles_.caption, column, space, profile_.caption_space_before);
        keep_ = std::max(keep_, 1);
        space = 0;
    }
    for (const Block& row : block.children) {
        StyledText text;
        for (const Block& cell : row.children) {
            Format format = styles_.body.format;
            format.bold = row.header || cell.cell.scope != CellScope::none;
            if (!text.empty()) text.add(" \u00B7 ", styles_.resolve(styles_.body.format), cell.span);
            collect(cell.inlines, format, -1, text);
        }
        if (text.empty()) continue;
        add_text_block(text, styles_.body, column, space, profile_.list_item_spacing);
        // A header row stays with the first row below it.
        if (row.header) keep_ = std::max(keep_, 1);
        space = profile_.list_item_spacing;
    }
    end_block(profile_.paragraph_spacing);
}

// A footnote at the end of its article: in the captions' size, its number
// hanging before it as an ordered list's does; a short rule above the first.
void ArticleBuilder::add_footnote(const Block& block, const Column& column, double space_before) {
    BlockStyle note = styles_.body;
    if (profile_.text_size > 0) note.format.size *= profile_.caption_size / profile_.text_size;
    note.leading = profile_.caption_leading;
    if (!footnotes_started_) {
        footnotes_started_ = true;
        begin_block(std::max(space_before, profile_.rule_space));
        const double width = std::min(profile_.rule_width, column.width);
        BoxContent rule;
        rule.items.emplace_back(
            FilledRect{column.left, 0, width, profile_.rule_thickness, profile_.muted_color});
        add_box(profile_.rule_thickness, 0, std::move(rule));
        keep_ = 1;  // the rule is not left alone at a page's foot
        end_block(profile_.list_item_spacing);
        space_before = 0;
    }
    const Column inner{column.left + profile_.list_indent, column.width - profile_.list_indent};
    StyledText marker;
    Format marker_format = note.format;
    marker_format.hyphenate = false;
    marker.add(std::to_string(block.start) + ".", styles_.resolve(marker_format), block.span);
    std::vector<SetLine> marker_lines =
        setter_.set(marker, article_->lang, frame_.measure, Alignment::left);
    pending_marker_.clear();
    if (!marker_lines.empty()) {
        const double x = inner.left - profile_.list_marker_gap - marker_lines.front().width;
        BoxContent content = setter_.line_content(std::move(marker_lines.front()), x, {});
        for (PageItem& placed : content.items) {
            if (auto* run = std::get_if<GlyphRun>(&placed)) pending_marker_.push_back(std::move(*run));
        }
    }
    const BlockStyle* outer_style = std::exchange(text_style_, &note);
    item_start_ = true;
    const std::size_t boxes_before = out_.contents.size();
    add_blocks(block.children, inner, std::max(space_before, profile_.list_item_spacing));
    if (out_.contents.size() == boxes_before) {
        // An empty note still shows its number.
        begin_block(profile_.list_item_spacing);
        const Styles::Strut strut = styles_.strut(note);
        add_box(strut.height, strut.depth, {});
        end_block(profile_.list_item_spacing);
    }
    item_start_ = false;
    text_style_ = outer_style;
    end_block(profile_.list_item_spacing);
}

}  // namespace pamphlet::typeset
