// Shaping over HarfBuzz, in font units, shared by FontSet (the typesetter's
// cached shaping) and the subsetting tests, which check that a subset shapes
// text exactly as the full font does (ligatures formed, kerning kept).
#pragma once

#include "pamphlet/font_set.hpp"

#include <string_view>
#include <vector>

namespace pamphlet {

// `utf8` shaped with the font program `font_data` (a whole sfnt file) and
// HarfBuzz's default features. Empty when the data is not a font.
std::vector<ShapedGlyph> shape_text(std::string_view font_data, std::string_view utf8);

}  // namespace pamphlet
