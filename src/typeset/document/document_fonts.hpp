// The fonts a document uses, as the PDF writer needs them: FontSet indexes
// become LaidOutDocument::fonts indexes in order of first use, and every
// glyph placed is recorded with its advance and the characters it stands
// for (the ToUnicode map that makes the PDF's text searchable).
#pragma once

#include "pamphlet/font_set.hpp"
#include "pamphlet/layout.hpp"

#include <map>
#include <vector>

namespace pamphlet::typeset {

class DocumentFonts {
public:
    explicit DocumentFonts(const FontSet& fonts) : fonts_(fonts) {}

    // Maps `run.font` from a FontSet index to the document's and records
    // its glyphs.
    void adopt(GlyphRun& run);

    std::vector<DocumentFont> take() { return std::move(fonts_out_); }

private:
    int document_index(int font_set_index);

    const FontSet& fonts_;
    std::map<int, int> index_of_;  // FontSet index -> document index
    std::vector<int> source_of_;   // document index -> FontSet index
    std::vector<DocumentFont> fonts_out_;
};

// The characters each glyph of `run` stands for: the first glyph of a
// cluster gets the cluster's text, the others "".
std::vector<std::string> glyph_texts(const GlyphRun& run);

}  // namespace pamphlet::typeset
