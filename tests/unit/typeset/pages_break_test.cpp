// The page builder on synthetic vertical lists: boxes of given heights with
// the glue and penalties the article builder puts between them.
#include "page/page_builder.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace pamphlet::typeset;

namespace {

// Lines 15 pt apart (11 above the baseline, 4 below); a page holds 10.
constexpr double line_height = 11, line_depth = 4;
const PageParams ten_lines{150, 60};

struct ListMaker {
    std::vector<VerticalItem> items;
    int next_content = 0;
    int keep = 0;  // boxes still kept with what precedes them

    int box(double height, double depth) {
        items.push_back(VerticalItem::box(height, depth, next_content));
        if (keep > 0) --keep;
        return next_content++;
    }
    void penalty(double p) {
        items.push_back(VerticalItem::make_penalty(keep > 0 ? infinite_penalty : p));
    }
    void glue(double size, double stretch = 0) {
        items.push_back(VerticalItem::glue(size, stretch));
    }
    void separator(double space, double stretch = 0) {
        penalty(0);
        glue(space, stretch);
    }
    // Returns the content index of the paragraph's first line.
    int paragraph(int lines, double club = infinite_penalty, double widow = infinite_penalty,
                  bool keep_first_line = false) {
        int first = -1;
        for (int i = 0; i < lines; ++i) {
            if (i > 0) {
                double p = 0;
                if (i == 1) p += club;
                if (i == lines - 1) p += widow;
                if (i == 1 && keep_first_line) p = infinite_penalty;
                penalty(std::min(p, infinite_penalty));
            }
            const int index = box(line_height, line_depth);
            if (first < 0) first = index;
        }
        return first;
    }
    int heading() {
        const int index = box(15, 5);
        keep = 2;
        return index;
    }
};

// The content index of the first and last box of a page.
int first_box(const std::vector<VerticalItem>& items, const PageRange& page) {
    for (std::size_t i = page.begin; i < page.end; ++i)
        if (items[i].kind == VerticalItem::Kind::box) return items[i].content;
    return -1;
}
int last_box(const std::vector<VerticalItem>& items, const PageRange& page) {
    for (std::size_t i = page.end; i > page.begin; --i)
        if (items[i - 1].kind == VerticalItem::Kind::box) return items[i - 1].content;
    return -1;
}
int box_count(const std::vector<VerticalItem>& items, const PageRange& page) {
    int count = 0;
    for (std::size_t i = page.begin; i < page.end; ++i)
        count += items[i].kind == VerticalItem::Kind::box ? 1 : 0;
    return count;
}

}  // namespace

TEST_CASE("a list that fits is one page; nothing is lost or repeated") {
    ListMaker list;
    list.paragraph(4);
    list.separator(6);
    list.paragraph(3);
    auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == 1);
    CHECK(box_count(list.items, pages[0]) == 7);
    CHECK(break_pages({}, ten_lines).empty());
}

TEST_CASE("every box lands on exactly one page, in order") {
    ListMaker list;
    for (int i = 0; i < 7; ++i) {
        if (i > 0) list.separator(6);
        list.paragraph(3 + i % 4, 150, 150);
    }
    auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() > 1);
    int expected = 0;
    for (const PageRange& page : pages) {
        for (std::size_t i = page.begin; i < page.end; ++i) {
            if (list.items[i].kind != VerticalItem::Kind::box) continue;
            CHECK(list.items[i].content == expected);
            ++expected;
        }
        CHECK(list.items[page.begin].kind == VerticalItem::Kind::box);  // no glue at a page's top
    }
    CHECK(expected == list.next_content);
}

TEST_CASE("a heading at the page end moves to the next page with its first lines") {
    ListMaker list;
    list.paragraph(8);
    list.separator(10);
    const int heading = list.heading();  // 120 + 10 + 20 = 150: the heading alone would fit
    list.separator(5);
    const int next = list.paragraph(5);
    auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == 2);
    CHECK(last_box(list.items, pages[0]) == heading - 1);
    CHECK(first_box(list.items, pages[1]) == heading);
    CHECK(box_count(list.items, pages[1]) == 6);
    CHECK(next == heading + 1);
}

TEST_CASE("a heading is kept with two lines even when a page would have room for one") {
    ListMaker list;
    list.paragraph(7);
    list.separator(0);
    const int heading = list.heading();  // 105 + 20 + one line 15 = 140: room for one line only
    list.separator(0);
    list.paragraph(6, 0, 0);  // no club or widow rule: only the heading's keep holds the lines
    auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == 2);
    CHECK(first_box(list.items, pages[1]) == heading);
}

TEST_CASE("no paragraph leaves a single line at a page's bottom (club) or top (widow)") {
    SUBCASE("widow: the page ends a line early") {
        ListMaker list;
        list.paragraph(11);
        auto pages = break_pages(list.items, ten_lines);
        REQUIRE(pages.size() == 2);
        CHECK(box_count(list.items, pages[0]) == 9);
        CHECK(box_count(list.items, pages[1]) == 2);
    }
    SUBCASE("club: a paragraph's first line does not end a page alone") {
        ListMaker list;
        list.paragraph(9);
        list.separator(0);
        const int second = list.paragraph(3);
        auto pages = break_pages(list.items, ten_lines);
        REQUIRE(pages.size() == 2);
        CHECK(first_box(list.items, pages[1]) == second);
    }
    SUBCASE("finite penalties still win over a slightly shorter page") {
        ListMaker list;
        list.paragraph(11, 150, 150);
        auto pages = break_pages(list.items, ten_lines);
        REQUIRE(pages.size() == 2);
        CHECK(box_count(list.items, pages[1]) == 2);
    }
    SUBCASE("without penalties the page is filled") {
        ListMaker list;
        list.paragraph(11, 0, 0);
        auto pages = break_pages(list.items, ten_lines);
        REQUIRE(pages.size() == 2);
        CHECK(box_count(list.items, pages[0]) == 10);
    }
}

TEST_CASE("an image is kept with its caption") {
    ListMaker list;
    list.paragraph(7);
    list.separator(5);
    const int image = list.box(30, 0);
    list.glue(3);  // no penalty between image and caption: no legal break
    list.box(line_height, line_depth);
    auto pages = break_pages(list.items, ten_lines);  // 105 + 5 + 30 + 3 + 15 = 158
    REQUIRE(pages.size() == 2);
    CHECK(first_box(list.items, pages[1]) == image);
    CHECK(box_count(list.items, pages[1]) == 2);
}

TEST_CASE("a list item is not split after its first line") {
    ListMaker list;
    list.paragraph(8, 0, 0);
    list.separator(3);
    // 120 + 3 + 15 = 138: the item's first line would fit, its second not.
    const int item = list.paragraph(4, 0, 0, true);
    auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == 2);
    CHECK(first_box(list.items, pages[1]) == item);
}

TEST_CASE("a forced break ends the page; the penalty is not content") {
    ListMaker list;
    list.paragraph(2);
    list.penalty(eject_penalty);
    const int second = list.paragraph(2);
    auto pages = break_pages(list.items, ten_lines);
    REQUIRE(pages.size() == 2);
    CHECK(first_box(list.items, pages[1]) == second);
    CHECK(box_count(list.items, pages[0]) == 2);
}

TEST_CASE("keeps that cannot be honoured still make pages") {
    SUBCASE("a block without any legal break is split where it fills the page") {
        ListMaker list;
        for (int i = 0; i < 25; ++i) list.box(line_height, line_depth);
        auto pages = break_pages(list.items, ten_lines);
        REQUIRE(pages.size() == 3);
        CHECK(box_count(list.items, pages[0]) == 10);
        CHECK(box_count(list.items, pages[2]) == 5);
    }
    SUBCASE("a box taller than the page gets a page of its own") {
        ListMaker list;
        list.paragraph(2);
        list.separator(0);
        const int tall = list.box(400, 0);
        list.separator(0);
        list.paragraph(2);
        auto pages = break_pages(list.items, ten_lines);
        REQUIRE(pages.size() == 3);
        CHECK(first_box(list.items, pages[1]) == tall);
        CHECK(box_count(list.items, pages[1]) == 1);
    }
}

TEST_CASE("page badness grows with the cube of the shortfall") {
    CHECK(page_badness(0, 60) == 0);
    CHECK(page_badness(60, 60) == doctest::Approx(100));
    CHECK(page_badness(30, 60) == doctest::Approx(12.5));
    CHECK(page_badness(600, 60) == 10000);
    CHECK(page_badness(1, 0) == 10000);
}

TEST_CASE("a page that ends short stretches its spaces to the bottom, if they can reach it") {
    // Paragraphs of two lines (30 pt, unbreakable) 6 pt apart: four fill
    // 138 pt of 150, and the fifth does not fit; 12 pt are left.
    auto make = [](double stretch, bool forced_end) {
        ListMaker list;
        for (int i = 0; i < 6; ++i) {
            if (i > 0) list.separator(6, stretch);
            list.paragraph(2);
        }
        if (forced_end) {
            list.penalty(eject_penalty);
            list.paragraph(2);
        }
        return list.items;
    };
    const std::vector<VerticalItem> reaching = make(5, false);  // 3 × 5 pt ≥ 12 pt
    std::vector<PageRange> pages = break_pages(reaching, ten_lines);
    REQUIRE(pages.size() == 2);
    CHECK(box_count(reaching, pages[0]) == 8);
    CHECK(pages[0].glue_ratio == doctest::Approx(12.0 / 15));
    CHECK(range_height(reaching, pages[0]) == doctest::Approx(150));
    CHECK(pages[1].glue_ratio == 0);  // the last page ends where its text does

    // 3 × 3 pt cannot make up 12 pt: the spaces stay as they are.
    const std::vector<VerticalItem> short_of_it = make(3, false);
    pages = break_pages(short_of_it, ten_lines);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].glue_ratio == 0);
    CHECK(range_height(short_of_it, pages[0]) == doctest::Approx(138));

    // Nor does a page stretch that ends at a forced break (an article's end).
    const std::vector<VerticalItem> forced = make(5, true);
    pages = break_pages(forced, ten_lines);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].glue_ratio > 0);
    CHECK(pages[1].glue_ratio == 0);
}
