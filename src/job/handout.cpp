#include "handout.hpp"

#include "pamphlet/base/strings.hpp"
#include "pamphlet/collection.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pamphlet {

namespace {

// Where links to the articles a handout leaves out go instead.
class OutsideLinks {
public:
    OutsideLinks(const Edition& full, const std::set<std::string>& kept) : kept_(kept) {
        for (const Article& article : full.articles) url_of_[article.id] = article.url;
    }

    void rewrite(std::vector<Block>& blocks) const {
        for (Block& block : blocks) {
            rewrite(block.inlines);
            rewrite(block.caption);
            rewrite(block.children);
        }
    }

private:
    void rewrite(std::vector<Inline>& inlines) const {
        for (std::size_t i = 0; i < inlines.size();) {
            Inline& item = inlines[i];
            rewrite(item.children);
            if (item.kind != InlineKind::link || item.target().kind != Target::Kind::article ||
                kept_.count(item.target().article_id) != 0) {
                ++i;
                continue;
            }
            const auto url = url_of_.find(item.target().article_id);
            if (url != url_of_.end() && !url->second.empty()) {
                item.mutable_target() = Target{Target::Kind::external, url->second, {}, {}};
                ++i;
                continue;
            }
            // Nowhere to go: the words stay, the link goes.
            std::vector<Inline> words = std::move(item.children);
            inlines.erase(inlines.begin() + static_cast<std::ptrdiff_t>(i));
            inlines.insert(inlines.begin() + static_cast<std::ptrdiff_t>(i),
                           std::make_move_iterator(words.begin()),
                           std::make_move_iterator(words.end()));
            i += words.size();
        }
    }

    const std::set<std::string>& kept_;
    std::map<std::string, std::string> url_of_;
};

}  // namespace

std::optional<std::vector<std::string>> select_handout_articles(
    const Collection& collection, const std::vector<std::string>& requested, DiagnosticSink& sink) {
    const SourceSpan span = collection.file_span();
    bool known = true;
    for (const std::string& id : requested) {
        if (std::find(collection.article_ids.begin(), collection.article_ids.end(), id) !=
            collection.article_ids.end()) {
            continue;
        }
        known = false;
        Diagnostic d;
        d.code = "unknown-article";
        d.span = span;
        d.message = "--article '" + id + "' is not an article of this collection";
        if (auto match = closest_match(id, collection.article_ids)) {
            d.message += "; did you mean '" + *match + "'?";
        }
        d.notes.push_back({span, "its articles are " + join(collection.article_ids, ", ")});
        sink.report(std::move(d));
    }
    if (!known) return std::nullopt;
    std::vector<std::string> selected;
    for (const std::string& id : collection.article_ids) {
        if (std::find(requested.begin(), requested.end(), id) != requested.end()) {
            selected.push_back(id);
        }
    }
    return selected;
}

std::string handout_suffix(const std::vector<std::string>& ids) {
    return "-" + join(ids, "+");
}

Edition handout_edition(const Collection& collection, const Edition& edition,
                        const std::vector<std::string>& ids, DiagnosticSink& sink) {
    Edition handout;
    handout.lang = edition.lang;
    handout.title = edition.title;
    handout.subtitle = edition.subtitle;
    const std::set<std::string> kept(ids.begin(), ids.end());
    for (const std::string& id : ids) {
        auto found = std::find_if(edition.articles.begin(), edition.articles.end(),
                                  [&](const Article& a) { return a.id == id; });
        if (found == edition.articles.end()) {
            sink.warning(collection.file_span(), "handout-missing-article",
                         "article '" + id + "' has no '" + edition.lang + "' version; the '" +
                             edition.lang + "' handout leaves it out");
            continue;
        }
        handout.articles.push_back(*found);
    }
    const OutsideLinks links(edition, kept);
    for (Article& article : handout.articles) {
        const ArticleBody body = edition.body(article, sink);
        if (!body) continue;  // said why
        std::vector<Block> blocks = *body;
        links.rewrite(blocks);
        article.body = make_body(std::move(blocks));
    }

    if (handout.articles.size() == 1) {
        // A single article is the handout's title; the brochure's, its subtitle.
        handout.subtitle =
            edition.title.empty() ? collection.title.get(edition.lang) : edition.title;
        handout.title = handout.articles.front().title;
    }
    // Another publication than the brochure, so another identifier; derived
    // from the brochure's, it is the same in every build.
    const std::string base = edition.identifier.empty()
                                 ? "urn:pamphlet:" + collection.id + ":" + edition.lang
                                 : edition.identifier;
    handout.identifier = name_based_urn_uuid(base + handout_suffix(ids));
    return handout;
}

}  // namespace pamphlet
