// Owning handles for the HarfBuzz objects src/fonts works with, so every
// early return releases what it created.
#pragma once

#include <hb.h>

#include <filesystem>
#include <memory>

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

using BlobHandle = std::unique_ptr<hb_blob_t, BlobDeleter>;
using FaceHandle = std::unique_ptr<hb_face_t, FaceDeleter>;
using FontHandle = std::unique_ptr<hb_font_t, FontDeleter>;
using SetHandle = std::unique_ptr<hb_set_t, SetDeleter>;

// The first face of `file`, or null when the file cannot be read or holds
// no font (HarfBuzz turns garbage into an empty face with zero glyphs).
FaceHandle open_face(const std::filesystem::path& file);

}  // namespace pamphlet::fonts_detail
