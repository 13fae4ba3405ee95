#include "lower_case.hpp"

#include "pamphlet/base/utf8.hpp"

namespace pamphlet::hyphenation {

char32_t lower_case(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // À..Þ, not ×
    if (c == 0x130) return U'i';                               // İ
    if (c == 0x178) return 0xFF;                               // Ÿ
    if (c == 0x1E9E) return 0xDF;                              // ẞ
    // Latin Extended-A pairs upper and lower case, upper first; the pairs
    // start on an even code point, except between ĸ and ŉ, which stand alone.
    const bool even_pairs = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
    const bool odd_pairs = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if ((even_pairs && c % 2 == 0) || (odd_pairs && c % 2 == 1)) return c + 1;
    return c;
}

LoweredWord lower_case_word(std::string_view word) {
    LoweredWord out;
    out.text.reserve(word.size());
    std::size_t pos = 0;
    bool valid = true;
    while (pos < word.size()) {
        utf8::append(out.text, lower_case(utf8::decode(word, pos, valid)));
        out.lowered_ends.push_back(out.text.size());
        out.original_ends.push_back(pos);
    }
    return out;
}

}  // namespace pamphlet::hyphenation
