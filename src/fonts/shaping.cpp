#include "shaping.hpp"

#include "hb_handles.hpp"

namespace pamphlet {

using namespace fonts_detail;

namespace {

struct BufferDeleter {
    void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};

}  // namespace

std::vector<ShapedGlyph> shape_text(std::string_view font_data, std::string_view utf8) {
    BlobHandle blob{hb_blob_create(font_data.data(), static_cast<unsigned>(font_data.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr)};
    FaceHandle face{hb_face_create(blob.get(), 0)};
    if (hb_face_get_glyph_count(face.get()) == 0) return {};
    FontHandle font{hb_font_create(face.get())};

    std::unique_ptr<hb_buffer_t, BufferDeleter> buffer{hb_buffer_create()};
    hb_buffer_add_utf8(buffer.get(), utf8.data(), static_cast<int>(utf8.size()), 0,
                       static_cast<int>(utf8.size()));
    hb_buffer_guess_segment_properties(buffer.get());
    hb_shape(font.get(), buffer.get(), nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
    std::vector<ShapedGlyph> glyphs;
    glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
        glyphs.push_back(
            {infos[i].codepoint, infos[i].cluster, positions[i].x_advance, positions[i].x_offset});
    }
    return glyphs;
}

}  // namespace pamphlet
