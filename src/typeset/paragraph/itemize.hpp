// Font fallback per character: each character of a paragraph is drawn from
// its style's face when that has it, else from the first fallback that has
// it. A character no font has is drawn as U+FFFD (from the first of those
// fonts that has that) and gathered for one warning per script, so .notdef
// never reaches a page and no text vanishes unnoticed.
#pragma once

#include "paragraph/paragraph.hpp"
#include "paragraph/uncovered_text.hpp"

#include <cstdint>
#include <vector>

namespace pamphlet::typeset {

struct ResolvedChar {
    char32_t c = 0;
    int piece = 0;  // index into ParagraphSpec::pieces
    int font = 0;   // FontSet index it is drawn from
    std::uint32_t offset = 0;  // bytes into its piece's text where it is written
};

// The paragraph's characters in order with their fonts. Characters no font
// has go to `uncovered` with their script and place.
std::vector<ResolvedChar> resolve_fonts(const ParagraphSpec& spec, const FontSet& fonts,
                                        UncoveredText& uncovered);

// "U+2192 '→'", for messages.
std::string describe_char(char32_t c);

}  // namespace pamphlet::typeset
