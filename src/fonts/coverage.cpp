// What a font file can render and whether its licence lets us embed it.
#include "pamphlet/fonts.hpp"

#include "hb_handles.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

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

namespace {

// One FreeType library per thread for these checks: making one sets up
// every module FreeType has, and a profile checks a dozen fonts.
FT_Library checking_library() {
    struct Library {
        FT_Library handle = nullptr;
        ~Library() {
            if (handle != nullptr) FT_Done_FreeType(handle);
        }
    };
    thread_local Library library;
    if (library.handle == nullptr && FT_Init_FreeType(&library.handle) != 0)
        library.handle = nullptr;
    return library.handle;
}

}  // namespace

std::optional<std::string> font_file_problem(const std::filesystem::path& file) {
    FT_Library library = checking_library();
    if (library == nullptr) return "cannot initialise FreeType";
    FT_Face face = nullptr;
    std::optional<std::string> problem;
    if (FT_New_Face(library, file.c_str(), 0, &face) != 0) {
        problem = "its tables cannot be read";
    } else {
        FT_ULong glyf_length = 0;
        if (!FT_IS_SFNT(face) || !FT_IS_SCALABLE(face)) {
            problem = "it has no scalable outlines";
        } else if (FT_Load_Sfnt_Table(face, TTAG_glyf, 0, nullptr, &glyf_length) != 0 ||
                   glyf_length == 0) {
            problem = "it has no TrueType outlines";
        } else if (face->num_glyphs <= 1) {  // .notdef alone
            problem = "it has no glyphs";
        }
        FT_Done_Face(face);
    }
    return problem;
}

bool font_allows_embedding(const std::filesystem::path& file) {
    FT_Library library = checking_library();
    if (library == nullptr) return false;
    FT_Face face = nullptr;
    bool allowed = false;
    if (FT_New_Face(library, file.c_str(), 0, &face) == 0) {
        FT_UShort flags = FT_Get_FSType_Flags(face);
        // "Restricted licence" forbids any embedding; "bitmap embedding only"
        // forbids embedding the outlines, which is all an EPUB can carry.
        // Preview & print, editable and installable all permit it.
        allowed = (flags & FT_FSTYPE_RESTRICTED_LICENSE_EMBEDDING) == 0 &&
                  (flags & FT_FSTYPE_BITMAP_EMBEDDING_ONLY) == 0;
        FT_Done_Face(face);
    }
    return allowed;
}

}  // namespace pamphlet
