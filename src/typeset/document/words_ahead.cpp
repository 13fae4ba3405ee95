#include "document/words_ahead.hpp"

#include "paragraph/paragraph_nodes.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace pamphlet::typeset {

namespace {

struct Walk {
    const TextStyle& body;
    FontSet::Lookahead& shaper;
    const std::atomic<bool>& stop;
    const TypesetterProgress& progress;
    std::size_t article = 0;    // its index in the edition
    std::size_t paragraph = 0;  // the next body paragraph's number in it
    bool in_note = false;

    // The body text among `blocks`, in reading order; false once stopped.
    bool blocks(const std::vector<Block>& list, const std::string& lang,
                const Hyphenator* hyphenator) {
        for (const Block& block : list) {
            if (stop.load(std::memory_order_relaxed)) return false;
            switch (block.kind) {
                case BlockKind::paragraph:
                    // Counted as the typesetter counts (footnotes apart).
                    if (!in_note && progress.near_or_past(article, paragraph++)) break;
                    prepare_words(plain_text(block.inlines), body, lang, shaper, hyphenator);
                    break;
                case BlockKind::footnote: {
                    const bool outer = std::exchange(in_note, true);
                    const bool going_on = blocks(block.children, lang, hyphenator);
                    in_note = outer;
                    if (!going_on) return false;
                    break;
                }
                case BlockKind::bullet_list:
                case BlockKind::ordered_list:
                case BlockKind::list_item:
                case BlockKind::block_quote:
                case BlockKind::callout:
                    if (!blocks(block.children, lang, hyphenator)) return false;
                    break;
                default:  // headings, code, tables, figures: other styles
                    break;
            }
        }
        return true;
    }
};

}  // namespace

WordsAhead::WordsAhead(const Edition& edition, const Styles& styles, FontSet& fonts,
                       Hyphenation* hyphenation)
    : shaper_(fonts.lookahead()) {
    // The Hyphenation is not for other threads: its hyphenators are made
    // here; each is then safe to share.
    std::map<std::string, const Hyphenator*> hyphenators;
    for (const Article& article : edition.articles) {
        if (hyphenators.contains(article.lang)) continue;
        hyphenators.emplace(article.lang,
                            hyphenation ? hyphenation->ready_for(article.lang) : nullptr);
    }
    thread_ = std::thread([this, &edition, body = styles.resolve(styles.body.format),
                           hyphenators = std::move(hyphenators)] {
        Walk walk{body, *shaper_, stop_, progress_};
        try {
            for (std::size_t a = 0; a < edition.articles.size(); ++a) {
                const Article& article = edition.articles[a];
                // A body the collection let go stays on disk: reading it
                // again is the typesetter's to do, once.
                if (!article.body) continue;
                const auto found = hyphenators.find(article.lang);
                const Hyphenator* hyphenator = found != hyphenators.end() ? found->second : nullptr;
                walk.article = a;
                walk.paragraph = 0;
                if (!walk.blocks(*article.body, article.lang, hyphenator)) return;
            }
        } catch (...) {
            // Out of memory here: the typesetter does its words itself.
        }
    });
}

WordsAhead::~WordsAhead() {
    stop_ = true;
    thread_.join();
}

}  // namespace pamphlet::typeset
