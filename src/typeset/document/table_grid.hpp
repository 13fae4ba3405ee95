// A table's geometry before any text is set: which grid slots its cells
// take (HTML's table model: a cell spans `colspan` columns and `rowspan`
// rows, later cells skip slots taken from above), and the widths of its
// columns from the widths its cells' text needs (HTML's automatic table
// layout).
#pragma once

#include "pamphlet/model.hpp"

#include <cstddef>
#include <vector>

namespace pamphlet::typeset {

struct GridCell {
    const Block* block = nullptr;  // the table_cell
    std::size_t row = 0, column = 0;
    std::size_t rows = 1, columns = 1;  // spans, clipped to the table
};

// No page holds more columns than this; cells beyond are left out of print.
constexpr std::size_t max_table_columns = 100;

struct TableGrid {
    std::size_t rows = 0, columns = 0;
    std::vector<GridCell> cells;  // in reading order: by row, then column
    std::size_t dropped = 0;      // cells that would begin beyond max_table_columns
};

// The slots of `table`'s cells. A rowspan reaching past the last row ends
// there; rowspan 0 (HTML's "to the end of the section") is not in the model.
// A span reaching beyond max_table_columns ends there.
TableGrid place_cells(const Block& table);

// What a cell's text needs across: `min`, its widest unbreakable word (or
// part of a compound, which breaks after its hyphen); `max`, all of it on
// one line.
struct CellExtent {
    std::size_t column = 0, columns = 1;
    double min = 0, max = 0;
};

struct ColumnWidths {
    std::vector<double> widths;
    // Whether the columns' least widths fit in what was available; if not,
    // `widths` are those least widths scaled down to fit, narrower than some
    // words (the caller shrinks the text first).
    bool fits = true;
    double least = 0;  // the sum of the columns' least widths
};

// Widths of `columns` columns, `gap` apart, within `available` (gaps not
// included), from what their cells need as HTML's automatic table layout
// measures it: each column at least as wide as its cells' widest word, and
// as wide as its longest line when the table fits that way. Between the
// two, a column whose longest line is no wider than a fair share of the
// room keeps it, and the others share the rest evenly, none narrower than
// its widest word. A cell spanning columns widens those it spans (by their
// longest lines) where it needs more than they give it, the gaps between
// them included.
ColumnWidths column_widths(const std::vector<CellExtent>& cells, std::size_t columns, double gap,
                           double available);

}  // namespace pamphlet::typeset
