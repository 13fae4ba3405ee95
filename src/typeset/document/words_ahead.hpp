// Words shaped and hyphenated ahead of the typesetter, on a core it leaves
// idle: HarfBuzz and libhyphen on each new word were a quarter of setting a
// long text. A thread walks the edition's held article bodies in order
// (paragraphs, list items, quotes, callouts, footnotes: the body text) and
// does for their words, in the body style, what build_nodes will do
// (prepare_words); the typesetter then finds them in the FontSet's cache and
// the hyphenator's memory. It only ever does work the typesetter would do
// itself: a word it guesses wrong (one in italics) is done twice, never
// differently, so the document is the same with it or without it.
#pragma once

#include "document/styles.hpp"

#include "pamphlet/font_set.hpp"
#include "pamphlet/hyphenation.hpp"
#include "pamphlet/model.hpp"

#include <atomic>
#include <memory>
#include <thread>

namespace pamphlet::typeset {

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

private:
    std::atomic<bool> stop_{false};
    std::unique_ptr<FontSet::Lookahead> shaper_;
    std::thread thread_;
};

}  // namespace pamphlet::typeset
