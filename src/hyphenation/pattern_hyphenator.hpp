// One language's hyphenator: Liang's patterns through libhyphen, the
// profile's exceptions first, TeX's minimums, and a memory of every word it
// hyphenated (running text repeats its words), which threads may share.
#pragma once

#include "compiled.hpp"
#include "exceptions.hpp"

#include "pamphlet/hyphenator.hpp"

#include <hyphen.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pamphlet::hyphenation {

// A loaded pattern file: compiled into pamphlet (compiled.hpp) when it is
// one of the shipped files, else loaded by libhyphen. libhyphen only reads
// it while hyphenating, so one serves every thread.
class Dictionary {
public:
    // The patterns in `file`, or nullptr when it cannot be read or loaded.
    static std::shared_ptr<const Dictionary> load(const std::filesystem::path& file);

    explicit Dictionary(HyphenDict* loaded) : loaded_(loaded) {}
    explicit Dictionary(const compiled::Dictionary& tables)
        : compiled_(std::make_unique<compiled::Automaton>(tables)), loaded_(compiled_->get()) {}
    ~Dictionary() {
        if (!compiled_) hnj_hyphen_free(loaded_);
    }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    HyphenDict* get() const { return loaded_; }
    bool compiled() const { return compiled_ != nullptr; }

private:
    std::unique_ptr<compiled::Automaton> compiled_;
    HyphenDict* loaded_;
};

struct Minimums {
    std::size_t word = 5;   // characters in a word worth hyphenating
    std::size_t left = 2;   // characters before the first hyphen
    std::size_t right = 2;  // characters after the last hyphen
};

class PatternHyphenator final : public Hyphenator {
public:
    PatternHyphenator(std::shared_ptr<const Dictionary> dictionary, Minimums minimums,
                      Exceptions exceptions)
        : dictionary_(std::move(dictionary)),
          minimums_(minimums),
          exceptions_(std::move(exceptions)),
          shortest_hyphenated_(shortest_hyphenated(minimums_, exceptions_)) {}

    // `lang` is not consulted: there is one hyphenator per language.
    void find_points(std::string_view word, std::string_view lang,
                     std::vector<std::size_t>& points) const override;

    // From now on the memory of hyphenated words is shared by several
    // threads and locked; called before the other thread begins. Alone, a
    // hyphenator takes no lock (an EPUB asks it for every word of a book).
    void share() { shared_ = true; }

private:
    // The fewest characters a word may have and still be hyphenated: the
    // minimum, or an exception's shorter word.
    static std::size_t shortest_hyphenated(const Minimums& minimums, const Exceptions& exceptions);

    // Characters after which a hyphen may go, from the patterns.
    std::vector<std::size_t> pattern_points(const std::string& lowered,
                                            std::size_t characters) const;

    std::shared_ptr<const Dictionary> dictionary_;
    Minimums minimums_;
    Exceptions exceptions_;
    // A word of fewer bytes has fewer characters: no points, nothing to
    // look up or remember (half the words of running text).
    std::size_t shortest_hyphenated_;
    // Looked up by the word's bytes as they are, without a copy.
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const {
            return std::hash<std::string_view>{}(word);
        }
    };
    mutable std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>>
        memo_;
    // Once shared (a document's words are hyphenated ahead on another core:
    // src/typeset/document/words_ahead.hpp), the memory is locked.
    bool shared_ = false;
    mutable std::mutex memo_mutex_;
};

}  // namespace pamphlet::hyphenation
