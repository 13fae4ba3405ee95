#include "font_files.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include FT_OUTLINE_H

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace pamphlet::fonts_detail {

namespace {

bool has_sfnt_table(FT_Face face, FT_ULong tag) {
    FT_ULong length = 0;
    return FT_Load_Sfnt_Table(face, tag, 0, nullptr, &length) == 0 && length > 0;
}

// Serif or sans, for the PDF font descriptor's flags: PANOSE first (its
// serif-style digit is explicit), then the IBM family class; many fonts fill
// in neither (Charis SIL), and then the outline of "I" decides — a sans-serif
// "I" is a bare rectangle of four points, serifs add corners.
bool guess_serif(FT_Face face, const TT_OS2* os2) {
    if (os2 != nullptr) {
        constexpr int panose_latin_text = 2;
        if (os2->panose[0] == panose_latin_text && os2->panose[1] >= 2) {
            constexpr int first_sans_style = 11;  // normal, obtuse, perpendicular sans, ...
            return os2->panose[1] < first_sans_style;
        }
        const int family_class = os2->sFamilyClass >> 8;
        // 1-5 and 7 are the serif classes (oldstyle ... slab, freeform), 8 is sans.
        constexpr int sans = 8, reserved = 6;
        if (family_class == sans) return false;
        if (family_class >= 1 && family_class <= 7 && family_class != reserved) return true;
    }
    const FT_UInt glyph = FT_Get_Char_Index(face, U'I');
    if (glyph == 0 || FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) {
        return false;
    }
    constexpr int rectangle_points = 4;
    return face->glyph->outline.n_points > 2 * rectangle_points;
}

// Height of the glyph for `c` (cap height from 'H', x-height from 'x') when
// an old OS/2 table does not say.
double glyph_height(FT_Face face, char32_t c) {
    const FT_UInt glyph = FT_Get_Char_Index(face, c);
    if (glyph == 0 || FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) {
        return 0;
    }
    FT_BBox box{};
    FT_Outline_Get_CBox(&face->glyph->outline, &box);
    return static_cast<double>(box.yMax);
}

FontMetrics read_metrics(FT_Face face) {
    FontMetrics m;
    m.units_per_em = face->units_per_EM;
    m.ascender = face->ascender;  // hhea, or OS/2 typo values when hhea is empty
    m.descender = face->descender;
    m.line_gap = face->height - (face->ascender - face->descender);
    m.bbox[0] = static_cast<double>(face->bbox.xMin);
    m.bbox[1] = static_cast<double>(face->bbox.yMin);
    m.bbox[2] = static_cast<double>(face->bbox.xMax);
    m.bbox[3] = static_cast<double>(face->bbox.yMax);
    m.fixed_pitch = FT_IS_FIXED_WIDTH(face);
    m.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;

    const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
    if (os2 != nullptr && os2->version != 0xFFFF && os2->version >= 2) {
        m.cap_height = os2->sCapHeight;
        m.x_height = os2->sxHeight;
    }
    if (os2 != nullptr && os2->version != 0xFFFF) {
        m.strikeout_size = os2->yStrikeoutSize;
        m.strikeout_position = os2->yStrikeoutPosition;
    }
    if (m.cap_height <= 0) m.cap_height = glyph_height(face, U'H');
    if (m.x_height <= 0) m.x_height = glyph_height(face, U'x');
    if (m.strikeout_size <= 0) {
        m.strikeout_size = face->underline_thickness > 0 ? face->underline_thickness
                                                          : m.units_per_em / 20.0;
    }
    // OS/2 gives the line's bottom edge; its middle is what is drawn.
    m.strikeout_position = m.strikeout_position > 0 ? m.strikeout_position + m.strikeout_size / 2
                                                    : m.x_height / 2;
    m.serif = guess_serif(face, os2 != nullptr && os2->version != 0xFFFF ? os2 : nullptr);

    if (const auto* post =
            static_cast<const TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST))) {
        m.italic_angle = static_cast<double>(post->italicAngle) / 65536.0;
        m.fixed_pitch = m.fixed_pitch || post->isFixedPitch != 0;
    }
    if (const char* name = FT_Get_Postscript_Name(face)) m.postscript_name = name;
    return m;
}

}  // namespace

const FontFile& font_file(const std::filesystem::path& file) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<const FontFile>> opened;
    const std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<const FontFile>& slot = opened[file.native()];
    if (slot) return *slot;
    auto font = std::make_unique<FontFile>();
    font->blob.reset(hb_blob_create_from_file_or_fail(file.c_str()));
    if (font->blob) {
        font->face.reset(hb_face_create(font->blob.get(), 0));
        unsigned length = 0;
        const char* data = hb_blob_get_data(font->blob.get(), &length);
        // One FreeType library for every file, made once (under the lock):
        // making one sets up every module FreeType has.
        static FT_Library library = [] {
            FT_Library made = nullptr;
            return FT_Init_FreeType(&made) == 0 ? made : nullptr;
        }();
        FT_Face face = nullptr;
        if (library != nullptr &&
            FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(data),
                               static_cast<FT_Long>(length), 0, &face) == 0) {
            font->freetype_reads = true;
            font->scalable_sfnt = FT_IS_SFNT(face) && FT_IS_SCALABLE(face);
            font->truetype_outlines = has_sfnt_table(face, TTAG_glyf);
            font->cff_outlines = has_sfnt_table(face, TTAG_CFF) || has_sfnt_table(face, TTAG_CFF2);
            font->glyph_count = face->num_glyphs;
            font->fs_type = FT_Get_FSType_Flags(face);
            if (font->scalable_sfnt) font->metrics = read_metrics(face);
            FT_Done_Face(face);
        }
    }
    slot = std::move(font);
    return *slot;
}

}  // namespace pamphlet::fonts_detail
