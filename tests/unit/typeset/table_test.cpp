// Tables: the grid slots cells take, the widths of columns from their
// cells' text, and the page builder repeating a header on the pages a
// table continues on.
#include "document/table_grid.hpp"
#include "page/page_builder.hpp"

#include <doctest/doctest.h>

#include <numeric>

using namespace pamphlet;
using namespace pamphlet::typeset;

namespace {

Block cell(std::uint16_t colspan = 1, std::uint16_t rowspan = 1) {
    Block block;
    block.kind = BlockKind::table_cell;
    block.cell.colspan = colspan;
    block.cell.rowspan = rowspan;
    return block;
}

Block row(std::vector<Block> cells) {
    Block block;
    block.kind = BlockKind::table_row;
    block.children = std::move(cells);
    return block;
}

Block table(std::vector<Block> rows) {
    Block block;
    block.kind = BlockKind::table;
    block.children = std::move(rows);
    return block;
}

double sum(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0);
}

}  // namespace

TEST_CASE("cells take the slots HTML gives them: spans from above are skipped") {
    // | A (2 rows) | B       C |
    // |            | D (2 cols)|
    // | E | F | G |
    const TableGrid grid = place_cells(table({row({cell(1, 2), cell(), cell()}),
                                              row({cell(2, 1)}),
                                              row({cell(), cell(), cell()})}));
    CHECK(grid.rows == 3);
    CHECK(grid.columns == 3);
    REQUIRE(grid.cells.size() == 7);
    CHECK(grid.cells[0].rows == 2);
    CHECK(grid.cells[3].row == 1);
    CHECK(grid.cells[3].column == 1);  // D starts beside A
    CHECK(grid.cells[3].columns == 2);
    CHECK(grid.cells[6].column == 2);
}

TEST_CASE("a rowspan beyond the last row ends there; rows of unequal length widen the grid") {
    const TableGrid grid =
        place_cells(table({row({cell(1, 9), cell()}), row({cell(), cell(), cell()})}));
    CHECK(grid.cells[0].rows == 2);
    CHECK(grid.columns == 4);  // the second row's three cells begin after the spanning one
}

TEST_CASE("columns as wide as their longest text when the table fits that way") {
    const std::vector<CellExtent> cells{{0, 1, 30, 50}, {1, 1, 10, 20}, {0, 1, 40, 45}};
    const ColumnWidths widths = column_widths(cells, 2, 12, 300);
    CHECK(widths.fits);
    CHECK(widths.widths[0] == doctest::Approx(50));
    CHECK(widths.widths[1] == doctest::Approx(20));
    CHECK(widths.least == doctest::Approx(50));
}

TEST_CASE("narrower than their text: short columns keep their line, long ones share the rest") {
    // A fair share of 100 is 50: the second column (20) keeps its line,
    // the first takes the remaining 80.
    const ColumnWidths two = column_widths({{0, 1, 40, 240}, {1, 1, 10, 20}}, 2, 12, 100);
    CHECK(two.fits);
    CHECK(two.widths[0] == doctest::Approx(80));
    CHECK(two.widths[1] == doctest::Approx(20));

    // Two long columns share evenly (67.5 each after the short one's 15),
    // but no column is narrower than its widest word: the first is widened
    // to 70 at the cost of the second.
    const ColumnWidths three =
        column_widths({{0, 1, 70, 100}, {1, 1, 10, 200}, {2, 1, 10, 15}}, 3, 12, 150);
    CHECK(three.fits);
    CHECK(three.widths[0] == doctest::Approx(70));
    CHECK(three.widths[1] == doctest::Approx(65));
    CHECK(three.widths[2] == doctest::Approx(15));
    CHECK(sum(three.widths) == doctest::Approx(150));
}

TEST_CASE("words wider than the room: the least widths, scaled down, and not fitting") {
    const std::vector<CellExtent> cells{{0, 1, 60, 80}, {1, 1, 40, 50}};
    const ColumnWidths widths = column_widths(cells, 2, 12, 50);
    CHECK_FALSE(widths.fits);
    CHECK(widths.least == doctest::Approx(100));
    CHECK(widths.widths[0] == doctest::Approx(30));
    CHECK(widths.widths[1] == doctest::Approx(20));
}

TEST_CASE("a cell spanning columns widens them by their text where it needs more") {
    // Columns of most 30 and 10; a spanning cell needs 92 across, the gap
    // of 12 included: the 40 more go 3:1.
    const std::vector<CellExtent> cells{{0, 1, 10, 30}, {1, 1, 5, 10}, {0, 2, 20, 92}};
    const ColumnWidths widths = column_widths(cells, 2, 12, 500);
    CHECK(widths.widths[0] == doctest::Approx(60));
    CHECK(widths.widths[1] == doctest::Approx(20));
    // Its least width (20) fits in what the columns' least give (10 + 5 + 12).
    CHECK(widths.least == doctest::Approx(15));
}

namespace {

// A table as the page builder sees it: a header of three touching boxes
// (rule, line, rule), then `rows` rows of one 15 pt line each, a legal
// break between rows.
std::vector<VerticalItem> table_items(int rows, std::vector<ItemSpan>& repeats) {
    std::vector<VerticalItem> items;
    items.push_back(VerticalItem::box(1, 0, 0));
    items.push_back(VerticalItem::box(11, 4, 1));
    items.push_back(VerticalItem::box(1, 0, 2));
    repeats.push_back({0, 3});
    for (int r = 0; r < rows; ++r) {
        if (r > 0) items.push_back(VerticalItem::make_penalty(0));
        items.push_back(VerticalItem::box(11, 4, 3 + r));
        items.back().repeat = 0;
    }
    return items;
}

}  // namespace

TEST_CASE("a page a table continues on begins with its header, and makes room for it") {
    std::vector<ItemSpan> repeats;
    const std::vector<VerticalItem> items = table_items(20, repeats);
    PageParams params{150, 0};
    params.repeats = &repeats;
    const std::vector<PageRange> pages = break_pages(items, params);
    REQUIRE(pages.size() == 3);
    // The first page: the header (17 pt) and eight rows (120 pt).
    CHECK(pages[0].repeat.empty());
    CHECK(pages[0].begin == 0);
    CHECK(pages[0].end == 3 + 2 * 8 - 1);
    // The next ones: the header again above eight rows.
    CHECK(pages[1].repeat.begin == 0);
    CHECK(pages[1].repeat.end == 3);
    CHECK(range_height(items, pages[1]) <= 150);
    CHECK(range_height(items, pages[1]) == doctest::Approx(17 + 8 * 15));
    CHECK(pieces(pages[1]).front().begin == 0);
    CHECK(pages[2].repeat.begin == 0);

    // Without the repeats the same list breaks as plain boxes: ten rows
    // fill the second page.
    params.repeats = nullptr;
    const std::vector<PageRange> plain = break_pages(items, params);
    CHECK(plain[1].repeat.empty());
    CHECK(range_height(items, plain[1]) == doctest::Approx(150));
}

TEST_CASE("a hostile table's spans cost their columns, and print stops at max_table_columns") {
    // Every row spans all the rows below it and a thousand columns: the
    // grid is built in a blink, capped, and says what it left out.
    std::vector<Block> rows;
    for (int r = 0; r < 2000; ++r) rows.push_back(row({cell(1000, 65534), cell()}));
    const TableGrid grid = place_cells(table(std::move(rows)));
    CHECK(grid.columns == max_table_columns);
    // Row 0's cell takes every column; each later row's cells find no free
    // column within the cap.
    CHECK(grid.cells.size() == 1);
    CHECK(grid.dropped == 2 * 2000 - 1);
}
