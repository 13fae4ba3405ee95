#include "links.hpp"

#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pamphlet {

namespace {

class EditionLinkChecker {
public:
    EditionLinkChecker(const Edition& edition, DiagnosticSink& sink)
        : lang_(edition.lang), sink_(sink) {
        for (const Article& article : edition.articles) {
            heading_ids_[article.id] = heading_ids(article.blocks);
            aliases_[article.id] = &article.heading_aliases;
        }
    }

    void check(Article& article) {
        own_ids_ = &heading_ids_.at(article.id);
        own_aliases_ = aliases_.at(article.id);
        check_blocks(article.blocks);
    }

private:
    void check_blocks(std::vector<Block>& blocks) {
        for (Block& block : blocks) {
            check_inlines(block.inlines);
            check_inlines(block.caption);
            check_blocks(block.children);
        }
    }

    // A link that cannot stay a link is replaced by its children.
    void check_inlines(std::vector<Inline>& inlines) {
        std::size_t i = 0;
        while (i < inlines.size()) {
            const bool keep = inlines[i].kind != InlineKind::link || keep_link(inlines[i]);
            check_inlines(inlines[i].children);
            if (keep) {
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

    // False when the link must become plain text (after saying why).
    bool keep_link(Inline& link) {
        Target& target = link.target;
        if (target.kind == Target::Kind::fragment) {
            if (known_section(*own_ids_, *own_aliases_, target.fragment)) return true;
            sink_.warning(
                link.span, "link-unknown-section",
                "link to unknown section '#" + target.fragment + "'; written as plain text");
            return false;
        }
        if (target.kind != Target::Kind::article) return true;
        const auto ids = heading_ids_.find(target.article_id);
        if (ids == heading_ids_.end()) {
            sink_.warning(link.span, "link-missing-article",
                          "link to article '" + target.article_id + "', which has no '" + lang_ +
                              "' version in this book; written as plain text");
            return false;
        }
        if (!target.fragment.empty() &&
            !known_section(ids->second, *aliases_.at(target.article_id), target.fragment)) {
            sink_.warning(link.span, "link-unknown-section",
                          "link to unknown section '#" + target.fragment + "' of article '" +
                              target.article_id + "'; the link goes to the article's start");
            target.fragment.clear();
        }
        return true;
    }

    // A heading's id, or another name for it (GitHub's anchor), which
    // becomes the id.
    static bool known_section(const std::set<std::string>& ids,
                              const std::map<std::string, std::string>& aliases,
                              std::string& fragment) {
        if (ids.count(fragment) != 0) return true;
        const auto alias = aliases.find(fragment);
        if (alias == aliases.end()) return false;
        fragment = alias->second;
        return true;
    }

    std::string lang_;
    DiagnosticSink& sink_;
    std::map<std::string, std::set<std::string>> heading_ids_;  // article id -> heading ids
    std::map<std::string, const std::map<std::string, std::string>*> aliases_;
    const std::set<std::string>* own_ids_ = nullptr;
    const std::map<std::string, std::string>* own_aliases_ = nullptr;
};

}  // namespace

void check_links(Collection& collection, DiagnosticSink& sink) {
    for (Edition& edition : collection.editions) {
        EditionLinkChecker checker(edition, sink);
        for (Article& article : edition.articles) checker.check(article);
    }
}

}  // namespace pamphlet
