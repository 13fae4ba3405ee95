// Article bodies beyond the collection's memory budget: let go after the
// load, read again by each writer, with the same outputs as bodies held —
// and a file edited during the build is noticed, not silently used.
#include "scratch_files.hpp"

#include "pamphlet/collection.hpp"
#include "pamphlet/epub.hpp"
#include "pamphlet/job.hpp"
#include "pamphlet/pdf.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/typeset.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace pamphlet;
using namespace pamphlet::testing;
namespace fs = std::filesystem;

namespace {

const fs::path clinic = fs::path(PAMPHLET_SOURCE_DIR) / "samples" / "clinic";

Collection load(const fs::path& dir, std::size_t budget, SourceFiles& sources,
                DiagnosticSink& sink) {
    CollectionOptions options;
    options.held_bodies_bytes = budget;
    std::optional<Collection> collection = load_collection(dir, options, sources, sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(sink, &sources));
    return std::move(*collection);
}

struct Outputs {
    std::vector<std::string> files;
    std::string diagnostics;
};

Outputs build_all(const Collection& collection, const Profile& profile) {
    Outputs out;
    DiagnosticSink sink;
    for (const Edition& edition : collection.editions) {
        EpubOptions epub{1700000000, "pamphlet test"};
        std::optional<std::string> book = write_epub(collection, edition, profile, epub, sink);
        REQUIRE(book);
        out.files.push_back(std::move(*book));
        TypesetOptions options{1700000000, "pamphlet test", find_data_paths().hyphenation_dirs};
        std::optional<LaidOutDocument> document =
            typeset_edition(collection, edition, profile, options, sink);
        REQUIRE(document);
        std::optional<std::string> pdf = write_pdf(std::move(*document), sink);
        REQUIRE(pdf);
        out.files.push_back(std::move(*pdf));
    }
    out.diagnostics = format_diagnostics(sink);
    return out;
}

}  // namespace

TEST_CASE("bodies let go are read again, and the outputs are the same") {
    SourceFiles sources;
    DiagnosticSink sink_held, sink_none;
    const Collection held = load(clinic, default_held_bodies_bytes, sources, sink_held);
    const Collection none = load(clinic, 0, sources, sink_none);
    // The load says the same either way (link warnings included).
    CHECK(format_diagnostics(sink_held) == format_diagnostics(sink_none));
    for (const Edition& e : held.editions) {
        CHECK_FALSE(e.reader);
        for (const Article& a : e.articles) CHECK(a.body);
    }
    for (const Edition& e : none.editions) {
        REQUIRE(e.reader);
        for (const Article& a : e.articles) CHECK_FALSE(a.body);
    }

    DiagnosticSink profile_sink;
    std::optional<Profile> profile =
        load_profile("a4-handout", find_data_paths(), sources, profile_sink);
    REQUIRE(profile);
    const Outputs a = build_all(held, *profile);
    const Outputs b = build_all(none, *profile);
    REQUIRE(a.files.size() == b.files.size());
    for (std::size_t i = 0; i < a.files.size(); ++i) CHECK(a.files[i] == b.files[i]);
    CHECK(a.diagnostics == b.diagnostics);
}

TEST_CASE("a body's file edited during the build is an error, not another text") {
    TempDir dir;
    fs::copy(clinic, dir.path / "clinic", fs::copy_options::recursive);
    SourceFiles sources;
    DiagnosticSink sink;
    const Collection collection = load(dir.path / "clinic", 0, sources, sink);
    const Edition& edition = collection.editions.front();
    const Article& first = edition.articles.front();
    CHECK(edition.body(first, sink));
    CHECK_FALSE(sink.has_errors());
    { std::ofstream(article_file(collection, first), std::ios::app) << "\nOne more paragraph.\n"; }
    DiagnosticSink after;
    CHECK_FALSE(edition.body(first, after));
    REQUIRE(after.error_count() == 1);
    CHECK(after.diagnostics().front().code == "article-changed");
    CHECK(after.diagnostics().front().span.file == first.span.file);
}
