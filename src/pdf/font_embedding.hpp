// Everything a PDF Type0 font with a CIDFontType2 descendant needs, computed
// without libharu: the subset font program, the subset name, /W widths,
// descriptor metrics and the ToUnicode CMap. LibharuCanvas turns it into
// objects. CIDs are glyph ids (/CIDToGIDMap /Identity, /Encoding Identity-H).
#pragma once

#include "pamphlet/layout.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::pdf_detail {

// Widths of consecutive CIDs from `first`, as /W writes them:
// first [w w w ...].
struct WidthRun {
    std::uint32_t first = 0;
    std::vector<double> widths;  // 1/1000 em
};

struct EmbeddedFont {
    std::string base_font;   // "ABCDEF+CharisSIL"
    std::string program;     // TrueType subset, FontFile2
    std::string to_unicode;  // the CMap stream's contents
    std::vector<WidthRun> widths;
    std::map<std::uint32_t, double> width_of;  // the same widths by glyph id, for TJ
    int flags = 0;
    double bbox[4] = {0, 0, 0, 0};  // 1/1000 em
    double ascent = 0, descent = 0, cap_height = 0, italic_angle = 0, stem_v = 0;
};

struct EmbeddedFontResult {
    std::optional<EmbeddedFont> font;
    std::string error;
};

EmbeddedFontResult prepare_embedded_font(const DocumentFont& font);

// The rounding /W uses: TJ adjustments are computed against exactly these
// widths so the glyphs land where the typesetter put them.
double pdf_glyph_width(double advance_font_units, int units_per_em);

// Six upper-case letters naming this subset (PDF 9.6.4): derived from the
// font and its glyph set, so the same document always gets the same tag.
std::string subset_tag(const DocumentFont& font);

// A ToUnicode CMap mapping every glyph with text to its UTF-16BE characters,
// at most 100 entries per bfchar block.
std::string to_unicode_cmap(const std::map<std::uint32_t, UsedGlyph>& glyphs);

}  // namespace pamphlet::pdf_detail
