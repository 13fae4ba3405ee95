// fonts.fallback as the typesetter uses it: the profile's fallback fonts,
// in their order, after a style's own face (and the body's).
#include "document/styles.hpp"
#include "paragraph/itemize.hpp"

#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pamphlet;
using namespace pamphlet::typeset;
namespace fs = std::filesystem;

namespace {

const fs::path fonts_dir = fs::path(PAMPHLET_SOURCE_DIR) / "fonts";

FontFile font_file(const std::string& name) {
    return FontFile{name, fonts_dir / name, {}};
}

std::vector<std::string> file_names(const FontSet& fonts, const std::vector<int>& indexes) {
    std::vector<std::string> names;
    for (int index : indexes) names.push_back(fonts.file(index).filename().string());
    return names;
}

// Which font each character of `text` comes from, set in `style`.
std::vector<std::string> fonts_of(const std::string& text, const TextStyle& style,
                                  const FontSet& fonts) {
    ParagraphSpec spec;
    spec.pieces.push_back({text, style, SourceSpan::at("a.md", 1, 1), -1});
    UncoveredText uncovered;
    std::vector<std::string> names;
    for (const ResolvedChar& c : resolve_fonts(spec, fonts, uncovered))
        names.push_back(fonts.file(c.font).filename().string());
    CHECK(uncovered.empty());
    return names;
}

}  // namespace

TEST_CASE("every font of fonts.fallback is tried, in the profile's order") {
    DiagnosticSink sink;
    std::optional<Profile> profile =
        default_profile({{fs::path(PAMPHLET_SOURCE_DIR) / "layouts"}, {fonts_dir}}, sink);
    REQUIRE(profile);
    profile->fallback_fonts = {font_file("NotoSansMono-Regular.ttf"), font_file("DejaVuSans.ttf")};
    FontSet fonts;
    std::optional<Styles> styles = Styles::load(*profile, fonts, sink);
    REQUIRE_MESSAGE(styles, format_diagnostics(sink));

    const TextStyle body = styles->resolve(styles->body.format);
    CHECK(file_names(fonts, body.fallbacks) ==
          std::vector<std::string>{"NotoSansMono-Regular.ttf", "DejaVuSans.ttf"});
    // A heading tries the body's face first, then the same list.
    const TextStyle heading = styles->resolve(styles->heading(2).format);
    CHECK(file_names(fonts, heading.fallbacks) ==
          std::vector<std::string>{"CharisSIL-Bold.ttf", "NotoSansMono-Regular.ttf",
                                   "DejaVuSans.ttf"});
}

TEST_CASE("a character comes from the first fallback that has it") {
    FontSet fonts;
    std::string error;
    const int mono = *fonts.load(fonts_dir / "NotoSansMono-Regular.ttf", error);
    const int charis = *fonts.load(fonts_dir / "CharisSIL-Regular.ttf", error);
    const int dejavu = *fonts.load(fonts_dir / "DejaVuSans.ttf", error);
    // U+2160 (Roman numeral one) is in Charis and DejaVu, not in Noto Sans
    // Mono; U+03E2 (Coptic shei) in DejaVu alone.
    REQUIRE_FALSE(fonts.has_glyph(mono, U'\u2160'));
    REQUIRE(fonts.has_glyph(charis, U'\u2160'));
    REQUIRE(fonts.has_glyph(dejavu, U'\u2160'));
    REQUIRE_FALSE(fonts.has_glyph(charis, U'\u03E2'));
    TextStyle style;
    style.font = mono;
    style.fallbacks = {charis, dejavu};
    CHECK(fonts_of("a\u2160\u03E2", style, fonts) ==
          std::vector<std::string>{"NotoSansMono-Regular.ttf", "CharisSIL-Regular.ttf",
                                   "DejaVuSans.ttf"});
    style.fallbacks = {dejavu, charis};
    CHECK(fonts_of("a\u2160\u03E2", style, fonts) ==
          std::vector<std::string>{"NotoSansMono-Regular.ttf", "DejaVuSans.ttf", "DejaVuSans.ttf"});
}
