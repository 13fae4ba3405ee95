// Minimal text shaping over HarfBuzz, in font units. Private to src/fonts:
// it lets the subsetting tests check that a subset shapes text exactly as
// the full font does (ligatures formed, kerning kept).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

struct ShapedGlyph {
    unsigned glyph = 0;    // glyph id in the shaped font
    unsigned cluster = 0;  // byte offset of the first character it renders
    int x_advance = 0;     // font units
    int x_offset = 0;      // font units
};

// `utf8` shaped with the font program `font_data` (a whole sfnt file) and
// HarfBuzz's default features. Empty when the data is not a font.
std::vector<ShapedGlyph> shape_text(std::string_view font_data, std::string_view utf8);

}  // namespace pamphlet
