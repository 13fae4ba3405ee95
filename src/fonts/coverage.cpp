// What a font file can render and whether its licence lets us embed it.
#include "pamphlet/fonts.hpp"

#include "font_files.hpp"
#include "hb_handles.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

namespace pamphlet {

using namespace fonts_detail;

std::set<char32_t> missing_codepoints(const std::filesystem::path& file,
                                      const std::set<char32_t>& codepoints) {
    FaceHandle face = open_face(file);
    if (!face) return codepoints;
    SetHandle mapped{hb_set_create()};
    hb_face_collect_unicodes(face.get(), mapped.get());
    std::set<char32_t> missing;
    for (char32_t cp : codepoints) {
        if (!hb_set_has(mapped.get(), static_cast<hb_codepoint_t>(cp))) missing.insert(cp);
    }
    return missing;
}

std::optional<std::string> font_file_problem(const std::filesystem::path& file) {
    const FontFile& font = font_file(file);
    if (!font.freetype_reads) return "its tables cannot be read";
    if (!font.scalable_sfnt) return "it has no scalable outlines";
    if (!font.truetype_outlines) return "it has no TrueType outlines";
    if (font.glyph_count <= 1) return "it has no glyphs";  // .notdef alone
    return std::nullopt;
}

bool font_allows_embedding(const std::filesystem::path& file) {
    const FontFile& font = font_file(file);
    // "Restricted licence" forbids any embedding; "bitmap embedding only"
    // forbids embedding the outlines, which is all an EPUB can carry.
    // Preview & print, editable and installable all permit it.
    return font.freetype_reads && (font.fs_type & FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING) == 0 &&
           (font.fs_type & FT_FSTYPE_BITMAP_EMBEDDING_ONLY) == 0;
}

}  // namespace pamphlet
