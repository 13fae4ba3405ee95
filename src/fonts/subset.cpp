// Font subsetting for embedding (EPUB): HarfBuzz's hb-subset keeps the
// glyphs for the requested code points plus everything the font's GSUB/GPOS
// reach from them, so ligatures and kerning survive.
#include "pamphlet/fonts.hpp"

#include "font_files.hpp"
#include "hb_handles.hpp"

#include <string>

namespace pamphlet {

namespace fonts_detail {

namespace {

// OS/2 fsType bit 8: the licence allows embedding only of the whole font.
bool forbids_subsetting(hb_face_t* face) {
    BlobHandle os2{hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'))};
    unsigned int length = 0;
    const char* data = hb_blob_get_data(os2.get(), &length);
    constexpr unsigned fs_type_offset = 8;
    if (length < fs_type_offset + 2) return false;
    const unsigned fs_type = (static_cast<unsigned char>(data[fs_type_offset]) << 8) |
                             static_cast<unsigned char>(data[fs_type_offset + 1]);
    return (fs_type & 0x0100) != 0;
}

}  // namespace

FaceHandle open_face(const std::filesystem::path& file) {
    const FontFile& font = font_file(file);
    if (!font.face || hb_face_get_glyph_count(font.face.get()) == 0) return nullptr;
    return FaceHandle{hb_face_reference(font.face.get())};
}

std::string face_bytes(hb_face_t* face) {
    BlobHandle blob{hb_face_reference_blob(face)};
    unsigned int length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    return std::string(data, length);
}

FontSubsetResult subset_with(const std::filesystem::path& file, const ConfigureSubset& configure) {
    FaceHandle face = open_face(file);
    if (!face) return {{}, "cannot read '" + file.string() + "' as a font"};
    if (forbids_subsetting(face.get())) return {face_bytes(face.get()), {}};

    SubsetInputHandle input{hb_subset_input_create_or_fail()};
    if (!input) return {{}, "out of memory while subsetting '" + file.string() + "'"};
    if (std::optional<std::string> refused = configure(face.get(), input.get())) {
        return {{}, std::move(*refused)};
    }

    FaceHandle subset{hb_subset_or_fail(face.get(), input.get())};
    if (!subset) return {{}, "HarfBuzz could not subset '" + file.string() + "'"};
    std::string data = face_bytes(subset.get());
    if (data.empty()) return {{}, "HarfBuzz produced an empty subset of '" + file.string() + "'"};
    return {std::move(data), {}};
}

}  // namespace fonts_detail

FontSubsetResult subset_font(const std::filesystem::path& file,
                             const std::set<char32_t>& codepoints) {
    return fonts_detail::subset_with(
        file, [&](hb_face_t*, hb_subset_input_t* input) -> std::optional<std::string> {
            hb_set_t* unicodes = hb_subset_input_unicode_set(input);
            for (char32_t cp : codepoints) hb_set_add(unicodes, static_cast<hb_codepoint_t>(cp));
            // Hinting is for low-resolution screens at small pixel sizes;
            // e-readers render unhinted outlines well and the instructions
            // are a large share of a TrueType file. The default layout
            // feature set (liga, kern, ...) and name IDs 0-6 (family and
            // style names readers show) are kept.
            hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
            return std::nullopt;
        });
}

}  // namespace pamphlet
