// The cover's text: words shaped as the typesetter shapes them (one word at
// a time, in the style's face, a fallback face for a word the face cannot
// show), lines wrapped to a measure and balanced.
#pragma once

#include "pamphlet/font_set.hpp"
#include "pamphlet/profile.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pamphlet::cover_detail {

struct SetWord {
    int font = 0;
    std::vector<ShapedGlyph> glyphs;
    double width_em = 0;  // advance width, in ems of the word's face
};

struct SetLine {
    std::vector<SetWord> words;
    std::string text;
    double width_em = 0;  // words and the spaces between them
};

class WordShaper {
public:
    // `faces`: the style's face first, then those tried for a word it has no
    // glyph for. Faces that fail to load are skipped (the profile loader has
    // judged them all; a failure here is reported by ok()).
    WordShaper(FontSet& fonts, const std::vector<const FontFile*>& faces, std::string lang);

    bool ok() const { return !faces_.empty(); }
    const std::string& problem() const { return problem_; }
    int primary_face() const { return faces_.front(); }
    double space_em() const { return space_em_; }

    std::vector<SetWord> shape_words(std::string_view text);

private:
    SetWord shape_word(int font, std::string_view word);

    FontSet& fonts_;
    std::vector<int> faces_;
    std::string lang_;
    std::string problem_;
    double space_em_ = 0.25;
};

// Greedy lines no wider than `measure_em` (a word wider than it stands on a
// line of its own), then balanced: the narrowest measure that still gives
// as many lines, so that a two-line title does not end in one short word.
std::vector<SetLine> wrap_balanced(const std::vector<SetWord>& words,
                                   const std::vector<std::string>& texts, double space_em,
                                   double measure_em);

std::vector<std::string> split_words(std::string_view text);

}  // namespace pamphlet::cover_detail
