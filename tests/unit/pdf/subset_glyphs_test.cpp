#include "document_builder.hpp"

#include "pamphlet/fonts.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace pamphlet;
using namespace pamphlet::testing;

TEST_CASE("a glyph subset keeps the glyph ids and only the glyphs asked for") {
    FontSet fonts;
    std::string error;
    const std::optional<int> charis = fonts.load(fonts_dir / "CharisSIL-Regular.ttf", error);
    REQUIRE(charis);
    const std::vector<ShapedGlyph>& office = fonts.shape(*charis, "office", "en", "");
    std::set<std::uint32_t> ids;
    for (const ShapedGlyph& g : office) ids.insert(g.id);

    const FontSubsetResult subset = subset_font_glyphs(fonts_dir / "CharisSIL-Regular.ttf", ids);
    REQUIRE_MESSAGE(subset.error.empty(), subset.error);
    const auto full_size = std::filesystem::file_size(fonts_dir / "CharisSIL-Regular.ttf");
    MESSAGE("Charis SIL: " << full_size << " bytes; 'office' glyph subset: " << subset.data.size());
    CHECK(subset.data.size() * 50 < full_size);

    const auto path = std::filesystem::temp_directory_path() / "pamphlet-glyph-subset.ttf";
    std::ofstream(path, std::ios::binary) << subset.data;
    FontSet subset_fonts;
    const std::optional<int> loaded = subset_fonts.load(path, error);
    REQUIRE_MESSAGE(loaded, error);
    for (std::uint32_t id : ids)
        CHECK(subset_fonts.advance(*loaded, id) == fonts.advance(*charis, id));
    // Not asked for: empty in the subset (glyph 'z', reached by no id above).
    const std::vector<ShapedGlyph>& z = fonts.shape(*charis, "z", "en", "");
    REQUIRE(z.size() == 1);
    CHECK_FALSE(ids.contains(z[0].id));
    CHECK(subset_fonts.advance(*loaded, z[0].id) == 0);
}

TEST_CASE("subsetting reports glyph ids the font does not have") {
    const FontSubsetResult subset = subset_font_glyphs(fonts_dir / "Lato-Bold.ttf", {3, 4, 60000});
    CHECK(subset.data.empty());
    CHECK(subset.error.find("glyph 60000 is not in") != std::string::npos);
}
