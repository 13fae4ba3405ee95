// Footnotes as insertions: the page builder counts the notes a page's lines
// call for, puts them at that page's foot, and carries what does not fit.
#include "page/page_builder.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace pamphlet::typeset;

namespace {

// Lines 15 pt apart (11 above the baseline, 4 below); a page holds 10.
constexpr double line_height = 11, line_depth = 4;

std::vector<VerticalItem> body_lines(int count) {
    std::vector<VerticalItem> items;
    for (int i = 0; i < count; ++i) {
        if (i > 0) items.push_back(VerticalItem::make_penalty(0));
        items.push_back(VerticalItem::box(line_height, line_depth, i));
    }
    return items;
}

// A note of `lines` touching lines, after a glue when notes come before it.
void add_note(std::vector<VerticalItem>& notes, int lines) {
    if (!notes.empty()) notes.push_back(VerticalItem::glue(2));
    for (int i = 0; i < lines; ++i) notes.push_back(VerticalItem::box(line_height, line_depth));
}

std::size_t boxes_in(const std::vector<VerticalItem>& items, ItemSpan span) {
    std::size_t boxes = 0;
    for (std::size_t i = span.begin; i < span.end; ++i)
        if (items[i].kind == VerticalItem::Kind::box) ++boxes;
    return boxes;
}

// The box of body line `line` (0-based) in body_lines' list.
std::size_t line_item(int line) { return static_cast<std::size_t>(2 * line); }

}  // namespace

TEST_CASE("a note stands at the foot of the page that calls for it, and the text makes room") {
    std::vector<VerticalItem> items = body_lines(20);
    std::vector<VerticalItem> notes;
    add_note(notes, 3);
    items[line_item(2)].notes_end = notes.size();
    const PageParams params{150, 60, &notes, 10};
    // The note takes 10 + 45 pt: six lines of text are left.
    CHECK(notes_height(params, {0, notes.size()}) == doctest::Approx(55));
    const std::vector<PageRange> pages = break_pages(items, params);
    REQUIRE(pages.size() == 3);
    CHECK(boxes_in(items, {pages[0].begin, pages[0].end}) == 6);
    CHECK(pages[0].notes.begin == 0);
    CHECK(pages[0].notes.end == notes.size());
    CHECK(pages[1].notes.empty());
    CHECK(boxes_in(items, {pages[1].begin, pages[1].end}) == 10);
}

TEST_CASE("without notes the pages are what they were") {
    const std::vector<VerticalItem> items = body_lines(20);
    const std::vector<VerticalItem> notes;
    const std::vector<PageRange> with = break_pages(items, {150, 60, &notes, 10});
    const std::vector<PageRange> without = break_pages(items, {150, 60});
    REQUIRE(with.size() == without.size());
    for (std::size_t k = 0; k < with.size(); ++k) {
        CHECK(with[k].begin == without[k].begin);
        CHECK(with[k].end == without[k].end);
        CHECK(with[k].notes.empty());
    }
}

TEST_CASE("a note too long for the rest of its page continues at the next page's foot") {
    std::vector<VerticalItem> items = body_lines(20);
    std::vector<VerticalItem> notes;
    add_note(notes, 1);
    add_note(notes, 12);  // taller than a page: it must be split
    items[line_item(1)].notes_end = 1;             // the short note
    items[line_item(6)].notes_end = notes.size();  // the long one
    const std::vector<PageRange> pages = break_pages(items, {150, 60, &notes, 10});
    REQUIRE(pages.size() >= 2);
    // The line that calls for the long note stands above its first line.
    CHECK(pages[0].end > line_item(6));
    CHECK(boxes_in(notes, pages[0].notes) >= 2);
    CHECK(boxes_in(notes, pages[0].notes) < 13);
    // The rest follows on the next page, and every note line lands once.
    CHECK(pages[1].notes.begin == pages[0].notes.end);
    std::size_t placed = 0;
    for (const PageRange& page : pages) placed += boxes_in(notes, page.notes);
    CHECK(placed == 13);
    for (const PageRange& page : pages)
        CHECK(range_height(items, page) + notes_height({150, 60, &notes, 10}, page.notes) <=
              doctest::Approx(150));
}

TEST_CASE("notes that do not fit below the last line get pages of their own") {
    std::vector<VerticalItem> items = body_lines(2);
    std::vector<VerticalItem> notes;
    add_note(notes, 25);
    items[line_item(1)].notes_end = notes.size();
    const std::vector<PageRange> pages = break_pages(items, {150, 60, &notes, 10});
    REQUIRE(pages.size() == 3);
    CHECK(boxes_in(items, {pages[0].begin, pages[0].end}) == 2);
    CHECK(pages[1].begin == pages[1].end);
    std::size_t placed = 0;
    for (const PageRange& page : pages) placed += boxes_in(notes, page.notes);
    CHECK(placed == 25);
}
