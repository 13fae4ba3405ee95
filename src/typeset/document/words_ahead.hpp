// Words shaped and hyphenated ahead of the typesetter, on a core it leaves
// idle: HarfBuzz and libhyphen on each new word were a quarter of setting a
// long text. A thread walks the edition's held article bodies in order
// (paragraphs, list items, quotes, callouts, footnotes: the body text) and
// does for their words, in the body style, what build_nodes will do
// (prepare_words); the typesetter then finds them in the FontSet's cache and
// the hyphenator's memory. It keeps ahead of the typesetter (progress()).
// It only ever does work the typesetter would do itself: a word it guesses
// wrong (one in italics) is done twice, never differently, so the document
// is the same with it or without it.
#pragma once

#include "document/styles.hpp"

#include "pamphlet/font_set.hpp"
#include "pamphlet/hyphenation.hpp"
#include "pamphlet/model.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <thread>

namespace pamphlet::typeset {

// Where the typesetter is in the body text, for WordsAhead: the article
// (its index in the edition) and the number of its body paragraph (in
// reading order, footnotes not counted) it has begun to set.
class TypesetterProgress {
public:
    // From the typesetter's thread.
    void begun(std::size_t article, std::size_t paragraph) {
        at_.store(code(article, paragraph), std::memory_order_relaxed);
    }
    // Whether the typesetter has begun paragraph `paragraph` of `article`,
    // or the one before it, or anything later.
    bool near_or_past(std::size_t article, std::size_t paragraph) const {
        const std::uint64_t at = at_.load(std::memory_order_relaxed);
        return at != 0 && at + 1 >= code(article, paragraph);
    }

private:
    static std::uint64_t code(std::size_t article, std::size_t paragraph) {
        return (static_cast<std::uint64_t>(article + 1) << 32) |
               static_cast<std::uint32_t>(paragraph);
    }
    std::atomic<std::uint64_t> at_{0};  // 0: nothing begun
};

class WordsAhead {
public:
    // Starts the thread (the caller's thread makes the hyphenators ready
    // first); `hyphenation` is null when the profile hyphenates nothing.
    // Everything given outlives this object.
    WordsAhead(const Edition& edition, const Styles& styles, FontSet& fonts,
               Hyphenation* hyphenation);
    ~WordsAhead();  // stops the thread where it is
    WordsAhead(const WordsAhead&) = delete;
    WordsAhead& operator=(const WordsAhead&) = delete;

    // For the typesetter to say where it is. A paragraph it is near or has
    // passed is left to it: when it catches up with the thread, the two
    // would otherwise shape the same words side by side from there on; the
    // thread skips ahead of it instead.
    TypesetterProgress& progress() { return progress_; }

private:
    TypesetterProgress progress_;
    std::atomic<bool> stop_{false};
    std::unique_ptr<FontSet::Lookahead> shaper_;
    std::thread thread_;
};

}  // namespace pamphlet::typeset
