// Owning handles for the HarfBuzz objects src/fonts works with, so every
// early return releases what it created.
#pragma once

#include "pamphlet/font_set.hpp"
#include "pamphlet/fonts.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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
struct SubsetInputDeleter {
    void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};

using BlobHandle = std::unique_ptr<hb_blob_t, BlobDeleter>;
using FaceHandle = std::unique_ptr<hb_face_t, FaceDeleter>;
using FontHandle = std::unique_ptr<hb_font_t, FontDeleter>;
using SetHandle = std::unique_ptr<hb_set_t, SetDeleter>;
using BufferHandle = std::unique_ptr<hb_buffer_t, BufferDeleter>;
using SubsetInputHandle = std::unique_ptr<hb_subset_input_t, SubsetInputDeleter>;

// The first face of `file`, or null when the file cannot be read or holds
// no font (HarfBuzz turns garbage into an empty face with zero glyphs).
FaceHandle open_face(const std::filesystem::path& file);

// The bytes of `face` as a font file.
std::string face_bytes(hb_face_t* face);

// Fills the hb-subset input for `face`; a message when the request cannot be
// met from this font.
using ConfigureSubset =
    std::function<std::optional<std::string>(hb_face_t* face, hb_subset_input_t* input)>;

// `file` subset as `configure` asks, or whole when its licence allows
// embedding only of the whole font (OS/2 fsType bit 8).
FontSubsetResult subset_with(const std::filesystem::path& file, const ConfigureSubset& configure);

// `utf8` shaped left to right with `font`; `buffer` is reused between calls.
std::vector<ShapedGlyph> shape_with(hb_font_t* font, hb_buffer_t* buffer, std::string_view utf8,
                                    hb_language_t language,
                                    const std::vector<hb_feature_t>& features);

}  // namespace pamphlet::fonts_detail
