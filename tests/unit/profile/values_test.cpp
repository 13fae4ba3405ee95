#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;

namespace {

constexpr double mm = 72.0 / 25.4;

}  // namespace

TEST_CASE("lengths convert to points") {
    CHECK(*parse_length("12pt") == doctest::Approx(12));
    CHECK(*parse_length("4.5mm") == doctest::Approx(4.5 * mm));
    CHECK(*parse_length("0.5cm") == doctest::Approx(5 * mm));
    CHECK(*parse_length("1in") == doctest::Approx(72));
    CHECK(*parse_length(".5in") == doctest::Approx(36));
    CHECK(*parse_length("  12 pt ") == doctest::Approx(12));
    CHECK(*parse_length("10MM") == doctest::Approx(10 * mm));
    CHECK(*parse_length("0") == 0);
    CHECK(*parse_length("0.0") == 0);
}

TEST_CASE("malformed lengths are rejected") {
    for (const char* bad : {"", "   ", "12", "1.5", "-3mm", "-0", "12px", "mm", "12 p t", "1e3pt",
                            "inf", "nan", "12pt extra", "+3mm", "1.2.3mm", "3 mm mm"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_length(bad).has_value());
    }
}

TEST_CASE("hex colours") {
    auto c = parse_color("#1f5c7a");
    REQUIRE(c);
    CHECK(c->space == Color::Space::rgb);
    CHECK(c->v[0] == doctest::Approx(0x1f / 255.0));
    CHECK(c->v[1] == doctest::Approx(0x5c / 255.0));
    CHECK(c->v[2] == doctest::Approx(0x7a / 255.0));
    CHECK(c->css() == "#1f5c7a");
    CHECK(parse_color("#1F5C7A")->css() == "#1f5c7a");
    CHECK(parse_color("#fff")->css() == "#ffffff");
    CHECK(parse_color("#a0c")->css() == "#aa00cc");
    CHECK(parse_color(" #000000 ")->css() == "#000000");
}

TEST_CASE("cmyk colours are percentages stored as fractions") {
    auto c = parse_color("cmyk(0, 60, 100, 0)");
    REQUIRE(c);
    CHECK(c->space == Color::Space::cmyk);
    CHECK(c->v[0] == 0);
    CHECK(c->v[1] == doctest::Approx(0.6));
    CHECK(c->v[2] == doctest::Approx(1.0));
    CHECK(c->v[3] == 0);
    // Naive conversion: r = (1-c)(1-k), g = (1-m)(1-k), b = (1-y)(1-k).
    CHECK(c->css() == "#ff6600");
    CHECK(parse_color("cmyk(0,0,0,100)")->css() == "#000000");
    CHECK(parse_color("CMYK( 100 , 0 , 0 , 50 )")->css() == "#008080");
    CHECK(parse_color("cmyk(10%, 20%, 30%, 40%)") == parse_color("cmyk(10, 20, 30, 40)"));
}

TEST_CASE("malformed colours are rejected") {
    for (const char* bad :
         {"", "blue", "#12", "#1234", "#12345g", "#1f5c7a0", "1f5c7a", "cmyk(0, 60, 100)",
          "cmyk(0, 60, 100, 0, 5)", "cmyk(0, 60, 101, 0)", "cmyk(0, -5, 100, 0)",
          "cmyk(0, 60, 100, 0", "cmyk(a, b, c, d)", "rgb(1, 2, 3)"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_color(bad).has_value());
    }
}

TEST_CASE("named page sizes") {
    auto a4 = parse_page_size("A4");
    REQUIRE(a4);
    CHECK(a4->name == "A4");
    CHECK(a4->width == doctest::Approx(595.276).epsilon(0.0001));
    CHECK(a4->height == doctest::Approx(841.890).epsilon(0.0001));
    CHECK(parse_page_size("a5")->name == "A5");
    CHECK(parse_page_size("A3")->height == doctest::Approx(420 * mm));
    CHECK(parse_page_size("A6")->width == doctest::Approx(105 * mm));
    CHECK(parse_page_size("B5")->width == doctest::Approx(176 * mm));
    auto letter = parse_page_size("Letter");
    REQUIRE(letter);
    CHECK(letter->name == "letter");
    CHECK(letter->width == doctest::Approx(612));
    CHECK(letter->height == doctest::Approx(792));
    CHECK(parse_page_size("LEGAL")->height == doctest::Approx(1008));
}

TEST_CASE("custom page sizes") {
    auto size = parse_page_size("148mm x 210mm");
    REQUIRE(size);
    CHECK(size->name.empty());
    CHECK(size->width == doctest::Approx(148 * mm));
    CHECK(size->height == doctest::Approx(210 * mm));
    CHECK(parse_page_size("5.5inx8.5in")->width == doctest::Approx(396));
    CHECK(parse_page_size("10cm X 15cm")->height == doctest::Approx(150 * mm));
    CHECK(parse_page_size("100mm \u00d7 200mm")->width == doctest::Approx(100 * mm));
    for (const char* bad : {"", "A7", "B4", "148 x 210", "148mm x", "x 210mm", "0 x 210mm",
                            "148mm by 210mm", "-148mm x 210mm"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_page_size(bad).has_value());
    }
}
