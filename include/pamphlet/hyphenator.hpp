// Where a word may be hyphenated: the contract between the paragraph engine
// (src/typeset), which turns the points into discretionary breaks with a
// hyphen, and the language-specific implementations (src/hyphenation: TeX
// patterns through libhyphen).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

class Hyphenator {
public:
    virtual ~Hyphenator() = default;
    // Byte offsets into `word` (UTF-8, letters only: the caller strips
    // surrounding punctuation) after which a hyphen may be inserted, in
    // increasing order, into `points` (emptied first: a caller asking for
    // every word of a book keeps one vector and allocates nothing). `lang`
    // is BCP 47 ("de", "en-GB").
    virtual void find_points(std::string_view word, std::string_view lang,
                             std::vector<std::size_t>& points) const = 0;

    std::vector<std::size_t> hyphenation_points(std::string_view word,
                                                std::string_view lang) const {
        std::vector<std::size_t> points;
        find_points(word, lang, points);
        return points;
    }
};

// Hyphenates nothing: words break only at explicit hyphens, dashes and
// soft hyphens.
class NoHyphenation final : public Hyphenator {
public:
    void find_points(std::string_view, std::string_view,
                     std::vector<std::size_t>& points) const override {
        points.clear();
    }
};

// Punctuation around a word that the hyphenator must not see ("„Haus“," ->
// "Haus"). Letters of every script lie outside these ranges.
bool is_word_punctuation(char32_t c);

// `text` with a soft hyphen (U+00AD) at every point where `hyphenator`
// would break its words, by the rules the paragraph engine follows: words
// are separated by white space (a no-break space too); punctuation around a
// word is left out; a word the author already gave a break (a hyphen, a
// dash, a slash, a soft hyphen) or that holds a digit keeps only that;
// minimums are the hyphenator's. For readers that justify text but have no
// hyphenation of their own (most e-readers for German).
std::string with_soft_hyphens(std::string_view text, const Hyphenator& hyphenator,
                              std::string_view lang);

}  // namespace pamphlet
