// Tables in print, for now: set as text that loses nothing, a paragraph per
// row, until tables are set in columns. Everything here is
// meant to be replaced; nothing else depends on it.
#include "document/blocks.hpp"

#include <algorithm>

namespace pamphlet::typeset {

void ArticleBuilder::add_text_block(StyledText& text, const BlockStyle& style, const Column& column,
                                    double space_before, double space_after) {
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
        flow_.keep = std::max(flow_.keep, 1);
        space = 0;
    }
    for (const Block& row : block.children) {
        StyledText text;
        for (const Block& cell : row.children) {
            Format format = styles_.body.format;
            format.bold = row.header || cell.cell.scope != CellScope::none;
            if (!text.empty())
                text.add(" \u00B7 ", styles_.resolve(styles_.body.format), cell.span);
            collect(cell.inlines, format, -1, text);
        }
        if (text.empty()) continue;
        add_text_block(text, styles_.body, column, space, profile_.list_item_spacing);
        // A header row stays with the first row below it.
        if (row.header) flow_.keep = std::max(flow_.keep, 1);
        space = profile_.list_item_spacing;
    }
    end_block(profile_.paragraph_spacing);
}

}  // namespace pamphlet::typeset
