// Hyphenation per language with Liang's patterns (TeX's hyph-de-1996 and
// Knuth's US English patterns, converted for libhyphen; see hyphenation/README.md).
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/hyphenator.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

struct HyphenationSettings {
    // Words hyphenated as written, whatever the patterns say, separated by
    // white space: "Phy-sio-the-ra-pie Ar-beits-platz". A word written
    // without hyphens is never hyphenated.
    std::string exceptions;
    int min_word = 5;   // shorter words (in characters) are not hyphenated
    int left_min = 0;   // characters before the first hyphen; 0: the language's default
    int right_min = 0;  // characters after the last hyphen; 0: the language's default
};

// The primary language subtag, lower-cased: "de-AT" -> "de", "EN_gb" -> "en".
std::string primary_language(std::string_view lang);

// A document's hyphenators, one per language (its primary subtag), loaded
// from `dirs` when first asked for. Each remembers the words it hyphenated.
class Hyphenation {
public:
    Hyphenation(std::vector<std::filesystem::path> dirs, HyphenationSettings settings);
    ~Hyphenation();
    Hyphenation(const Hyphenation&) = delete;
    Hyphenation& operator=(const Hyphenation&) = delete;

    // The hyphenator for `lang`, or nullptr when pamphlet has no patterns
    // for it; that is reported once per language, at `where`.
    const Hyphenator* for_language(std::string_view lang, const SourceSpan& where,
                                   DiagnosticSink& sink);

private:
    std::vector<std::filesystem::path> dirs_;
    HyphenationSettings settings_;
    std::map<std::string, std::unique_ptr<Hyphenator>, std::less<>> languages_;
};

}  // namespace pamphlet
