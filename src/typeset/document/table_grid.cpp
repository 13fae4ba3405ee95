#include "document/table_grid.hpp"

#include <algorithm>
#include <numeric>

namespace pamphlet::typeset {

TableGrid place_cells(const Block& table) {
    TableGrid grid;
    grid.rows = table.children.size();
    // busy_until[c]: the first row below those a cell from above takes in
    // column c. Marking a cell costs its columns, not its area.
    std::vector<std::size_t> busy_until;
    for (std::size_t r = 0; r < grid.rows; ++r) {
        std::size_t column = 0;
        for (const Block& cell : table.children[r].children) {
            while (column < busy_until.size() && busy_until[column] > r) ++column;
            if (column >= max_table_columns) {
                ++grid.dropped;
                continue;
            }
            GridCell placed{&cell, r, column, std::max<std::size_t>(cell.cell.rowspan, 1),
                            std::max<std::size_t>(cell.cell.colspan, 1)};
            placed.rows = std::min(placed.rows, grid.rows - r);
            placed.columns = std::min(placed.columns, max_table_columns - column);
            if (busy_until.size() < column + placed.columns) busy_until.resize(column + placed.columns, 0);
            std::fill_n(busy_until.begin() + static_cast<std::ptrdiff_t>(column), placed.columns,
                        r + placed.rows);
            grid.columns = std::max(grid.columns, column + placed.columns);
            grid.cells.push_back(placed);
            column += placed.columns;
        }
    }
    return grid;
}

namespace {

// Widens columns [first, first + count) so that together with the gaps
// between them they give `needed`, each by a share of its weight.
void widen(std::vector<double>& widths, const std::vector<double>& weights, std::size_t first,
           std::size_t count, double gaps, double needed) {
    const auto begin = widths.begin() + static_cast<std::ptrdiff_t>(first);
    const double have = std::accumulate(begin, begin + static_cast<std::ptrdiff_t>(count), 0.0) + gaps;
    if (needed <= have) return;
    const auto weights_begin = weights.begin() + static_cast<std::ptrdiff_t>(first);
    const double weight =
        std::accumulate(weights_begin, weights_begin + static_cast<std::ptrdiff_t>(count), 0.0);
    for (std::size_t k = first; k < first + count; ++k) {
        const double share = weight > 0 ? weights[k] / weight : 1.0 / static_cast<double>(count);
        widths[k] += (needed - have) * share;
    }
}

// Widths for columns whose longest lines do not all fit in `available`
// but whose words do: a column whose longest line is no wider than a fair
// share of the room keeps it (short cells, numbers, stay on one line); the
// others share what is left evenly (as Typst shares room among its auto
// columns); then a column narrower than its longest word is widened to it,
// at the cost of those with room to spare beyond theirs, the sharing ones
// first.
std::vector<double> shared_widths(const std::vector<double>& least,
                                  const std::vector<double>& most, double available) {
    const std::size_t columns = most.size();
    std::vector<bool> kept(columns, false);
    double room = available;
    std::size_t sharing = columns;
    double share = 0;
    while (sharing > 0) {
        share = room / static_cast<double>(sharing);
        bool changed = false;
        for (std::size_t k = 0; k < columns; ++k) {
            if (kept[k] || most[k] > share) continue;
            kept[k] = true;
            room -= most[k];
            --sharing;
            changed = true;
        }
        if (!changed) break;
    }
    std::vector<double> widths(columns);
    for (std::size_t k = 0; k < columns; ++k) widths[k] = kept[k] ? most[k] : share;
    double missing = 0;
    for (std::size_t k = 0; k < columns; ++k) {
        if (widths[k] >= least[k]) continue;
        missing += least[k] - widths[k];
        widths[k] = least[k];
    }
    // What is missing comes from the sharing columns' room beyond their
    // words first, and only then from the short columns' lines.
    for (const bool from_kept : {false, true}) {
        double spare = 0;
        for (std::size_t k = 0; k < columns; ++k)
            if (kept[k] == from_kept) spare += widths[k] - least[k];
        if (missing <= 0 || spare <= 0) continue;
        const double taken = std::min(missing, spare);
        for (std::size_t k = 0; k < columns; ++k)
            if (kept[k] == from_kept) widths[k] -= (widths[k] - least[k]) * taken / spare;
        missing -= taken;
    }
    return widths;
}

}  // namespace

ColumnWidths column_widths(const std::vector<CellExtent>& cells, std::size_t columns, double gap,
                           double available) {
    std::vector<double> least(columns, 0), most(columns, 0);
    for (const CellExtent& cell : cells) {
        if (cell.columns != 1 || cell.column >= columns) continue;
        least[cell.column] = std::max(least[cell.column], cell.min);
        most[cell.column] = std::max(most[cell.column], cell.max);
    }
    // Spanning cells, the narrowest spans first: what they need beyond
    // what the columns they span give.
    std::vector<const CellExtent*> spanning;
    for (const CellExtent& cell : cells)
        if (cell.columns > 1 && cell.column < columns) spanning.push_back(&cell);
    std::stable_sort(spanning.begin(), spanning.end(),
                     [](const CellExtent* a, const CellExtent* b) { return a->columns < b->columns; });
    for (const CellExtent* cell : spanning) {
        const std::size_t count = std::min(cell->columns, columns - cell->column);
        const double gaps = static_cast<double>(count - 1) * gap;
        const std::vector<double> by_most = most;
        widen(least, by_most, cell->column, count, gaps, cell->min);
        widen(most, by_most, cell->column, count, gaps, cell->max);
    }
    for (std::size_t k = 0; k < columns; ++k) most[k] = std::max(most[k], least[k]);

    ColumnWidths result;
    result.least = std::accumulate(least.begin(), least.end(), 0.0);
    const double total_most = std::accumulate(most.begin(), most.end(), 0.0);
    if (total_most <= available) {
        result.widths = most;
    } else if (result.least <= available) {
        result.widths = shared_widths(least, most, available);
    } else {
        result.fits = false;
        const double scale = result.least > 0 ? available / result.least : 0;
        result.widths.resize(columns);
        for (std::size_t k = 0; k < columns; ++k) result.widths[k] = least[k] * scale;
    }
    return result;
}

}  // namespace pamphlet::typeset
