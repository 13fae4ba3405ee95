#include "pattern_hyphenator.hpp"

#include "lower_case.hpp"

#include "pamphlet/base/files.hpp"

#include <algorithm>
#include <cstdlib>

namespace pamphlet::hyphenation {

std::shared_ptr<const Dictionary> Dictionary::load(const std::filesystem::path& file) {
    const std::optional<std::string> bytes = read_file(file);
    if (!bytes) return nullptr;
    if (const compiled::Dictionary* tables = compiled::find(*bytes))
        return std::make_shared<const Dictionary>(*tables);
    if (HyphenDict* loaded = hnj_hyphen_load(file.c_str()))
        return std::make_shared<const Dictionary>(loaded);
    return nullptr;
}

std::vector<std::size_t> PatternHyphenator::pattern_points(const std::string& lowered,
                                                           std::size_t characters) const {
    // libhyphen wants room for five more marks than the word has bytes.
    std::vector<char> marks(lowered.size() + 5, '0');
    char** replacements = nullptr;
    int* positions = nullptr;
    int* cuts = nullptr;
    const int failed =
        hnj_hyphen_hyphenate2(dictionary_->get(), lowered.c_str(), static_cast<int>(lowered.size()),
                              marks.data(), nullptr, &replacements, &positions, &cuts);
    // Non-standard hyphenation (replacements such as German's old ck -> k-k)
    // is not in these patterns; libhyphen may still allocate the arrays.
    if (replacements != nullptr) {
        for (std::size_t i = 0; i < lowered.size(); ++i) std::free(replacements[i]);
        std::free(replacements);
    }
    std::free(positions);
    std::free(cuts);
    if (failed != 0) return {};
    // For UTF-8 dictionaries libhyphen numbers the marks by character: an
    // odd mark at i allows a hyphen after character i + 1.
    std::vector<std::size_t> points;
    for (std::size_t after = minimums_.left; after + minimums_.right <= characters; ++after) {
        if (marks[after - 1] % 2 == 1) points.push_back(after);
    }
    return points;
}

std::size_t PatternHyphenator::shortest_hyphenated(const Minimums& minimums,
                                                   const Exceptions& exceptions) {
    std::size_t shortest = minimums.word;
    for (const auto& [word, points] : exceptions)
        shortest = std::min(shortest, lower_case_word(word).characters());
    return shortest;
}

void PatternHyphenator::find_points(std::string_view word, std::string_view,
                                    std::vector<std::size_t>& points) const {
    if (word.size() < shortest_hyphenated_) {
        points.clear();
        return;
    }
    {
        std::unique_lock<std::mutex> lock(memo_mutex_, std::defer_lock);
        if (shared_) lock.lock();
        if (auto known = memo_.find(word); known != memo_.end()) {
            points.assign(known->second.begin(), known->second.end());
            return;
        }
    }

    const LoweredWord lowered = lower_case_word(word);
    std::vector<std::size_t> after_characters;
    if (auto exception = exceptions_.find(lowered.text); exception != exceptions_.end()) {
        after_characters = exception->second;
    } else if (lowered.characters() >= minimums_.word) {
        after_characters = pattern_points(lowered.text, lowered.characters());
    }
    std::vector<std::size_t> offsets;
    offsets.reserve(after_characters.size());
    for (std::size_t after : after_characters) {
        if (after > 0 && after < lowered.characters())
            offsets.push_back(lowered.original_ends[after - 1]);
    }
    points = offsets;
    // Another thread may have hyphenated it meanwhile: the same points.
    std::unique_lock<std::mutex> lock(memo_mutex_, std::defer_lock);
    if (shared_) lock.lock();
    memo_.emplace(std::string(word), std::move(offsets));
}

}  // namespace pamphlet::hyphenation
