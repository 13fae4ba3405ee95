// Font files: loading, coverage and subsetting (FreeType + HarfBuzz live in
// src/fonts; the typesetter's shaping will join them there).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace pamphlet {

struct FontSubsetResult {
    std::string data;   // the subset font program (TrueType)
    std::string error;  // why it failed, when data is empty
};

// A subset of `file` holding the glyphs for `codepoints` and everything the
// font's OpenType layout reaches from them (ligatures, kerning), so the
// subset renders the text exactly as the full font would.
FontSubsetResult subset_font(const std::filesystem::path& file,
                             const std::set<char32_t>& codepoints);

// A subset of `file` for PDF embedding: exactly `glyph_ids` (and glyph 0,
// .notdef), each keeping its id so the ids stay valid as CIDs under
// /CIDToGIDMap /Identity; no hinting and no OpenType layout tables, since
// the PDF carries glyphs already shaped.
FontSubsetResult subset_font_glyphs(const std::filesystem::path& file,
                                    const std::set<std::uint32_t>& glyph_ids);

// Why `file` is not a font pamphlet can set and embed (FreeType cannot
// read it, it has no TrueType outlines, no glyphs); nullopt when it is.
// The one verdict the profile loader gives, so that the typesetter and the
// EPUB writer never meet a broken font.
std::optional<std::string> font_file_problem(const std::filesystem::path& file);

// Code points of `codepoints` that the font has no glyph for.
std::set<char32_t> missing_codepoints(const std::filesystem::path& file,
                                      const std::set<char32_t>& codepoints);

// True when the font's licence bits (OS/2 fsType) allow embedding.
bool font_allows_embedding(const std::filesystem::path& file);

}  // namespace pamphlet
