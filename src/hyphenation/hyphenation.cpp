#include "pamphlet/hyphenation.hpp"

#include "pattern_hyphenator.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <optional>

namespace pamphlet {

namespace {

using hyphenation::Minimums;
using hyphenation::PatternHyphenator;

// The patterns pamphlet ships, with TeX's \lefthyphenmin and
// \righthyphenmin for each language.
struct LanguagePatterns {
    std::string_view language;
    std::string_view file;
    std::size_t left_min, right_min;
};

constexpr std::array<LanguagePatterns, 2> shipped_patterns{{
    {"de", "hyph_de_1996.dic", 2, 2},
    {"en", "hyph_en_US.dic", 2, 3},
}};

const LanguagePatterns* patterns_for(std::string_view language) {
    for (const LanguagePatterns& p : shipped_patterns)
        if (p.language == language) return &p;
    return nullptr;
}

std::size_t or_default(int configured, std::size_t language_default) {
    return configured > 0 ? static_cast<std::size_t>(configured) : language_default;
}

// The language's pattern file in the first of `dirs` that holds one.
std::optional<std::filesystem::path> pattern_file(const std::vector<std::filesystem::path>& dirs,
                                                  const LanguagePatterns& patterns) {
    std::error_code ec;
    for (const std::filesystem::path& dir : dirs) {
        std::filesystem::path file = dir / patterns.file;
        if (std::filesystem::is_regular_file(file, ec)) return file;
    }
    return std::nullopt;
}

}  // namespace

std::string primary_language(std::string_view lang) {
    std::string out;
    for (char c : lang) {
        if (c == '-' || c == '_') break;
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

struct HyphenationPatterns::Impl {
    std::mutex mutex;
    std::map<std::filesystem::path, std::shared_ptr<const hyphenation::Dictionary>> loaded;
};

HyphenationPatterns::HyphenationPatterns() : impl_(std::make_unique<Impl>()) {}
HyphenationPatterns::~HyphenationPatterns() = default;

std::shared_ptr<const hyphenation::Dictionary> HyphenationPatterns::load(
    const std::filesystem::path& file) {
    // A shipped file takes well under a millisecond (compiled.hpp), another
    // one ~40 ms for German; the lock is taken once per file in a whole batch.
    const std::lock_guard<std::mutex> lock(impl_->mutex);
    auto [slot, inserted] = impl_->loaded.try_emplace(file);
    if (inserted) slot->second = hyphenation::Dictionary::load(file);
    return slot->second;
}

std::vector<std::filesystem::path> hyphenation_pattern_files(
    const std::vector<std::filesystem::path>& dirs) {
    std::vector<std::filesystem::path> files;
    for (const LanguagePatterns& patterns : shipped_patterns)
        if (std::optional<std::filesystem::path> file = pattern_file(dirs, patterns))
            files.push_back(std::move(*file));
    return files;
}

void load_patterns_ahead(HyphenationPatterns& patterns,
                         const std::vector<std::filesystem::path>& dirs,
                         const std::vector<std::string>& languages) {
    for (const LanguagePatterns& shipped : shipped_patterns) {
        const bool wanted =
            languages.empty() ||
            std::any_of(languages.begin(), languages.end(), [&](const std::string& lang) {
                return primary_language(lang) == shipped.language;
            });
        if (!wanted) continue;
        if (std::optional<std::filesystem::path> file = pattern_file(dirs, shipped))
            patterns.load(*file);
    }
}

Hyphenation::Hyphenation(std::vector<std::filesystem::path> dirs, HyphenationSettings settings,
                         HyphenationPatterns* shared)
    : dirs_(std::move(dirs)),
      settings_(std::move(settings)),
      own_patterns_(shared == nullptr ? std::make_unique<HyphenationPatterns>() : nullptr),
      patterns_(shared == nullptr ? own_patterns_.get() : shared) {}

Hyphenation::~Hyphenation() = default;

const Hyphenator* Hyphenation::for_language(std::string_view lang, const SourceSpan& where,
                                            DiagnosticSink& sink) {
    const std::string language = primary_language(lang);
    if (auto known = languages_.find(language); known != languages_.end())
        return known->second.get();
    // Remembered even when missing, so that a language is reported once.
    std::unique_ptr<Hyphenator>& slot = languages_[language];
    if (language.empty()) return nullptr;

    const LanguagePatterns* patterns = patterns_for(language);
    if (patterns == nullptr) {
        sink.warning(where, "no-hyphenation-patterns",
                     "no hyphenation patterns for language '" + std::string(lang) +
                         "'; its words break only at hyphens");
        return nullptr;
    }
    if (const std::optional<std::filesystem::path> found = pattern_file(dirs_, *patterns)) {
        const std::filesystem::path& file = *found;
        Minimums minimums;
        minimums.word = static_cast<std::size_t>(std::max(settings_.min_word, 1));
        minimums.left = or_default(settings_.left_min, patterns->left_min);
        minimums.right = or_default(settings_.right_min, patterns->right_min);
        if (std::shared_ptr<const hyphenation::Dictionary> dictionary = patterns_->load(file)) {
            slot = std::make_unique<PatternHyphenator>(
                std::move(dictionary), minimums,
                hyphenation::parse_exceptions(settings_.exceptions));
        } else {
            sink.warning(where, "hyphenation-patterns-unreadable",
                         "hyphenation patterns '" + file.string() +
                             "' cannot be read; words of language '" + std::string(lang) +
                             "' break only at hyphens");
        }
        return slot.get();
    }
    sink.warning(where, "no-hyphenation-patterns",
                 "no hyphenation patterns for language '" + std::string(lang) + "' (" +
                     std::string(patterns->file) +
                     " is not in pamphlet's hyphenation folder); its words break only at hyphens");
    return nullptr;
}

const Hyphenator* Hyphenation::ready_for(std::string_view lang) {
    const std::string language = primary_language(lang);
    const bool known = languages_.contains(language);
    DiagnosticSink quiet;  // a known language was reported already
    const Hyphenator* made = for_language(lang, {}, quiet);
    if (made == nullptr) {
        if (!known) languages_.erase(language);  // reported where the text asks
        return nullptr;
    }
    // for_language makes pattern hyphenators only.
    static_cast<PatternHyphenator&>(*languages_.at(language)).share();
    return made;
}

}  // namespace pamphlet
