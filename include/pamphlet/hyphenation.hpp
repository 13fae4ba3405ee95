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

struct Profile;  // pamphlet/profile.hpp

// The settings a layout profile asks for (its hyphenation.* keys).
HyphenationSettings hyphenation_settings(const Profile& profile);

namespace hyphenation {
class Dictionary;  // one loaded pattern file (libhyphen's, private to src/hyphenation)
}

// Pattern files loaded once and shared by every document of a run, on any
// thread: a loaded libhyphen dictionary is only read while hyphenating, so
// it needs no lock; loading takes one, and each file is loaded once.
class HyphenationPatterns {
public:
    HyphenationPatterns();
    ~HyphenationPatterns();
    HyphenationPatterns(const HyphenationPatterns&) = delete;
    HyphenationPatterns& operator=(const HyphenationPatterns&) = delete;

    // The patterns in `file`, or nullptr when it cannot be read (asked again,
    // the answer is the same).
    std::shared_ptr<const hyphenation::Dictionary> load(const std::filesystem::path& file);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The pattern files pamphlet uses, found in `dirs` (each language's first),
// in a fixed order: what a document's hyphenation depends on.
std::vector<std::filesystem::path> hyphenation_pattern_files(
    const std::vector<std::filesystem::path>& dirs);

// Loads into `patterns` the pattern file of each of `languages` (primary
// subtags; empty: every shipped language) found in `dirs`: for a build to
// make them ready on another core while it reads its collection (the German
// automaton is some 56,000 states). Whoever asks for a file meanwhile waits
// for it; nothing is reported (the document's Hyphenation reports).
void load_patterns_ahead(HyphenationPatterns& patterns,
                         const std::vector<std::filesystem::path>& dirs,
                         const std::vector<std::string>& languages);

// The primary language subtag, lower-cased: "de-AT" -> "de", "EN_gb" -> "en".
std::string primary_language(std::string_view lang);

// A document's hyphenators, one per language (its primary subtag), loaded
// from `dirs` when first asked for. Each remembers the words it hyphenated.
class Hyphenation {
public:
    // `shared` patterns, when given, outlive this object; without them it
    // loads its own.
    Hyphenation(std::vector<std::filesystem::path> dirs, HyphenationSettings settings,
                HyphenationPatterns* shared = nullptr);
    ~Hyphenation();
    Hyphenation(const Hyphenation&) = delete;
    Hyphenation& operator=(const Hyphenation&) = delete;

    // The hyphenator for `lang`, or nullptr when pamphlet has no patterns
    // for it; that is reported once per language, at `where`.
    const Hyphenator* for_language(std::string_view lang, const SourceSpan& where,
                                   DiagnosticSink& sink);
    // The same, made now for another thread to use, when `lang` has
    // patterns at hand; nullptr with nothing reported when it has not
    // (for_language reports that where the text asks).
    const Hyphenator* ready_for(std::string_view lang);

private:
    std::vector<std::filesystem::path> dirs_;
    HyphenationSettings settings_;
    std::unique_ptr<HyphenationPatterns> own_patterns_;
    HyphenationPatterns* patterns_;
    std::map<std::string, std::unique_ptr<Hyphenator>, std::less<>> languages_;
};

}  // namespace pamphlet
