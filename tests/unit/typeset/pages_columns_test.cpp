// Multi-column pages on synthetic vertical lists: lines 10 pt apart, a
// column holds 10; openings span the columns, flows fill them and balance
// where they end.
#include "page/columns.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace pamphlet::typeset;

namespace {

const PageParams ten_lines{100, 20};

struct Lines {
    std::vector<VerticalItem> items;

    // `count` lines with a break costing `penalty` between any two.
    Lines& flow(int count, double penalty = 0) {
        for (int i = 0; i < count; ++i) {
            if (i > 0) items.push_back(VerticalItem::make_penalty(penalty));
            items.push_back(VerticalItem::box(8, 2, static_cast<int>(items.size())));
        }
        return *this;
    }
    Lines& span(int count) {
        for (int i = 0; i < count; ++i)
            items.push_back(VerticalItem::box(8, 2, static_cast<int>(items.size()), true));
        return *this;
    }
    Lines& glue(double size) {
        items.push_back(VerticalItem::glue(size));
        return *this;
    }
    Lines& page_break() {
        items.push_back(VerticalItem::make_penalty(eject_penalty));
        return *this;
    }
};

int boxes_in(const std::vector<VerticalItem>& items, const PageRange& range) {
    int boxes = 0;
    for (const ItemSpan& piece : pieces(range))
        for (std::size_t i = piece.begin; i < piece.end; ++i)
            boxes += items[i].kind == VerticalItem::Kind::box ? 1 : 0;
    return boxes;
}

// Lines per region of every page, "span" regions marked with an s.
std::vector<std::vector<int>> shape(const std::vector<VerticalItem>& items,
                                    const std::vector<PagePlan>& pages) {
    std::vector<std::vector<int>> result;
    for (const PagePlan& page : pages) {
        std::vector<int> regions;
        for (const Region& region : page.regions)
            regions.push_back((region.span ? 100 : 0) + boxes_in(items, region.range));
        result.push_back(regions);
    }
    return result;
}

}  // namespace

TEST_CASE("one column: the page builder's pages, spans ignored") {
    Lines list;
    list.span(2).glue(5).flow(25);
    const auto pages = plan_pages(list.items, {ten_lines, 1});
    const auto plain = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == plain.size());
    for (std::size_t p = 0; p < pages.size(); ++p) {
        REQUIRE(pages[p].regions.size() == 1);
        CHECK(pages[p].regions[0].range.begin == plain[p].begin);
        CHECK(pages[p].regions[0].range.end == plain[p].end);
        CHECK(pages[p].regions[0].top == 0);
    }
}

TEST_CASE("two columns fill one after the other and balance on the last page") {
    Lines list;
    list.flow(30);
    const auto pages = plan_pages(list.items, {ten_lines, 2});
    CHECK(shape(list.items, pages) == std::vector<std::vector<int>>{{10, 10}, {5, 5}});
    CHECK(pages[1].regions[0].column == 0);
    CHECK(pages[1].regions[1].column == 1);
    CHECK(pages[1].regions[1].top == 0);
}

TEST_CASE("an odd number of lines leaves the longer column first") {
    Lines list;
    list.flow(7);
    CHECK(shape(list.items, plan_pages(list.items, {ten_lines, 2})) ==
          std::vector<std::vector<int>>{{4, 3}});
}

TEST_CASE("balancing does not break a keep: a three-line paragraph stays whole") {
    Lines list;
    list.flow(3, infinite_penalty);
    CHECK(shape(list.items, plan_pages(list.items, {ten_lines, 2})) ==
          std::vector<std::vector<int>>{{3}});
}

TEST_CASE("balancing breaks only where breaks are allowed") {
    Lines list;
    // Six lines that may part only after the fourth: 4 + 2, not 3 + 3.
    for (int i = 0; i < 6; ++i) {
        if (i > 0) list.items.push_back(VerticalItem::make_penalty(i == 4 ? 0 : infinite_penalty));
        list.items.push_back(VerticalItem::box(8, 2, i));
    }
    CHECK(shape(list.items, plan_pages(list.items, {ten_lines, 2})) ==
          std::vector<std::vector<int>>{{4, 2}});
}

TEST_CASE("three columns balance too") {
    Lines list;
    list.flow(9);
    CHECK(shape(list.items, plan_pages(list.items, {ten_lines, 3})) ==
          std::vector<std::vector<int>>{{3, 3, 3}});
}

TEST_CASE("an opening spans the columns and the flow starts below it") {
    Lines list;
    list.span(2).glue(5).flow(6);
    const auto pages = plan_pages(list.items, {ten_lines, 2});
    REQUIRE(shape(list.items, pages) == std::vector<std::vector<int>>{{102, 3, 3}});
    CHECK(pages[0].regions[0].top == 0);
    // Two lines of the opening (20 pt) and the space below it.
    CHECK(pages[0].regions[1].top == doctest::Approx(25));
    CHECK(pages[0].regions[2].top == doctest::Approx(25));
    CHECK(pages[0].regions[2].column == 1);
}

TEST_CASE("the columns below an opening hold less, and the flow goes on overleaf") {
    Lines list;
    list.span(2).glue(5).flow(20);
    // 75 pt below the opening: 7 lines a column on the first page.
    CHECK(shape(list.items, plan_pages(list.items, {ten_lines, 2})) ==
          std::vector<std::vector<int>>{{102, 7, 7}, {3, 3}});
}

TEST_CASE("an opening without room for two lines below it moves to the next page") {
    Lines list;
    list.flow(16).glue(10).span(2).glue(5).flow(4);
    // The first flow balances at 8 lines (80 pt); the opening would end at
    // 110 pt, beyond the page.
    CHECK(shape(list.items, plan_pages(list.items, {ten_lines, 2})) ==
          std::vector<std::vector<int>>{{8, 8}, {102, 2, 2}});
}

TEST_CASE("an opening follows balanced columns on the same page when it fits") {
    Lines list;
    list.flow(4).glue(10).span(1).glue(5).flow(4);
    const auto pages = plan_pages(list.items, {ten_lines, 2});
    REQUIRE(shape(list.items, pages) == std::vector<std::vector<int>>{{2, 2, 101, 2, 2}});
    CHECK(pages[0].regions[2].top == doctest::Approx(30));  // 20 pt of columns and 10 of space
    CHECK(pages[0].regions[3].top == doctest::Approx(45));
}

TEST_CASE("a forced break ends the page; the columns before it are balanced") {
    Lines list;
    list.flow(6).page_break().span(1).flow(2);
    CHECK(shape(list.items, plan_pages(list.items, {ten_lines, 2})) ==
          std::vector<std::vector<int>>{{3, 3}, {101, 1, 1}});
}

TEST_CASE("range heights count boxes and the glue between them, not glue above") {
    Lines list;
    list.glue(7).flow(3);
    CHECK(range_height(list.items, {0, list.items.size(), false, {}, {}}) == doctest::Approx(30));
}

namespace {

// A figure 50 pt tall as the article builder makes it: a break marked as a
// float, the space above, the picture.
void figure(Lines& list, double height = 50) {
    VerticalItem start = VerticalItem::make_penalty(0);
    start.float_items = 3;
    list.items.push_back(start);
    list.items.push_back(VerticalItem::glue(5));
    list.items.push_back(VerticalItem::box(height, 0, 1000));
}

std::vector<int> contents_in_order(const std::vector<VerticalItem>& items, const PageRange& page) {
    std::vector<int> order;
    for (const ItemSpan& piece : pieces(page))
        for (std::size_t i = piece.begin; i < piece.end; ++i)
            if (items[i].kind == VerticalItem::Kind::box) order.push_back(items[i].content);
    return order;
}

}  // namespace

TEST_CASE("a figure that does not fit floats to the next page; the text fills this one") {
    Lines list;
    list.flow(8);
    figure(list);
    list.items.push_back(VerticalItem::make_penalty(0));
    list.flow(7);
    const auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == 2);
    CHECK(boxes_in(list.items, pages[0]) == 10);  // 8 lines, then 2 from after the figure
    CHECK(!pages[0].skip.empty());
    REQUIRE(!pages[1].lead.empty());
    const std::vector<int> second = contents_in_order(list.items, pages[1]);
    REQUIRE(!second.empty());
    CHECK(second.front() == 1000);  // the figure opens the page
    CHECK(second.size() == 6);      // and the five lines left
}

TEST_CASE("a figure does not float past a forced break") {
    Lines list;
    list.flow(8);
    figure(list);
    list.items.push_back(VerticalItem::make_penalty(0));
    list.flow(2).page_break().flow(3);
    const auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == 3);
    CHECK(boxes_in(list.items, pages[0]) == 8);
    CHECK(pages[0].skip.empty());
    CHECK(contents_in_order(list.items, pages[1]).front() == 1000);
}

TEST_CASE("in columns a figure floats to the next column") {
    Lines list;
    list.flow(8);
    figure(list);
    list.items.push_back(VerticalItem::make_penalty(0));
    list.flow(30);
    const auto pages = plan_pages(list.items, {ten_lines, 2});
    REQUIRE(!pages.empty());
    REQUIRE(pages[0].regions.size() == 2);
    CHECK(boxes_in(list.items, pages[0].regions[0].range) == 10);
    CHECK(contents_in_order(list.items, pages[0].regions[1].range).front() == 1000);
}

TEST_CASE("a floated figure may stand alone on its page rather than strand a heading") {
    Lines list;
    list.flow(8);
    figure(list, 75);
    list.items.push_back(VerticalItem::make_penalty(0));
    list.flow(2);
    // A heading kept with the two lines after it: 30 pt, which do not fit
    // below the 75 pt figure.
    list.items.push_back(VerticalItem::make_penalty(0));
    list.items.push_back(VerticalItem::box(8, 2, 2000));
    list.flow(2, infinite_penalty);
    list.items.push_back(VerticalItem::make_penalty(0));
    list.flow(4);
    const auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == 3);
    CHECK(contents_in_order(list.items, pages[1]) == std::vector<int>{1000});
    for (const PageRange& page : pages) CHECK(contents_in_order(list.items, page).back() != 2000);
}

TEST_CASE("a footnote stands at the foot of the column that calls for it, balanced or not") {
    // Two notes of one 10 pt line each, 5 pt above them: 25 pt.
    std::vector<VerticalItem> notes{VerticalItem::box(8, 2), VerticalItem::glue(0),
                                    VerticalItem::box(8, 2)};
    ColumnParams params{ten_lines, 2};
    params.page.notes = &notes;
    params.page.note_skip = 5;

    // Twelve lines, the sixth calling for both notes, balanced: the first
    // column holds six lines and the notes (85 pt), the second six. The
    // second note is not sent on to the second column, which has room for
    // it, to shorten the first.
    Lines short_flow;
    short_flow.flow(12);
    short_flow.items[10].notes_end = notes.size();
    const std::vector<PagePlan> balanced = plan_pages(short_flow.items, params);
    REQUIRE(balanced.size() == 1);
    REQUIRE(balanced[0].regions.size() == 2);
    CHECK(balanced[0].regions[0].range.notes.begin == 0);
    CHECK(balanced[0].regions[0].range.notes.end == notes.size());
    CHECK(balanced[0].regions[1].range.notes.empty());
    CHECK(boxes_in(short_flow.items, balanced[0].regions[0].range) == 6);
    CHECK(boxes_in(short_flow.items, balanced[0].regions[1].range) == 6);

    // Thirty lines, the fifteenth calling for them: it is in the second
    // column of the first page, which holds seven lines and the notes.
    Lines long_flow;
    long_flow.flow(30);
    long_flow.items[28].notes_end = notes.size();
    const std::vector<PagePlan> pages = plan_pages(long_flow.items, params);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].regions[0].range.notes.empty());
    CHECK(pages[0].regions[1].range.notes.end == notes.size());
    CHECK(boxes_in(long_flow.items, pages[0].regions[0].range) == 10);
    CHECK(boxes_in(long_flow.items, pages[0].regions[1].range) == 7);
    CHECK(pages[1].regions[0].range.notes.empty());
}
