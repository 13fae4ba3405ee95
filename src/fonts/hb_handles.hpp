// Owning handles for the HarfBuzz objects src/fonts works with, so every
// early return releases what it created.
#pragma once

#include "pamphlet/font_set.hpp"

#include <hb.h>

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace pamphlet::fonts_detail {

struct BlobDeleter {
    void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct FaceDeleter {
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct FontDeleter {
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
};
struct SetDeleter {
    void operator()(hb_set_t* set) const { hb_set_destroy(set); }
};
struct BufferDeleter {
    void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};

using BlobHandle = std::unique_ptr<hb_blob_t, BlobDeleter>;
using FaceHandle = std::unique_ptr<hb_face_t, FaceDeleter>;
using FontHandle = std::unique_ptr<hb_font_t, FontDeleter>;
using SetHandle = std::unique_ptr<hb_set_t, SetDeleter>;
using BufferHandle = std::unique_ptr<hb_buffer_t, BufferDeleter>;

// The first face of `file`, or null when the file cannot be read or holds
// no font (HarfBuzz turns garbage into an empty face with zero glyphs).
FaceHandle open_face(const std::filesystem::path& file);

// `utf8` shaped left to right with `font`; `buffer` is reused between calls.
std::vector<ShapedGlyph> shape_with(hb_font_t* font, hb_buffer_t* buffer, std::string_view utf8,
                                    hb_language_t language,
                                    const std::vector<hb_feature_t>& features);

}  // namespace pamphlet::fonts_detail
