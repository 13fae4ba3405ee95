#include "pamphlet/fonts.hpp"
#include "shaping.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace pamphlet;

namespace {

const std::filesystem::path fonts_dir = std::filesystem::path(PAMPHLET_SOURCE_DIR) / "fonts";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<char32_t> codepoints_of(std::u32string_view text) {
    return {text.begin(), text.end()};
}

std::vector<int> advances(const std::vector<ShapedGlyph>& glyphs) {
    std::vector<int> result;
    for (const ShapedGlyph& g : glyphs) result.push_back(g.x_advance);
    return result;
}

}  // namespace

TEST_CASE("a subset keeps the requested characters, ligatures and kerning, and is small") {
    const auto file = fonts_dir / "CharisSIL-Regular.ttf";
    const auto wanted = codepoints_of(U"Hallo Welt äöüß office „“");
    FontSubsetResult subset = subset_font(file, wanted);
    REQUIRE(subset.error.empty());
    const std::string full = read_file(file);
    MESSAGE("CharisSIL-Regular.ttf: " << full.size() << " bytes, subset: " << subset.data.size()
                                      << " bytes");
    CHECK(subset.data.size() * 20 < full.size());

    // The subset maps every requested code point.
    const auto subset_file = std::filesystem::temp_directory_path() / "pamphlet-subset-test.ttf";
    {
        std::ofstream out(subset_file, std::ios::binary);
        out << subset.data;
    }
    CHECK(missing_codepoints(subset_file, wanted).empty());
    CHECK(missing_codepoints(subset_file, {U'x'}) == std::set<char32_t>{U'x'});
    std::filesystem::remove(subset_file);

    // "office" is drawn with the ffi ligature by both the font and its subset.
    const auto full_office = shape_text(full, "office");
    const auto subset_office = shape_text(subset.data, "office");
    CHECK(full_office.size() < 6);
    CHECK(subset_office.size() == full_office.size());
    CHECK(advances(subset_office) == advances(full_office));
}

TEST_CASE("a subset keeps kerning") {
    // Charis SIL has no kerning; Lato kerns "To".
    const auto file = fonts_dir / "Lato-Regular.ttf";
    const std::string full = read_file(file);
    FontSubsetResult subset = subset_font(file, codepoints_of(U"Tor"));
    REQUIRE(subset.error.empty());
    const int apart = shape_text(full, "T")[0].x_advance + shape_text(full, "o")[0].x_advance;
    const auto subset_to = shape_text(subset.data, "To");
    REQUIRE(subset_to.size() == 2);
    CHECK(subset_to[0].x_advance + subset_to[1].x_advance < apart);
    CHECK(advances(subset_to) == advances(shape_text(full, "To")));
}

TEST_CASE("subsets are deterministic") {
    const auto file = fonts_dir / "Lato-Bold.ttf";
    const auto wanted = codepoints_of(U"Übungen für den Rücken");
    CHECK(subset_font(file, wanted).data == subset_font(file, wanted).data);
}

TEST_CASE("missing code points are reported") {
    const auto file = fonts_dir / "CharisSIL-Regular.ttf";
    const auto missing = missing_codepoints(file, {U'a', U'ß', U'\u4E00', U'\U0001F600'});
    CHECK(missing == std::set<char32_t>{U'\u4E00', U'\U0001F600'});
}

TEST_CASE("unreadable files give errors, not crashes") {
    const auto nonexistent = fonts_dir / "NoSuchFont.ttf";
    FontSubsetResult result = subset_font(nonexistent, {U'a'});
    CHECK(result.data.empty());
    CHECK(result.error.find("NoSuchFont.ttf") != std::string::npos);
    CHECK(missing_codepoints(nonexistent, {U'a'}) == std::set<char32_t>{U'a'});
    CHECK_FALSE(font_allows_embedding(nonexistent));

    const auto not_a_font = fonts_dir / "CharisSIL-LICENSE.txt";
    result = subset_font(not_a_font, {U'a'});
    CHECK(result.data.empty());
    CHECK_FALSE(result.error.empty());
    CHECK_FALSE(font_allows_embedding(not_a_font));
    CHECK(shape_text(read_file(not_a_font), "a").empty());
}

TEST_CASE("the bundled fonts allow embedding") {
    for (const char* name :
         {"CharisSIL-Regular.ttf", "Lato-Regular.ttf", "NotoSansMono-Bold.ttf"}) {
        CAPTURE(name);
        CHECK(font_allows_embedding(fonts_dir / name));
    }
}
