// Where a word may be hyphenated: the contract between the paragraph engine
// (src/typeset), which turns the points into discretionary breaks with a
// hyphen, and the language-specific implementations (src/hyphenation: TeX
// patterns through libhyphen).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace pamphlet {

class Hyphenator {
public:
    virtual ~Hyphenator() = default;
    // Byte offsets into `word` (UTF-8, letters only: the caller strips
    // surrounding punctuation) after which a hyphen may be inserted, in
    // increasing order. `lang` is BCP 47 ("de", "en-GB").
    virtual std::vector<std::size_t> hyphenation_points(std::string_view word,
                                                        std::string_view lang) const = 0;
};

// Hyphenates nothing: words break only at explicit hyphens, dashes and
// soft hyphens.
class NoHyphenation final : public Hyphenator {
public:
    std::vector<std::size_t> hyphenation_points(std::string_view, std::string_view) const override {
        return {};
    }
};

}  // namespace pamphlet
