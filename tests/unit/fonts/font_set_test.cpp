#include "pamphlet/font_set.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace pamphlet;

namespace {

const std::filesystem::path fonts_dir = std::filesystem::path(PAMPHLET_SOURCE_DIR) / "fonts";

int load(FontSet& fonts, const char* name) {
    std::string error;
    const std::optional<int> index = fonts.load(fonts_dir / name, error);
    REQUIRE_MESSAGE(index.has_value(), error);
    return *index;
}

}  // namespace

TEST_CASE("a font is loaded once and its metrics are read") {
    FontSet fonts;
    const int charis = load(fonts, "CharisSIL-Regular.ttf");
    const int lato = load(fonts, "Lato-Italic.ttf");
    const int mono = load(fonts, "NotoSansMono-Regular.ttf");
    CHECK(load(fonts, "CharisSIL-Regular.ttf") == charis);
    CHECK(fonts.size() == 3);
    CHECK(fonts.file(lato).filename() == "Lato-Italic.ttf");

    const FontMetrics& c = fonts.metrics(charis);
    CHECK(c.units_per_em == 2048);
    CHECK(c.ascender > 0);
    CHECK(c.descender < 0);
    CHECK(c.cap_height > c.x_height);
    CHECK(c.x_height > 0);
    CHECK(c.bbox[2] > c.bbox[0]);
    CHECK(c.serif);
    CHECK_FALSE(c.italic);
    CHECK_FALSE(c.fixed_pitch);
    CHECK(c.italic_angle == 0);
    CHECK(c.postscript_name == "CharisSIL");

    const FontMetrics& l = fonts.metrics(lato);
    CHECK_FALSE(l.serif);
    CHECK(l.italic);
    CHECK(l.italic_angle < 0);
    CHECK(l.postscript_name == "Lato-Italic");

    CHECK(fonts.metrics(mono).fixed_pitch);
}

TEST_CASE("coverage and advances") {
    FontSet fonts;
    const int charis = load(fonts, "CharisSIL-Regular.ttf");
    const int dejavu = load(fonts, "DejaVuSans.ttf");
    CHECK(fonts.has_glyph(charis, U'ß'));
    CHECK_FALSE(fonts.has_glyph(charis, U'\U0001F600'));
    CHECK(fonts.has_glyph(dejavu, U'\u2192'));
    CHECK(fonts.has_glyph(dejavu, U'\U0001F600'));
    CHECK_FALSE(fonts.has_glyph(dejavu, U'\u4E00'));

    const auto& m = fonts.shape(charis, "m", "en", "");
    REQUIRE(m.size() == 1);
    CHECK(fonts.advance(charis, m[0].id) == m[0].x_advance);
    CHECK(m[0].x_advance > 0);
}

TEST_CASE("shaping forms ligatures, kerns, applies features and is cached") {
    FontSet fonts;
    const int charis = load(fonts, "CharisSIL-Regular.ttf");
    const int lato = load(fonts, "Lato-Regular.ttf");

    const std::vector<ShapedGlyph>& office = fonts.shape(charis, "office", "en", "");
    REQUIRE(office.size() == 4);  // o, ffi, c, e
    CHECK(office[1].cluster == 1);
    CHECK(office[2].cluster == 4);
    CHECK(fonts.shape(charis, "office", "en", "-liga").size() == 6);

    const auto& to = fonts.shape(lato, "To", "en", "");
    const auto& t = fonts.shape(lato, "T", "en", "");
    const auto& o = fonts.shape(lato, "o", "en", "");
    CHECK(to[0].x_advance + to[1].x_advance < t[0].x_advance + o[0].x_advance);
    CHECK(fonts.shape(lato, "To", "en", "-kern")[0].x_advance == t[0].x_advance);

    // Old-style figures are different glyphs.
    CHECK(fonts.shape(lato, "1", "en", "onum")[0].id != fonts.shape(lato, "1", "en", "")[0].id);

    const ShapingStats before = fonts.stats();
    const std::vector<ShapedGlyph>* first = &fonts.shape(charis, "office", "en", "");
    for (int i = 0; i < 200; ++i) fonts.shape(charis, "word" + std::to_string(i), "en", "");
    CHECK(&fonts.shape(charis, "office", "en", "") == first);  // reference stays valid
    CHECK(first->size() == 4);
    const ShapingStats after = fonts.stats();
    CHECK(after.requests - before.requests == 202);
    CHECK(after.shaped - before.shaped == 200);
    // A different language or font is a different cache entry.
    fonts.shape(charis, "office", "de", "");
    fonts.shape(lato, "office", "en", "");
    CHECK(fonts.stats().shaped == after.shaped + 2);
}

TEST_CASE("files that are not TrueType fonts are rejected with a reason") {
    FontSet fonts;
    std::string error;
    CHECK_FALSE(fonts.load(fonts_dir / "NoSuchFont.ttf", error));
    CHECK(error.find("NoSuchFont.ttf") != std::string::npos);
    error.clear();
    CHECK_FALSE(fonts.load(fonts_dir / "CharisSIL-LICENSE.txt", error));
    CHECK(error.find("not a font") != std::string::npos);
    CHECK(fonts.size() == 0);
}
