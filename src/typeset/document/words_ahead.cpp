#include "document/words_ahead.hpp"

#include "paragraph/paragraph_nodes.hpp"

#include <map>
#include <string>
#include <vector>

namespace pamphlet::typeset {

namespace {

struct Walk {
    const TextStyle& body;
    FontSet::Lookahead& shaper;
    const std::atomic<bool>& stop;

    // The body text among `blocks`, in reading order; false once stopped.
    bool blocks(const std::vector<Block>& list, const std::string& lang,
                const Hyphenator* hyphenator) {
        for (const Block& block : list) {
            if (stop.load(std::memory_order_relaxed)) return false;
            switch (block.kind) {
                case BlockKind::paragraph:
                    prepare_words(plain_text(block.inlines), body, lang, shaper, hyphenator);
                    break;
                case BlockKind::bullet_list:
                case BlockKind::ordered_list:
                case BlockKind::list_item:
                case BlockKind::block_quote:
                case BlockKind::callout:
                case BlockKind::footnote:
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
        Walk walk{body, *shaper_, stop_};
        try {
            for (const Article& article : edition.articles) {
                // A body the collection let go stays on disk: reading it
                // again is the typesetter's to do, once.
                if (!article.body) continue;
                const auto found = hyphenators.find(article.lang);
                const Hyphenator* hyphenator = found != hyphenators.end() ? found->second : nullptr;
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
