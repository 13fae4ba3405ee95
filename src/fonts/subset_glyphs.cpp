// Glyph-id subsetting for PDF: the PDF writer places glyph ids HarfBuzz
// chose, so the subset keeps those ids (RETAIN_GIDS) rather than the
// characters and layout closure that EPUB embedding needs.
#include "pamphlet/fonts.hpp"

#include "hb_handles.hpp"

#include <string>

namespace pamphlet {

FontSubsetResult subset_font_glyphs(const std::filesystem::path& file,
                                    const std::set<std::uint32_t>& glyph_ids) {
    return fonts_detail::subset_with(
        file, [&](hb_face_t* face, hb_subset_input_t* input) -> std::optional<std::string> {
            const unsigned glyph_count = hb_face_get_glyph_count(face);
            for (std::uint32_t id : glyph_ids) {
                if (id >= glyph_count) {
                    return "glyph " + std::to_string(id) + " is not in '" + file.string() + "' (" +
                           std::to_string(glyph_count) + " glyphs)";
                }
            }

            hb_set_t* glyphs = hb_subset_input_glyph_set(input);
            hb_set_add(glyphs, 0);
            for (std::uint32_t id : glyph_ids) hb_set_add(glyphs, id);
            // The subsetter adds every character of the font's cmap by default
            // (and the glyphs they reach); PDF text needs none of them.
            hb_set_clear(hb_subset_input_unicode_set(input));

            hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
            for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                 HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
                                 HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'),
                                 HB_TAG('D', 'S', 'I', 'G'), HB_TAG('F', 'e', 'a', 't'),
                                 HB_TAG('G', 'l', 'a', 't'), HB_TAG('G', 'l', 'o', 'c'),
                                 HB_TAG('S', 'i', 'l', 'f'), HB_TAG('S', 'i', 'l', 'l')}) {
                hb_set_add(dropped, tag);
            }

            hb_subset_input_set_flags(input,
                                      HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
            return std::nullopt;
        });
}

}  // namespace pamphlet
