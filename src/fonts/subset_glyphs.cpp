// Glyph-id subsetting for PDF: the PDF writer places glyph ids HarfBuzz
// chose, so the subset keeps those ids (RETAIN_GIDS) rather than the
// characters and layout closure that EPUB embedding needs.
#include "pamphlet/fonts.hpp"

#include "hb_handles.hpp"

#include <hb-subset.h>

namespace pamphlet {

namespace {

using namespace fonts_detail;

struct SubsetInputDeleter {
    void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};
using SubsetInputHandle = std::unique_ptr<hb_subset_input_t, SubsetInputDeleter>;

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

std::string face_bytes(hb_face_t* face) {
    BlobHandle blob{hb_face_reference_blob(face)};
    unsigned int length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    return std::string(data, length);
}

}  // namespace

FontSubsetResult subset_font_glyphs(const std::filesystem::path& file,
                                    const std::set<std::uint32_t>& glyph_ids) {
    FaceHandle face = open_face(file);
    if (!face) return {{}, "cannot read '" + file.string() + "' as a font"};
    if (forbids_subsetting(face.get())) return {face_bytes(face.get()), {}};

    const unsigned glyph_count = hb_face_get_glyph_count(face.get());
    for (std::uint32_t id : glyph_ids) {
        if (id >= glyph_count) {
            return {{},
                    "glyph " + std::to_string(id) + " is not in '" + file.string() + "' (" +
                        std::to_string(glyph_count) + " glyphs)"};
        }
    }

    SubsetInputHandle input{hb_subset_input_create_or_fail()};
    if (!input) return {{}, "out of memory while subsetting '" + file.string() + "'"};

    hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
    hb_set_add(glyphs, 0);
    for (std::uint32_t id : glyph_ids) hb_set_add(glyphs, id);
    // The subsetter adds every character of the font's cmap by default
    // (and the glyphs they reach); PDF text needs none of them.
    hb_set_clear(hb_subset_input_unicode_set(input.get()));

    hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t tag :
         {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
          HB_TAG('k', 'e', 'r', 'n'), HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'),
          HB_TAG('D', 'S', 'I', 'G'), HB_TAG('F', 'e', 'a', 't'), HB_TAG('G', 'l', 'a', 't'),
          HB_TAG('G', 'l', 'o', 'c'), HB_TAG('S', 'i', 'l', 'f'), HB_TAG('S', 'i', 'l', 'l')}) {
        hb_set_add(dropped, tag);
    }

    hb_subset_input_set_flags(input.get(),
                              HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);

    FaceHandle subset{hb_subset_or_fail(face.get(), input.get())};
    if (!subset) return {{}, "HarfBuzz could not subset '" + file.string() + "'"};
    std::string data = face_bytes(subset.get());
    if (data.empty()) return {{}, "HarfBuzz produced an empty subset of '" + file.string() + "'"};
    return {std::move(data), {}};
}

}  // namespace pamphlet
