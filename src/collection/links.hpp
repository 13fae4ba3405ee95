// Links between and inside articles, checked once per edition so that every
// writer can trust them (and a build of EPUB and PDF says each thing once).
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

// In every edition: a link to an article the edition does not have, or to a
// section (#id) of its own article that no heading has, is reported and
// becomes its plain text; a link to a section of another article that has
// no such heading is reported and goes to that article's start instead.
void check_links(Collection& collection, DiagnosticSink& sink);

// A link of a body that is not held, as much of it as checking it needs.
struct LinkRecord {
    Target target;
    SourceSpan span;
};

// The links of `blocks`, in the order the checker meets them.
std::vector<LinkRecord> link_records(const std::vector<Block>& blocks);

// The same for one article of an edition, against the other articles'
// headings (which need not have their bodies held). Returns `body` itself
// when every link stays as written, else a changed copy. The edition's
// articles are looked up where they are, not copied (their sections would
// cost a book of thousands of articles as much again): they must stay put
// as long as the links are used (moving the edition whole keeps them put).
class EditionLinks {
public:
    explicit EditionLinks(const Edition& edition);
    ArticleBody check(const Article& article, const ArticleBody& body, DiagnosticSink& sink) const;
    // What check() says of a body whose links are `links` (its
    // link_records): the warnings alone, for a body that is not held.
    void report(const Article& article, const std::vector<LinkRecord>& links,
                DiagnosticSink& sink) const;

private:
    struct Decider;
    // The edition's article with id `id`, or nullptr.
    const Article* find(std::string_view id) const;
    std::string lang_;
    std::vector<const Article*> articles_;  // the edition's, by id
};

}  // namespace pamphlet
