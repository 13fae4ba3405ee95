// Links between and inside articles are checked once, by the loader: what
// cannot be followed in this edition is said at the link and made plain.
#include "links.hpp"

#include "pamphlet/collection.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace pamphlet;
namespace fs = std::filesystem;

namespace {

Inline text(std::string s) {
    Inline i;
    i.text = std::move(s);
    return i;
}

Inline link(Target::Kind kind, std::string article_id, std::string fragment, std::string label,
            int line) {
    Inline i;
    i.kind = InlineKind::link;
    i.children = {text(std::move(label))};
    i.mutable_target().kind = kind;
    i.mutable_target().article_id = std::move(article_id);
    i.mutable_target().fragment = std::move(fragment);
    i.span = SourceSpan::at("articles/knie.de.md", line, 1);
    return i;
}

Block paragraph(std::vector<Inline> inlines) {
    Block b;
    b.inlines = std::move(inlines);
    return b;
}

Block heading(std::string id) {
    Block b;
    b.kind = BlockKind::heading;
    b.level = 2;
    b.id = std::move(id);
    return b;
}

Article article(std::string id, std::vector<Block> blocks) {
    Article a;
    a.id = std::move(id);
    a.lang = "de";
    note_body(a, blocks);  // as parse_article does
    a.body = make_body(std::move(blocks));
    return a;
}

Collection two_articles(std::vector<Block> knee_blocks) {
    Edition de;
    de.lang = "de";
    de.articles = {article("knie", std::move(knee_blocks)),
                   article("ruecken", {heading("haltung")})};
    Collection c;
    c.languages = {"de"};
    c.article_ids = {"knie", "ruecken", "schulter"};
    c.editions = {de};
    return c;
}

}  // namespace

TEST_CASE("broken links become plain text with a warning at the link") {
    Collection collection =
        two_articles({heading("dehnen"),
                      paragraph({link(Target::Kind::article, "schulter", "", "Schulter", 40),
                                 link(Target::Kind::article, "ruecken", "nirgends", "Rücken", 41),
                                 link(Target::Kind::fragment, "", "fehlt", "fehlt", 42)})});
    DiagnosticSink sink;
    check_links(collection, sink);
    REQUIRE(sink.diagnostics().size() == 3);
    CHECK(sink.error_count() == 0);
    const auto& d = sink.diagnostics();
    CHECK(d[0].code == "link-missing-article");
    CHECK(d[0].span.begin.line == 40);
    CHECK(d[0].message ==
          "link to article 'schulter', which has no 'de' version in this book; written as plain "
          "text");
    CHECK(d[1].code == "link-unknown-section");
    CHECK(d[1].span.begin.line == 41);
    CHECK(d[2].code == "link-unknown-section");
    CHECK(d[2].message.find("link to unknown section") == 0);

    const std::vector<Inline>& last = collection.editions[0].articles[0].body->back().inlines;
    REQUIRE(last.size() == 3);
    CHECK(last[0].kind == InlineKind::text);
    CHECK(last[0].text == "Schulter");
    CHECK(last[1].kind == InlineKind::link);
    CHECK(last[1].target().article_id == "ruecken");
    CHECK(last[1].target().fragment.empty());  // the article's start
    CHECK(last[2].kind == InlineKind::text);
    CHECK(last[2].text == "fehlt");
}

TEST_CASE("links that can be followed stay as they are, at any depth") {
    Block quote;
    quote.kind = BlockKind::block_quote;
    quote.children = {paragraph({link(Target::Kind::article, "ruecken", "haltung", "Haltung", 1)})};
    Block figure;
    figure.kind = BlockKind::figure;
    figure.caption = {link(Target::Kind::fragment, "", "dehnen", "Dehnen", 2)};
    Collection collection = two_articles({heading("dehnen"), quote, figure});
    DiagnosticSink sink;
    check_links(collection, sink);
    CHECK(sink.diagnostics().empty());
    const Article& knee = collection.editions[0].articles[0];
    CHECK((*knee.body)[1].children[0].inlines[0].target().fragment == "haltung");
    CHECK((*knee.body)[2].caption[0].kind == InlineKind::link);
}

TEST_CASE("the loader says each broken link once per edition") {
    DiagnosticSink sink;
    SourceFiles sources;
    auto c = load_collection(fs::path(PAMPHLET_TEST_DIR) / "collections/ok/missing-translation", {},
                             sources, sink);
    REQUIRE(c);
    const auto& all = sink.diagnostics();
    CHECK(std::count_if(all.begin(), all.end(),
                        [](const Diagnostic& d) { return d.code == "link-missing-article"; }) == 1);
    REQUIRE(c->editions.size() == 2);
    const Article& both_en = c->editions[1].articles.at(0);
    CHECK(both_en.id == "both");
    CHECK(both_en.body->at(0).inlines.size() == 3);  // "See ", "German only", "."
    for (const Inline& item : both_en.body->at(0).inlines) CHECK(item.kind == InlineKind::text);
}

TEST_CASE("a body's link records say what checking the body says, in the same order") {
    Inline nested = text("");
    nested.kind = InlineKind::emphasis;
    nested.children = {link(Target::Kind::fragment, "", "weg", "weg", 5),
                       link(Target::Kind::article, "schulter", "", "Schulter", 6)};
    Inline outer = link(Target::Kind::article, "ruecken", "nirgends", "Rücken", 3);
    outer.children.push_back(link(Target::Kind::fragment, "", "innen", "innen", 4));
    Block quote;
    quote.kind = BlockKind::block_quote;
    quote.children = {paragraph({link(Target::Kind::article, "ruecken", "haltung", "Haltung", 8),
                                 link(Target::Kind::fragment, "", "fehlt", "fehlt", 9)})};
    Block figure;
    figure.kind = BlockKind::figure;
    figure.inlines = {link(Target::Kind::fragment, "", "bild", "Bild", 1)};
    figure.caption = {link(Target::Kind::fragment, "", "unter", "unter", 2)};
    const Collection collection =
        two_articles({heading("dehnen"), figure, paragraph({outer, nested}), quote});
    const Edition& edition = collection.editions[0];
    const Article& knee = edition.articles[0];
    const EditionLinks links(edition);

    DiagnosticSink checked, reported;
    links.check(knee, knee.body, checked);
    const std::vector<LinkRecord> records = link_records(*knee.body);
    CHECK(records.size() == 8);
    links.report(knee, records, reported);
    CHECK(format_diagnostics(reported) == format_diagnostics(checked));
    std::vector<int> lines;
    for (const Diagnostic& d : reported.diagnostics()) lines.push_back(d.span.begin.line);
    CHECK(lines == std::vector<int>{1, 2, 3, 4, 5, 6, 9});  // line 8's link can be followed
}

TEST_CASE("the loader says the same of the links of bodies it lets go") {
    const fs::path dir = fs::path(PAMPHLET_TEST_DIR) / "collections/ok/missing-translation";
    SourceFiles sources;
    DiagnosticSink held_sink, let_go_sink;
    CollectionOptions let_go;
    let_go.held_bodies_bytes = 0;
    REQUIRE(load_collection(dir, {}, sources, held_sink));
    auto c = load_collection(dir, let_go, sources, let_go_sink);
    REQUIRE(c);
    CHECK_FALSE(c->editions[1].articles.at(0).body);  // let go
    CHECK(format_diagnostics(let_go_sink) == format_diagnostics(held_sink));
    const auto& all = let_go_sink.diagnostics();
    CHECK(std::count_if(all.begin(), all.end(),
                        [](const Diagnostic& d) { return d.code == "link-missing-article"; }) == 1);
}
