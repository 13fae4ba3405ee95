#include "links.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pamphlet {

namespace {

// What becomes of one link.
struct LinkFate {
    enum class Kind { keep, plain_text, new_fragment } kind = Kind::keep;
    std::string fragment;  // new_fragment: the heading id it goes to ("": the article's start)
};

}  // namespace

struct EditionLinks::Decider {
    const EditionLinks& links;
    const Article& own;

    // What becomes of a link to `target` written at `at`, saying why there
    // when `sink` is given.
    LinkFate fate(const Target& target, const SourceSpan& at, DiagnosticSink* sink) const {
        if (target.kind == Target::Kind::fragment) {
            if (auto id = known_section(own, target.fragment)) return moved_to(target, *id);
            if (sink)
                sink->warning(
                    at, "link-unknown-section",
                    "link to unknown section '#" + target.fragment + "'; written as plain text");
            return {LinkFate::Kind::plain_text, {}};
        }
        if (target.kind != Target::Kind::article) return {};
        const Article* other = links.find(target.article_id);
        if (other == nullptr) {
            if (sink)
                sink->warning(at, "link-missing-article",
                              "link to article '" + target.article_id + "', which has no '" +
                                  links.lang_ + "' version in this book; written as plain text");
            return {LinkFate::Kind::plain_text, {}};
        }
        if (target.fragment.empty()) return {};
        if (auto id = known_section(*other, target.fragment)) return moved_to(target, *id);
        if (sink)
            sink->warning(at, "link-unknown-section",
                          "link to unknown section '#" + target.fragment + "' of article '" +
                              target.article_id + "'; the link goes to the article's start");
        return {LinkFate::Kind::new_fragment, {}};
    }

    // A heading's id, or another name for it (GitHub's anchor): the id.
    static std::optional<std::string> known_section(const Article& a, const std::string& fragment) {
        if (a.section_ids.count(fragment) != 0) return fragment;
        const auto alias = a.heading_aliases.find(fragment);
        if (alias == a.heading_aliases.end()) return std::nullopt;
        return alias->second;
    }

    static LinkFate moved_to(const Target& target, const std::string& id) {
        if (id == target.fragment) return {};
        return {LinkFate::Kind::new_fragment, id};
    }

    // Reports every link that cannot stay as written; true when one must change.
    bool report(const std::vector<Block>& blocks, DiagnosticSink& sink) const {
        bool changes = false;
        for (const Block& block : blocks) {
            changes |= report(block.inlines, sink);
            changes |= report(block.caption, sink);
            changes |= report(block.children, sink);
        }
        return changes;
    }
    bool report(const std::vector<Inline>& inlines, DiagnosticSink& sink) const {
        bool changes = false;
        for (const Inline& item : inlines) {
            if (item.kind == InlineKind::link &&
                fate(item.target(), item.span, &sink).kind != LinkFate::Kind::keep)
                changes = true;
            changes |= report(item.children, sink);
        }
        return changes;
    }

    void apply(std::vector<Block>& blocks) const {
        for (Block& block : blocks) {
            apply(block.inlines);
            apply(block.caption);
            apply(block.children);
        }
    }
    // A link that cannot stay a link is replaced by its children.
    void apply(std::vector<Inline>& inlines) const {
        std::size_t i = 0;
        while (i < inlines.size()) {
            apply(inlines[i].children);
            const LinkFate f = inlines[i].kind == InlineKind::link
                                   ? fate(inlines[i].target(), inlines[i].span, nullptr)
                                   : LinkFate{};
            if (f.kind == LinkFate::Kind::new_fragment)
                inlines[i].mutable_target().fragment = f.fragment;
            if (f.kind != LinkFate::Kind::plain_text) {
                ++i;
                continue;
            }
            std::vector<Inline> children = std::move(inlines[i].children);
            const auto at = inlines.erase(inlines.begin() + static_cast<std::ptrdiff_t>(i));
            inlines.insert(at, std::make_move_iterator(children.begin()),
                           std::make_move_iterator(children.end()));
            i += children.size();
        }
    }
};

EditionLinks::EditionLinks(const Edition& edition) : lang_(edition.lang) {
    articles_.reserve(edition.articles.size());
    for (const Article& article : edition.articles) articles_.push_back(&article);
    // By id; of two articles with one id (none in a loaded collection), the
    // last counts, as it always did.
    std::stable_sort(articles_.begin(), articles_.end(),
                     [](const Article* a, const Article* b) { return a->id < b->id; });
}

const Article* EditionLinks::find(std::string_view id) const {
    const auto after =
        std::upper_bound(articles_.begin(), articles_.end(), id,
                         [](std::string_view a, const Article* b) { return a < b->id; });
    return after != articles_.begin() && (*(after - 1))->id == id ? *(after - 1) : nullptr;
}

ArticleBody EditionLinks::check(const Article& article, const ArticleBody& body,
                                DiagnosticSink& sink) const {
    const Article* own = find(article.id);
    if (own == nullptr) return body;  // not of this edition
    const Decider decider{*this, *own};
    if (!body || !decider.report(*body, sink)) return body;
    std::vector<Block> changed = *body;
    decider.apply(changed);
    return make_body(std::move(changed));
}

void EditionLinks::report(const Article& article, const std::vector<LinkRecord>& links,
                          DiagnosticSink& sink) const {
    const Article* own = find(article.id);
    if (own == nullptr) return;  // not of this edition
    const Decider decider{*this, *own};
    for (const LinkRecord& link : links) decider.fate(link.target, link.span, &sink);
}

namespace {

// In the order of Decider::report.
void add_link_records(const std::vector<Inline>& inlines, std::vector<LinkRecord>& out) {
    for (const Inline& item : inlines) {
        if (item.kind == InlineKind::link) out.push_back({item.target(), item.span});
        add_link_records(item.children, out);
    }
}

void add_link_records(const std::vector<Block>& blocks, std::vector<LinkRecord>& out) {
    for (const Block& block : blocks) {
        add_link_records(block.inlines, out);
        add_link_records(block.caption, out);
        add_link_records(block.children, out);
    }
}

}  // namespace

std::vector<LinkRecord> link_records(const std::vector<Block>& blocks) {
    std::vector<LinkRecord> records;
    add_link_records(blocks, records);
    return records;
}

void check_links(Collection& collection, DiagnosticSink& sink) {
    for (Edition& edition : collection.editions) {
        const EditionLinks links(edition);
        for (Article& article : edition.articles)
            article.body = links.check(article, article.body, sink);
    }
}

}  // namespace pamphlet
