#include "shaping.hpp"

#include "hb_handles.hpp"

namespace pamphlet {

namespace fonts_detail {

std::vector<ShapedGlyph> shape_with(hb_font_t* font, hb_buffer_t* buffer, std::string_view utf8,
                                    hb_language_t language,
                                    const std::vector<hb_feature_t>& features) {
    hb_buffer_clear_contents(buffer);
    hb_buffer_add_utf8(buffer, utf8.data(), static_cast<int>(utf8.size()), 0,
                       static_cast<int>(utf8.size()));
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    // Default-ignorable characters (ZWNJ between the parts of a compound,
    // ZWJ, word joiners) steer shaping but draw nothing. Left in, HarfBuzz
    // draws them with the space glyph, and a PDF's ToUnicode map, which has
    // one text per glyph, would then give every space the ZWNJ's text.
    hb_buffer_set_flags(buffer,
                        static_cast<hb_buffer_flags_t>(hb_buffer_get_flags(buffer) |
                                                       HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES));
    hb_buffer_set_language(buffer, language);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font, buffer, features.data(), static_cast<unsigned>(features.size()));

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    std::vector<ShapedGlyph> glyphs;
    glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
        glyphs.push_back({infos[i].codepoint, positions[i].x_advance, positions[i].x_offset,
                          positions[i].y_offset, infos[i].cluster});
    }
    return glyphs;
}

}  // namespace fonts_detail

using namespace fonts_detail;

std::vector<ShapedGlyph> shape_text(std::string_view font_data, std::string_view utf8) {
    BlobHandle blob{hb_blob_create(font_data.data(), static_cast<unsigned>(font_data.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr)};
    FaceHandle face{hb_face_create(blob.get(), 0)};
    if (hb_face_get_glyph_count(face.get()) == 0) return {};
    FontHandle font{hb_font_create(face.get())};
    BufferHandle buffer{hb_buffer_create()};
    return shape_with(font.get(), buffer.get(), utf8, hb_language_get_default(), {});
}

}  // namespace pamphlet
