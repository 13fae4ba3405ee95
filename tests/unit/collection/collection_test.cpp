#include "pamphlet/collection.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

using namespace pamphlet;
namespace fs = std::filesystem;

namespace {

const fs::path collections = fs::path(PAMPHLET_TEST_DIR) / "collections";

bool has(const DiagnosticSink& sink, std::string_view code, int line = 0, int column = 0) {
    return std::any_of(sink.diagnostics().begin(), sink.diagnostics().end(),
                       [&](const Diagnostic& d) {
                           return d.code == code && (line == 0 || d.span.begin.line == line) &&
                                  (column == 0 || d.span.begin.column == column);
                       });
}

}  // namespace

TEST_CASE("the sample collection loads without a diagnostic") {
    DiagnosticSink sink;
    SourceFiles sources;
    auto c = load_collection(fs::path(PAMPHLET_SOURCE_DIR) / "samples/clinic", {}, sources, sink);
    INFO(format_diagnostics(sink));
    REQUIRE(c);
    CHECK(sink.diagnostics().empty());
    CHECK(c->id == "clinic");
    CHECK(c->languages == std::vector<std::string>{"de", "en"});
    REQUIRE(c->editions.size() == 2);
    for (const auto& e : c->editions) {
        CHECK(e.articles.size() == c->article_ids.size());
        CHECK(e.identifier.rfind("urn:uuid:", 0) == 0);
        CHECK_FALSE(e.title.empty());
    }
    CHECK(c->editions[0].identifier != c->editions[1].identifier);
    CHECK(c->publisher.logo.has_value());
    CHECK(c->cover.has_value());
}

TEST_CASE("only the requested languages become editions") {
    DiagnosticSink sink;
    SourceFiles sources;
    auto c = load_collection(collections / "ok/missing-translation", {{"en"}}, sources, sink);
    REQUIRE(c);
    REQUIRE(c->editions.size() == 1);
    CHECK(c->editions[0].lang == "en");
    CHECK(c->editions[0].title == "Two languages");
    CHECK(c->editions[0].articles.size() == 1);
    CHECK(has(sink, "missing-translation", 8, 18));
    CHECK_FALSE(sink.has_errors());

    DiagnosticSink bad;
    CHECK_FALSE(load_collection(collections / "ok/missing-translation", {{"fr"}}, sources, bad));
    CHECK(has(bad, "unknown-language"));
}

TEST_CASE("display paths are the paths the user gave") {
    DiagnosticSink sink;
    SourceFiles sources;
    fs::path old = fs::current_path();
    fs::current_path(collections / "bad");
    auto c = load_collection("unknown-key/", {}, sources, sink);
    fs::current_path(old);
    CHECK_FALSE(c);
    REQUIRE_FALSE(sink.diagnostics().empty());
    CHECK(sink.diagnostics()[0].span.file == "unknown-key/collection.yaml");
    CHECK(sources.text("unknown-key/collection.yaml") != nullptr);
}

TEST_CASE("an article's file follows from the collection, its id and its language") {
    DiagnosticSink sink;
    SourceFiles sources;
    const fs::path root = fs::path(PAMPHLET_SOURCE_DIR) / "samples/clinic";
    auto c = load_collection(root, {}, sources, sink);
    REQUIRE(c);
    for (const Edition& e : c->editions) {
        for (const Article& a : e.articles) {
            const fs::path file = article_file(*c, a);
            CHECK(file == root / "articles" / (a.id + "." + e.lang + ".md"));
            CHECK(fs::is_regular_file(file));
            // The name diagnostics give it is the same file, and its lines are there.
            CHECK(fs::equivalent(file, fs::path(a.span.file.str())));
            CHECK(sources.line(a.span.file, 1) == "---");
        }
    }
}

TEST_CASE("bodies let go are read again, links checked, after the collection has moved") {
    DiagnosticSink sink;
    SourceFiles sources;
    CollectionOptions none;
    none.held_bodies_bytes = 0;
    auto loaded =
        load_collection(fs::path(PAMPHLET_SOURCE_DIR) / "samples/clinic", none, sources, sink);
    REQUIRE(loaded);
    auto held =
        load_collection(fs::path(PAMPHLET_SOURCE_DIR) / "samples/clinic", {}, sources, sink);
    REQUIRE(held);
    // Moved (the links refer to the articles where they are), the original gone.
    const Collection c = std::move(*loaded);
    loaded.reset();
    REQUIRE(c.editions.size() == held->editions.size());
    for (std::size_t k = 0; k < c.editions.size(); ++k) {
        const Edition& e = c.editions[k];
        REQUIRE(e.reader);
        REQUIRE(e.articles.size() == held->editions[k].articles.size());
        for (std::size_t i = 0; i < e.articles.size(); ++i) {
            CHECK_FALSE(e.articles[i].body);
            DiagnosticSink again;
            const ArticleBody body = e.body(e.articles[i], again);
            REQUIRE(body);
            CHECK_FALSE(again.has_errors());
            const Article& same = held->editions[k].articles[i];
            REQUIRE(same.body);
            CHECK(model_bytes(*body) == model_bytes(*same.body));
            CHECK(plain_text(body->front().inlines) == plain_text(same.body->front().inlines));
        }
    }
}

TEST_CASE("collection.yaml errors are all reported, each with its place") {
    SourceFiles sources;
    SUBCASE("unknown keys, with suggestions, at every level") {
        DiagnosticSink sink;
        CHECK_FALSE(load_collection(collections / "bad/unknown-key", {}, sources, sink));
        CHECK(has(sink, "unknown-key", 2, 1));
        CHECK(has(sink, "unknown-key", 6, 3));
        CHECK(has(sink, "missing-key"));
    }
    SUBCASE("wrong types") {
        DiagnosticSink sink;
        CHECK_FALSE(load_collection(collections / "bad/wrong-type", {}, sources, sink));
        CHECK(has(sink, "wrong-type", 2, 8));   // title: [Test]
        CHECK(has(sink, "wrong-type", 3, 12));  // languages: de
        CHECK(has(sink, "wrong-type", 4, 12));  // publisher: Praxis
        CHECK(has(sink, "wrong-type", 5, 11));  // articles: a
    }
    SUBCASE("languages and dates") {
        DiagnosticSink sink;
        CHECK_FALSE(load_collection(collections / "bad/languages", {}, sources, sink));
        CHECK(has(sink, "invalid-language", 5, 17));
        CHECK(has(sink, "unknown-language", 4, 3));
        CHECK(has(sink, "invalid-date", 9, 7));
    }
    SUBCASE("missing files") {
        DiagnosticSink sink;
        CHECK_FALSE(load_collection(collections / "bad/missing-files", {}, sources, sink));
        CHECK(has(sink, "missing-file", 6, 9));  // logo
        CHECK(has(sink, "missing-file", 7, 8));  // cover
        CHECK(has(sink, "missing-article", 10, 5));
        CHECK(has(sink, "unlisted-article"));  // fascia.de.md is not listed
    }
}

TEST_CASE("name-based identifiers are RFC 4122 version 5 UUIDs") {
    // Reference values from Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
    CHECK(name_based_urn_uuid("pamphlet:clinic:de") ==
          "urn:uuid:d2353a7b-9d7d-562f-aff2-1234bb648ff3");
    CHECK(name_based_urn_uuid("") == "urn:uuid:1b4db7eb-4057-5ddf-91e0-36dec72071f5");
    CHECK(name_based_urn_uuid(std::string(100, 'x')) ==
          "urn:uuid:c4956a8f-abe3-5d39-8dfa-4bf25e22e84b");
}

TEST_CASE("who evaluated the books' accessibility, from collection.yaml") {
    const fs::path dir = fs::temp_directory_path() / "pamphlet-accessibility-test";
    fs::remove_all(dir);
    fs::copy(fs::path(PAMPHLET_SOURCE_DIR) / "samples" / "clinic", dir, fs::copy_options::recursive);
    {
        std::ofstream yaml(dir / "collection.yaml", std::ios::app);
        yaml << "accessibility:\n  certified_by: Barrierefrei Prüfen GmbH\n"
                "  certifier_credential: BFSG-Prüfstelle\n";
    }
    SourceFiles sources;
    DiagnosticSink sink;
    std::optional<Collection> collection = load_collection(dir, {}, sources, sink);
    REQUIRE(collection);
    CHECK(collection->accessibility.certified_by == "Barrierefrei Prüfen GmbH");
    CHECK(collection->accessibility.certifier_credential == "BFSG-Prüfstelle");
    {
        std::ofstream yaml(dir / "collection.yaml", std::ios::app);
        yaml << "  certfied: typo\n";
    }
    DiagnosticSink typo;
    CHECK_FALSE(load_collection(dir, {}, sources, typo));
    CHECK(has(typo, "unknown-key"));
    fs::remove_all(dir);
}
