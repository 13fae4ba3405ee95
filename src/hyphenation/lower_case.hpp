// Lower-casing words for the patterns, which are written in lower case,
// without a locale: a table for the letters German and English text uses
// (ASCII, Latin-1 Supplement, Latin Extended-A, capital sharp s).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet::hyphenation {

char32_t lower_case(char32_t c);

// A word in lower case, and where each of its characters ends in it and in
// the original (İ becomes the shorter i, so byte offsets may differ).
struct LoweredWord {
    std::string text;
    std::vector<std::size_t> lowered_ends;
    std::vector<std::size_t> original_ends;
    std::size_t characters() const { return lowered_ends.size(); }
};

LoweredWord lower_case_word(std::string_view word);

}  // namespace pamphlet::hyphenation
