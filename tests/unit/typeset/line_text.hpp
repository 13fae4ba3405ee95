// What a set line says, for the paragraph tests: the space a line breaks at
// is kept as a glyph of no advance (paragraph.cpp), which the printed text
// does not show.
#pragma once

#include "paragraph/paragraph.hpp"

#include <string>

namespace pamphlet::typeset {

// The glyph a line ends in when it breaks at a space (or a forced break
// inside the paragraph): that space, of no advance, for readers of the text.
inline const PlacedGlyph* break_space(const SetLine& line) {
    if (line.runs.empty() || line.runs.back().glyphs.empty()) return nullptr;
    const GlyphRun& run = line.runs.back();
    const PlacedGlyph& last = run.glyphs.back();
    if (last.advance != 0 || last.cluster >= run.text.size() || run.text[last.cluster] != ' ')
        return nullptr;
    return &last;
}

// The line's text as printed: without its break space.
inline std::string line_text(const SetLine& line) {
    std::string text;
    for (const GlyphRun& run : line.runs) text += run.text;
    if (break_space(line)) text.pop_back();
    return text;
}

}  // namespace pamphlet::typeset
