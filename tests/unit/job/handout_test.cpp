// `pamphlet build --article`: choosing the articles, cutting the edition
// down, naming the files; and `--no-impose`.
#include "handout.hpp"
#include "scratch_files.hpp"

#include "pamphlet/collection.hpp"
#include "pamphlet/job.hpp"

#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>
#include <fstream>
#include <sstream>

using namespace pamphlet;
using namespace pamphlet::testing;
namespace fs = std::filesystem;

namespace {

const fs::path clinic = fs::path(PAMPHLET_SOURCE_DIR) / "samples" / "clinic";

Collection load_clinic(DiagnosticSink& sink) {
    SourceFiles sources;
    std::optional<Collection> collection = load_collection(clinic, {}, sources, sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(sink));
    return std::move(*collection);
}

const Edition& edition_in(const Collection& collection, const std::string& lang) {
    auto found = std::find_if(collection.editions.begin(), collection.editions.end(),
                              [&](const Edition& e) { return e.lang == lang; });
    REQUIRE(found != collection.editions.end());
    return *found;
}

// Every link of `blocks`, depth first.
void collect_links(const std::vector<Inline>& inlines, std::vector<const Inline*>& out) {
    for (const Inline& item : inlines) {
        if (item.kind == InlineKind::link) out.push_back(&item);
        collect_links(item.children, out);
    }
}
std::vector<const Inline*> links_of(const std::vector<Block>& blocks) {
    std::vector<const Inline*> out;
    for (const Block& block : blocks) {
        collect_links(block.inlines, out);
        collect_links(block.caption, out);
        for (const Inline* link : links_of(block.children)) out.push_back(link);
    }
    return out;
}

std::size_t count_pages(const std::string& pdf) {
    // libharu writes every page object as "/Type /Page" followed by a
    // delimiter; "/Type /Pages" is the tree.
    std::size_t count = 0;
    for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos;
         at = pdf.find("/Type /Page", at + 1)) {
        if (pdf.compare(at, 12, "/Type /Pages") != 0) ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("handout articles come in the collection's order, each once") {
    DiagnosticSink sink;
    const Collection collection = load_clinic(sink);
    auto ids = select_handout_articles(collection, {"stretching", "fascia", "stretching"}, sink);
    REQUIRE(ids);
    CHECK(*ids == std::vector<std::string>{"fascia", "stretching"});
    CHECK(handout_suffix(*ids) == "-fascia+stretching");
    CHECK(handout_suffix({"fascia"}) == "-fascia");
    CHECK_FALSE(sink.has_errors());
}

TEST_CASE("an unknown article id is an error at collection.yaml, with a suggestion") {
    DiagnosticSink sink;
    const Collection collection = load_clinic(sink);
    CHECK_FALSE(select_handout_articles(collection, {"fascia", "fasica", "nothing-like-it"}, sink));
    REQUIRE(sink.error_count() == 2);
    const Diagnostic& typo = sink.diagnostics()[sink.diagnostics().size() - 2];
    CHECK(typo.code == "unknown-article");
    CHECK(typo.span.file == (clinic / "collection.yaml").string());
    CHECK(typo.message ==
          "--article 'fasica' is not an article of this collection; did you mean 'fascia'?");
    REQUIRE(typo.notes.size() == 1);
    CHECK(typo.notes.front().message ==
          "its articles are massage-vs-physiotherapy, fascia, stretching, back-at-the-desk");
    const Diagnostic& other = sink.diagnostics().back();
    CHECK(other.message == "--article 'nothing-like-it' is not an article of this collection");
}

TEST_CASE("a handout edition holds its articles; links to the others go to their web pages") {
    DiagnosticSink sink;
    Collection collection = load_clinic(sink);
    const Edition& de = edition_in(collection, "de");
    const Edition handout = handout_edition(collection, de, {"fascia"}, sink);
    REQUIRE(handout.articles.size() == 1);
    const Article& fascia = handout.articles.front();
    CHECK(fascia.id == "fascia");
    CHECK(handout.title == fascia.title);
    CHECK(handout.subtitle == collection.title.get("de"));
    CHECK(handout.lang == "de");
    CHECK(!handout.identifier.empty());
    CHECK(handout.identifier != de.identifier);
    CHECK(handout.identifier == handout_edition(collection, de, {"fascia"}, sink).identifier);
    CHECK(handout.identifier != handout_edition(collection, de, {"stretching"}, sink).identifier);

    // fascia.de.md links to stretching.de.md, which is left out.
    const std::string stretching_url = "https://www.physio-lindenhof.example/de/richtiges-dehnen";
    bool found = false;
    for (const Inline* link : links_of(*fascia.body)) {
        CHECK(link->target().kind != Target::Kind::article);
        if (link->target().url == stretching_url) {
            found = true;
            CHECK(link->target().kind == Target::Kind::external);
            CHECK(plain_text(link->children) == "Richtiges Dehnen");
        }
    }
    CHECK(found);

    SUBCASE("kept articles keep their links between them") {
        const Edition two = handout_edition(collection, de, {"fascia", "stretching"}, sink);
        REQUIRE(two.articles.size() == 2);
        CHECK(two.title == de.title);
        bool internal = false;
        for (const Inline* link : links_of(*two.articles.front().body))
            internal = internal || (link->target().kind == Target::Kind::article &&
                                    link->target().article_id == "stretching");
        CHECK(internal);
    }
    SUBCASE("an article without a web page: the link's words remain, as text") {
        Edition edited = de;
        for (Article& article : edited.articles)
            if (article.id == "stretching") article.url.clear();
        const Edition cut = handout_edition(collection, edited, {"fascia"}, sink);
        for (const Inline* link : links_of(*cut.articles.front().body))
            CHECK(link->target().url != "stretching.de.md");
        std::string text;
        for (const Block& block : *cut.articles.front().body)
            for (const Block& item : block.children)
                for (const Block& paragraph : item.children) text += plain_text(paragraph.inlines);
        CHECK(text.find("erklären wir in Richtiges Dehnen.") != std::string::npos);
    }
    SUBCASE("an article missing in the language is left out, with a warning") {
        Edition edited = de;
        edited.articles.erase(std::remove_if(edited.articles.begin(), edited.articles.end(),
                                             [](const Article& a) { return a.id == "fascia"; }),
                              edited.articles.end());
        const std::size_t before = sink.diagnostics().size();
        const Edition cut = handout_edition(collection, edited, {"fascia", "stretching"}, sink);
        REQUIRE(cut.articles.size() == 1);
        CHECK(cut.articles.front().id == "stretching");
        REQUIRE(sink.diagnostics().size() == before + 1);
        CHECK(sink.diagnostics().back().code == "handout-missing-article");
        CHECK(sink.diagnostics().back().severity == Severity::warning);
    }
    CHECK_FALSE(sink.has_errors());
}

TEST_CASE("a handout build writes files named after its articles, beside the brochure's") {
    TempDir out;
    BuildRequest request;
    request.collection = clinic;
    request.out_dir = out.path;
    request.languages = {"de"};
    request.articles = {"stretching", "fascia"};
    SourceFiles sources;
    DiagnosticSink sink;
    BuildResult result = run_build(request, find_data_paths(), sources, sink);
    INFO(format_diagnostics(sink));
    CHECK(result.exit_code == 0);
    std::vector<fs::path> expected = {out.path / "clinic-de-fascia+stretching.epub",
                                      out.path / "clinic-de-a4-handout-fascia+stretching.pdf"};
    CHECK(result.written == expected);
    for (const fs::path& path : expected) CHECK(fs::exists(path));
}

TEST_CASE("an unknown --article writes nothing") {
    TempDir out;
    BuildRequest request;
    request.collection = clinic;
    request.out_dir = out.path / "out";
    request.articles = {"fasica"};
    SourceFiles sources;
    DiagnosticSink sink;
    BuildResult result = run_build(request, find_data_paths(), sources, sink);
    CHECK(result.exit_code == 1);
    CHECK(result.written.empty());
    CHECK_FALSE(fs::exists(request.out_dir));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics().back().code == "unknown-article");
}

TEST_CASE("--no-impose writes a booklet profile's padded pages in reading order") {
    TempDir out;
    // a4-handout with booklet imposition, from a file of its own.
    const fs::path profile = out.path / "booklet-test.yaml";
    {
        std::ofstream file(profile);
        file << slurp(fs::path(PAMPHLET_SOURCE_DIR) / "layouts" / "a4-handout.yaml")
             << "\nimposition: booklet\n";
    }
    BuildRequest request;
    request.collection = clinic;
    request.out_dir = out.path;
    request.languages = {"de"};
    request.formats = {OutputFormat::pdf};
    request.profiles = {profile.string()};
    request.articles = {"fascia"};
    request.impose = false;
    SourceFiles sources;
    DiagnosticSink sink;
    BuildResult result = run_build(request, find_data_paths(), sources, sink);
    INFO(format_diagnostics(sink));
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.written.size() == 1);
    CHECK(result.written.front().filename() == "clinic-de-booklet-test-fascia.pdf");
    const std::size_t padded = count_pages(slurp(result.written.front()));

    // The same handout without imposition in its profile: not padded.
    request.profiles = {"a4-handout"};
    result = run_build(request, find_data_paths(), sources, sink);
    REQUIRE(result.exit_code == 0);
    const std::size_t plain = count_pages(slurp(result.written.front()));
    REQUIRE(plain % 4 != 0);  // else this test shows nothing
    CHECK(padded == (plain + 3) / 4 * 4);
}
