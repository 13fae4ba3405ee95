// The content-stream operators that show one glyph run with a Type0 font
// (Identity-H: two bytes per glyph id). The typesetter's advances, kerning
// and justification included, become TJ adjustments against the font's /W
// widths; glyphs with an offset (marks) are positioned on their own.
#pragma once

#include "pamphlet/layout.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace pamphlet::pdf_detail {

// BT ... ET for `run`, selecting the font by its resource name.
// `width_of` holds each glyph's /W width in 1/1000 em.
std::string text_operators(const GlyphRun& run, const std::string& font_resource,
                           const std::map<std::uint32_t, double>& width_of);

}  // namespace pamphlet::pdf_detail
