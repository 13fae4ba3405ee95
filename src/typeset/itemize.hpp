// Font fallback per character: each character of a paragraph is drawn from
// its style's face when that has it, else from the first fallback that has
// it. Characters no font has are left out with a warning, so .notdef never
// reaches a page.
#pragma once

#include "paragraph.hpp"

#include <cstdint>
#include <vector>

namespace pamphlet::typeset {

struct ResolvedChar {
    char32_t c = 0;
    int piece = 0;  // index into ParagraphSpec::pieces
    int font = 0;   // FontSet index it is drawn from
};

// The paragraph's characters in order with their fonts. Reports each missing
// character once per paragraph ("missing-glyph", at the piece's span).
std::vector<ResolvedChar> resolve_fonts(const ParagraphSpec& spec, const FontSet& fonts,
                                        DiagnosticSink& sink);

// "U+2192 '→'", for messages.
std::string describe_char(char32_t c);

}  // namespace pamphlet::typeset
