// A table in print, set as booktabs sets one: a heavier rule above and
// below, a lighter one under the header, no vertical lines. Its columns are
// as wide as their cells' text needs (table_grid.hpp); each cell's text is
// broken by the paragraph breaker at the cell's measure, ragged, and
// hyphenated only in columns wide enough to hold running text.
//
// In the vertical list a row is a run of touching boxes — its top padding,
// one box per line (holding that line of every cell: the cells of a row
// share the table's leading, so their lines share baselines), its bottom
// padding — so the page builder breaks only between rows, unless a row is
// taller than a page: that one parts between its lines. The header's boxes are a repeat (VerticalList::repeats):
// a page that continues the table begins with them again.
#include "document/blocks.hpp"
#include "document/table_grid.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pamphlet::typeset {

namespace {

// A column at least this many ems wide holds running text: its cells are
// hyphenated. Narrower ones are set ragged with their words whole.
constexpr double running_text_ems = 10;

// Sizes tried below the table's size step down by this much, pt.
constexpr double size_step = 0.1;

// The words of `text` as the narrowest a cell can be set: split at spaces
// and after hyphens (where the breaker may end a line without adding one).
std::vector<StyledText> words_of(const StyledText& text) {
    std::vector<StyledText> words(1);
    for (const TextPiece& piece : text.pieces) {
        std::size_t begin = 0;
        for (std::size_t i = 0; i <= piece.text.size(); ++i) {
            const bool end = i == piece.text.size();
            const char c = end ? '\0' : piece.text[i];
            if (!end && c != ' ' && c != '\n' && c != '-') continue;
            const std::size_t stop = c == '-' ? i + 1 : i;
            if (stop > begin)
                words.back().add(piece.text.substr(begin, stop - begin), piece.style, piece.span);
            if (!end && !words.back().empty()) words.emplace_back();
            begin = i + 1;
        }
    }
    return words;
}

std::string points(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f pt", value);
    return text;
}

Alignment alignment_of(CellAlign align) {
    switch (align) {
        case CellAlign::center:
            return Alignment::center;
        case CellAlign::right:
            return Alignment::right;
        case CellAlign::none:
        case CellAlign::left:
            break;
    }
    return Alignment::left;
}

}  // namespace

// The table's cells as styled text at `size`, with what each needs across.
ArticleBuilder::TableText ArticleBuilder::table_text(const Block& block, const TableGrid& grid,
                                                     double size) {
    TableText result;
    result.size = size;
    for (const GridCell& cell : grid.cells) {
        const Block& row = block.children[cell.row];
        Format format = styles_.table.format;
        format.size = size;
        format.bold = row.header || cell.block->cell.scope != CellScope::none;
        StyledText text;
        collect(cell.block->inlines, format, -1, text);
        CellExtent extent{cell.column, cell.columns, 0, 0};
        if (!text.empty()) {
            extent.max = setter_.width(text, article_->lang);
            for (const StyledText& word : words_of(text))
                if (!word.empty()) extent.min = std::max(extent.min, setter_.width(word, article_->lang));
        }
        result.cells.push_back(std::move(text));
        result.extents.push_back(extent);
    }
    return result;
}

void ArticleBuilder::add_table(const Block& block, const Column& column, double space_before) {
    const TableGrid grid = place_cells(block);
    if (grid.dropped > 0) {
        setter_.sink().warning(block.span, "table-too-wide",
                               "the table has more than " + std::to_string(max_table_columns) +
                                   " columns; print leaves out the " +
                                   std::to_string(grid.dropped) +
                                   " cells beyond them (the e-book shows them all)");
    }
    if (grid.columns == 0) return;
    const auto columns = static_cast<double>(grid.columns);

    // Fit the table to the measure: at the table's size if its words fit,
    // else at the size at which they do, down to tables.min_size; else
    // across the columns of a multi-column page; else it overflows.
    const double full_size = profile_.table_size;
    const double least_size = std::min(profile_.table_min_size, full_size);
    Column at = column;
    bool across = false;
    double gap = 0;
    TableText text;
    ColumnWidths widths;
    auto fit = [&](const Column& measure) {
        gap = std::min(profile_.table_column_gap, measure.width / (2 * columns));
        const double available = measure.width - columns * gap;
        text = table_text(block, grid, full_size);
        widths = column_widths(text.extents, grid.columns, gap, available);
        if (widths.fits || widths.least <= 0) return;
        // Words scale with the size: the size at which they would fit.
        double size = std::floor(full_size * available / widths.least / size_step) * size_step;
        for (size = std::max(size, least_size); size >= least_size - 1e-9; size -= size_step) {
            text = table_text(block, grid, size);
            widths = column_widths(text.extents, grid.columns, gap, available);
            if (widths.fits) return;
        }
    };
    fit(at);
    if (!widths.fits && frame_.column_width < frame_.measure && !spanning_) {
        at = Column{0, frame_.measure};
        across = true;
        fit(at);
    }
    if (!widths.fits) {
        setter_.sink().warning(block.span, "table-too-wide",
                               "the table's columns need " + points(widths.least + columns * gap) +
                                   " even at " + points(text.size) +
                                   " type (tables.min_size), in a text " + points(at.width) +
                                   " wide: words in them are hyphenated or overflow their cells");
    }
    const double size = text.size;
    const double scale = size / full_size;
    BlockStyle style = styles_.table;
    style.format.size = size;
    style.leading = styles_.table.leading * scale;
    const Styles::Strut strut = styles_.strut(style);
    const double padding = profile_.table_row_padding * scale;

    // Where each column's text begins, and the table's width.
    std::vector<double> left(grid.columns);
    double x = at.left + gap / 2;
    for (std::size_t k = 0; k < grid.columns; ++k) {
        left[k] = x;
        x += widths.widths[k] + gap;
    }
    const double table_width = x - gap / 2 - at.left;

    // Each cell's lines, and how many lines each row has.
    std::vector<std::vector<SetLine>> lines(grid.cells.size());
    std::vector<std::size_t> row_lines(grid.rows, 1);
    for (std::size_t c = 0; c < grid.cells.size(); ++c) {
        const GridCell& cell = grid.cells[c];
        double width = static_cast<double>(cell.columns - 1) * gap;
        for (std::size_t k = cell.column; k < cell.column + cell.columns; ++k)
            width += widths.widths[k];
        StyledText& cell_text = text.cells[c];
        const bool hyphenate =
            width >= running_text_ems * size || width < text.extents[c].min;
        if (!hyphenate)
            for (TextPiece& piece : cell_text.pieces) piece.style.hyphenate = false;
        lines[c] = setter_.set(cell_text, article_->lang, width,
                               alignment_of(cell.block->cell.align));
        if (cell.rows == 1) row_lines[cell.row] = std::max(row_lines[cell.row], lines[c].size());
    }
    // A cell spanning rows sets its lines on theirs; a row grows where
    // the rows it spans have fewer lines than it.
    for (std::size_t c = 0; c < grid.cells.size(); ++c) {
        const GridCell& cell = grid.cells[c];
        if (cell.rows == 1) continue;
        std::size_t have = 0;
        for (std::size_t r = cell.row; r < cell.row + cell.rows; ++r) have += row_lines[r];
        if (lines[c].size() > have) row_lines[cell.row + cell.rows - 1] += lines[c].size() - have;
    }
    std::vector<std::size_t> first_line(grid.rows + 1, 0);
    for (std::size_t r = 0; r < grid.rows; ++r) first_line[r + 1] = first_line[r] + row_lines[r];

    // The line boxes: line j of a cell lands in its row's j-th line (a
    // spanning cell's run on into the rows below).
    struct LineBox {
        BoxContent content;
        double height = 0, depth = 0;
    };
    // Table > TR > TH/TD, each cell in the row it begins in; empty cells
    // too, so that a reader counts the columns right.
    const StructRef outer = flow_.container;
    const StructRef table = open_node(StructRole::table);
    std::vector<StructRef> cell_nodes(grid.cells.size(), artifact);
    for (std::size_t r = 0; r < grid.rows; ++r) {
        flow_.container = table;
        const StructRef row = open_node(StructRole::tr);
        flow_.container = row;
        for (std::size_t c = 0; c < grid.cells.size(); ++c) {
            const GridCell& cell = grid.cells[c];
            if (cell.row != r) continue;
            const bool header =
                block.children[r].header || cell.block->cell.scope != CellScope::none;
            cell_nodes[c] = open_node(header ? StructRole::th : StructRole::td);
            // A header row's cells head their columns; a cell marked as a
            // row's header (<th scope="row">) its row (Matterhorn 15-003).
            if (header && tree_)
                tree_->set_scope(cell_nodes[c], cell.block->cell.scope == CellScope::row
                                                    ? HeaderScope::row
                                                    : HeaderScope::column);
        }
    }
    flow_.container = table;
    std::vector<LineBox> boxes(first_line[grid.rows]);
    for (LineBox& box : boxes) {
        box.height = strut.height;
        box.depth = strut.depth;
    }
    for (std::size_t c = 0; c < grid.cells.size(); ++c) {
        const GridCell& cell = grid.cells[c];
        for (std::size_t j = 0; j < lines[c].size(); ++j) {
            LineBox& box = boxes[first_line[cell.row] + j];
            box.height = std::max(box.height, lines[c][j].ascent);
            box.depth = std::max(box.depth, lines[c][j].descent);
            BoxContent line =
                setter_.line_content(std::move(lines[c][j]), left[cell.column], text.cells[c].links);
            tag_items(line.items, cell_nodes[c]);
            box.content.items.insert(box.content.items.end(),
                                     std::make_move_iterator(line.items.begin()),
                                     std::make_move_iterator(line.items.end()));
            box.content.links.insert(box.content.links.end(),
                                     std::make_move_iterator(line.links.begin()),
                                     std::make_move_iterator(line.links.end()));
        }
    }

    // Rows tied by a cell spanning them are parted only where none spans.
    std::vector<bool> group_start(grid.rows, true);
    for (const GridCell& cell : grid.cells)
        for (std::size_t r = cell.row + 1; r < cell.row + cell.rows; ++r) group_start[r] = false;
    std::size_t header_rows = 0;
    while (header_rows < grid.rows && block.children[header_rows].header) ++header_rows;
    if (header_rows == grid.rows) header_rows = 0;  // all header: nothing to repeat
    while (header_rows > 0 && header_rows < grid.rows && !group_start[header_rows]) ++header_rows;

    const double rule = profile_.table_rule_width;
    const double header_rule = profile_.table_header_rule_width;
    auto add_rule_box = [&](double thickness) {
        if (thickness <= 0) return;
        BoxContent content;
        content.items.emplace_back(
            FilledRect{at.left, 0, table_width, thickness, profile_.text_color});
        add_box(thickness, 0, std::move(content));
    };
    auto row_height = [&](std::size_t r) {
        double height = 2 * padding;
        for (std::size_t b = first_line[r]; b < first_line[r + 1]; ++b)
            height += boxes[b].height + boxes[b].depth;
        return height;
    };

    const bool spanning = std::exchange(spanning_, spanning_ || across);
    begin_block(std::max(space_before, profile_.paragraph_spacing));
    if (!block.caption.empty()) {
        StyledText caption;
        collect(block.caption, styles_.caption.format, -1, caption);
        const StructRef outer_node = std::exchange(flow_.node, open_node(StructRole::caption));
        add_lines(setter_.set(caption, article_->lang, at.width, Alignment::left), styles_.caption,
                  at.left, caption.links, {false, false}, caption.phrases);
        flow_.node = outer_node;
        add_glue(profile_.caption_space_before, false);
    }
    const std::size_t header_begin = out_.items.size();
    add_rule_box(rule);
    double header_height = rule;
    std::size_t body_begin = out_.items.size();
    std::size_t group_rows_seen = 0;  // body rows before the group being added
    bool split = false;  // the group of rows being added is taller than a page
    for (std::size_t r = 0; r < grid.rows; ++r) {
        const bool body = r >= header_rows;
        if (r == header_rows && header_rows > 0) {
            add_rule_box(header_rule);
            header_height += header_rule;
            body_begin = out_.items.size();
        }
        if (body && r > header_rows && group_start[r]) {
            // As between a paragraph's lines: a table's first or last row
            // is not left alone at a page's foot or head.
            double penalty = 0;
            if (group_rows_seen == 1) penalty += profile_.club_penalty;
            if (r + 1 == grid.rows) penalty += profile_.widow_penalty;
            add_penalty(std::min(penalty, infinite_penalty));
        }
        if (body && group_start[r]) {
            // A group of rows taller than a page is parted within.
            std::size_t end = r + 1;
            while (end < grid.rows && !group_start[end]) ++end;
            double height = 0;
            for (std::size_t k = r; k < end; ++k) height += row_height(k);
            split = height > frame_.text_height - header_height;
            if (split) {
                setter_.sink().warning(block.children[r].span, "table-row-split",
                                       "this table row is taller than a page; it is split "
                                       "across pages");
            }
            group_rows_seen = r + 1 - header_rows;
        }
        if (!body) header_height += row_height(r);
        const bool shaded = profile_.table_zebra && body && (r - header_rows) % 2 == 1;
        if (shaded) {
            flow_.frames.push_back(static_cast<int>(out_.frames.size()));
            out_.frames.push_back(Frame{at.left, table_width, profile_.table_zebra_fill, 0, {}});
        }
        if (split && !group_start[r]) add_penalty(0);
        if (padding > 0) add_box(padding, 0, {});
        for (std::size_t b = first_line[r]; b < first_line[r + 1]; ++b) {
            // A row taller than a page parts between its lines, as a
            // paragraph does.
            if (split && b > first_line[r]) {
                double penalty = 0;
                if (b == first_line[r] + 1) penalty += profile_.club_penalty;
                if (b + 1 == first_line[r + 1]) penalty += profile_.widow_penalty;
                add_penalty(std::min(penalty, infinite_penalty));
            }
            const bool calls = !boxes[b].content.links.empty();
            add_box(boxes[b].height, boxes[b].depth, std::move(boxes[b].content));
            if (calls) add_called_notes(out_.items.size() - 1);
        }
        if (padding > 0) add_box(padding, 0, {});
        if (shaded) flow_.frames.pop_back();
    }
    add_rule_box(rule);

    // A page the body continues on begins with the header again.
    if (header_rows > 0) {
        const int repeat = static_cast<int>(out_.repeats.size());
        out_.repeats.push_back({header_begin, body_begin});
        for (std::size_t i = header_begin; i < body_begin; ++i) {
            const VerticalItem& item = out_.items[i];
            if (item.kind == VerticalItem::Kind::box && item.content >= 0)
                out_.contents[static_cast<std::size_t>(item.content)].repeated = true;
        }
        for (std::size_t i = body_begin; i < out_.items.size(); ++i) out_.items[i].repeat = repeat;
    }
    flow_.container = outer;
    end_block(profile_.paragraph_spacing);
    spanning_ = spanning;
}

}  // namespace pamphlet::typeset
