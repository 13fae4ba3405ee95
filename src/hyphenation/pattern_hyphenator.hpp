// One language's hyphenator: Liang's patterns through libhyphen, the
// profile's exceptions first, TeX's minimums, and a memory of every word it
// hyphenated (running text repeats its words).
#pragma once

#include "exceptions.hpp"

#include "pamphlet/hyphenator.hpp"

#include <hyphen.h>

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

namespace pamphlet::hyphenation {

struct Minimums {
    std::size_t word = 5;   // characters in a word worth hyphenating
    std::size_t left = 2;   // characters before the first hyphen
    std::size_t right = 2;  // characters after the last hyphen
};

class PatternHyphenator final : public Hyphenator {
public:
    // nullptr when `dictionary` (a libhyphen .dic file) cannot be read.
    static std::unique_ptr<PatternHyphenator> load(const std::filesystem::path& dictionary,
                                                   Minimums minimums, Exceptions exceptions);

    // `lang` is not consulted: there is one hyphenator per language.
    std::vector<std::size_t> hyphenation_points(std::string_view word,
                                                std::string_view lang) const override;

private:
    struct FreeDictionary {
        void operator()(HyphenDict* dictionary) const { hnj_hyphen_free(dictionary); }
    };

    PatternHyphenator(HyphenDict* dictionary, Minimums minimums, Exceptions exceptions)
        : dictionary_(dictionary), minimums_(minimums), exceptions_(std::move(exceptions)) {}

    // Characters after which a hyphen may go, from the patterns.
    std::vector<std::size_t> pattern_points(const std::string& lowered,
                                            std::size_t characters) const;

    std::unique_ptr<HyphenDict, FreeDictionary> dictionary_;
    Minimums minimums_;
    Exceptions exceptions_;
    mutable std::unordered_map<std::string, std::vector<std::size_t>> memo_;
};

}  // namespace pamphlet::hyphenation
