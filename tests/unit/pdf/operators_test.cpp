#include "font_embedding.hpp"
#include "glyph_operators.hpp"
#include "number_format.hpp"

#include <doctest/doctest.h>

#include <charconv>
#include <random>
#include <string>

using namespace pamphlet;
using namespace pamphlet::pdf_detail;

TEST_CASE("numbers are written in fixed notation without trailing zeros") {
    CHECK(format_number(595.276, 2) == "595.28");
    CHECK(format_number(12.0, 3) == "12");
    CHECK(format_number(0.5, 3) == "0.5");
    CHECK(format_number(-0.0001, 2) == "0");
    CHECK(format_number(-3.14159, 3) == "-3.142");
    CHECK(format_number(1e-9, 2) == "0");
    CHECK(format_number(123456789.0, 2) == "123456789");
}

TEST_CASE("numbers are the exact decimal rounding of the binary value, fast path or not") {
    // The reference: std::to_chars's exact rounding, trailing zeros dropped.
    auto reference = [](double value, int decimals) {
        char buffer[64];
        auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value,
                                          std::chars_format::fixed, decimals);
        REQUIRE(error == std::errc{});
        std::string text(buffer, end);
        if (text.find('.') != std::string::npos) {
            while (text.back() == '0') text.pop_back();
            if (text.back() == '.') text.pop_back();
        }
        return text == "-0" ? std::string("0") : text;
    };
    std::mt19937_64 random(20261205);
    std::uniform_real_distribution<double> page(-2000.0, 2000.0);
    std::uniform_int_distribution<int> whole(-3000000, 3000000);
    for (int i = 0; i < 200000; ++i) {
        const int decimals = i % 5;
        const double a = page(random);
        CHECK(format_number(a, decimals) == reference(a, decimals));
        // Ties and near ties in thousandths: 12.3455, 12.3445 ...
        const double b = whole(random) / 1000.0 + 0.0005;
        CHECK(format_number(b, 3) == reference(b, 3));
        CHECK(format_number(b, 2) == reference(b, 2));
        const double c = std::nextafter(b, 0.0);
        CHECK(format_number(c, 3) == reference(c, 3));
    }
    for (double big : {1e9, -4.5e12, 123456789.125, 0.125, 2.5, -0.5})
        for (int decimals = 0; decimals <= 3; ++decimals)
            CHECK(format_number(big, decimals) == reference(big, decimals));
}

TEST_CASE("TJ adjustments make the glyphs land on the typesetter's advances") {
    GlyphRun run;
    run.size = 10;
    run.x = 72;
    run.y = 700.5;
    // Glyph 5 is 500/1000 em wide and advances 5 pt (no adjustment); glyph
    // 7 is 600/1000 em wide but kerned to 5.5 pt (+50); glyph 9 is last.
    run.glyphs = {{5, 0, 5.0, 0, 0}, {7, 1, 5.5, 0, 0}, {9, 2, 4.0, 0, 0}};
    const std::map<std::uint32_t, double> widths{{5, 500}, {7, 600}, {9, 400}};
    CHECK(text_operators(run, "F1", widths) ==
          "BT\n/F1 10 Tf\n1 0 0 1 72 700.5 Tm\n[<00050007>50<0009>] TJ\nET\n");
}

TEST_CASE("expanded glyphs are drawn wider with Tz, and the adjustments account for it") {
    GlyphRun run;
    run.size = 10;
    run.x = 72;
    run.y = 700.5;
    run.horizontal_scale = 1.02;
    // At 102 %, glyph 5 (500/1000 em) advances 5.1 pt by itself; glyph 7
    // (600/1000 em, 6.12 pt) is moved on by 5.1 pt, 100/1000 em of the
    // scaled font less.
    run.glyphs = {{5, 0, 5.1, 0, 0}, {7, 1, 5.1, 0, 0}, {9, 2, 4.08, 0, 0}};
    const std::map<std::uint32_t, double> widths{{5, 500}, {7, 600}, {9, 400}};
    CHECK(text_operators(run, "F1", widths) ==
          "BT\n/F1 10 Tf\n102 Tz\n1 0 0 1 72 700.5 Tm\n[<00050007>100<0009>] TJ\n100 Tz\nET\n");
}

TEST_CASE("a glyph with an offset is positioned on its own") {
    GlyphRun run;
    run.size = 10;
    run.x = 0;
    run.y = 100;
    run.glyphs = {{5, 0, 5.0, 0, 0}, {300, 0, 0.0, -3.0, 2.0}, {9, 2, 4.0, 0, 0}};
    const std::map<std::uint32_t, double> widths{{5, 500}, {300, 0}, {9, 400}};
    CHECK(text_operators(run, "F2", widths) ==
          "BT\n/F2 10 Tf\n"
          "1 0 0 1 0 100 Tm\n[<0005>] TJ\n"
          "1 0 0 1 2 102 Tm\n[<012C>] TJ\n"
          "1 0 0 1 5 100 Tm\n[<0009>] TJ\n"
          "ET\n");
}

TEST_CASE("the ToUnicode CMap maps ligatures to all their characters, in blocks of 100") {
    std::map<std::uint32_t, UsedGlyph> glyphs;
    glyphs[0] = {500, "?"};  // .notdef never gets a mapping
    glyphs[3] = {600, "ffi"};
    glyphs[4] = {300, ""};          // a glyph standing for no characters (a mark of a cluster)
    glyphs[5] = {500, "\xC3\x9F"};  // ß
    glyphs[6] = {500, "\xF0\x9F\x98\x80"};  // U+1F600, a surrogate pair in UTF-16
    const std::string cmap = to_unicode_cmap(glyphs);
    CHECK(cmap.find("3 beginbfchar\n<0003> <006600660069>\n<0005> <00DF>\n<0006> <D83DDE00>\n"
                    "endbfchar\n") != std::string::npos);
    CHECK(cmap.find("<0000>") == cmap.find("<0000> <FFFF>"));  // only the codespace range

    std::map<std::uint32_t, UsedGlyph> many;
    for (std::uint32_t id = 1; id <= 250; ++id) many[id] = {500, "a"};
    const std::string big = to_unicode_cmap(many);
    CHECK(big.find("100 beginbfchar") != std::string::npos);
    CHECK(big.find("50 beginbfchar") != std::string::npos);
    std::size_t blocks = 0;
    for (std::size_t at = big.find("endbfchar"); at != std::string::npos;
         at = big.find("endbfchar", at + 1)) {
        ++blocks;
    }
    CHECK(blocks == 3);
}

TEST_CASE("the subset tag is six capitals that follow the glyph set") {
    DocumentFont font;
    font.postscript_name = "CharisSIL";
    font.glyphs[3] = {};
    const std::string tag = subset_tag(font);
    REQUIRE(tag.size() == 6);
    for (char c : tag) CHECK((c >= 'A' && c <= 'Z'));
    CHECK(subset_tag(font) == tag);
    font.glyphs[4] = {};
    CHECK(subset_tag(font) != tag);
}

TEST_CASE("/W widths are in thousandths of an em, rounded to two decimals") {
    CHECK(pdf_glyph_width(1024, 2048) == 500);
    CHECK(pdf_glyph_width(1000, 2048) == doctest::Approx(488.28));
    CHECK(pdf_glyph_width(1000, 2048) * 100 == doctest::Approx(48828));
}
