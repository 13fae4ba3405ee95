#include "pamphlet/diagnostics.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace pamphlet;

TEST_CASE("a diagnostic prints as file:line:col: severity: message, with the line and a caret") {
    SourceFiles sources;
    sources.add("c/collection.yaml", "id: test\ntitel: Test\n");
    Diagnostic d{Severity::error,
                 "unknown-key",
                 "unknown key 'titel'",
                 SourceSpan::at("c/collection.yaml", 2, 1),
                 {}};
    d.span.end = {2, 6};
    CHECK(format_diagnostic(d, &sources) ==
          "c/collection.yaml:2:1: error: unknown key 'titel'\n"
          "  titel: Test\n"
          "  ^~~~~\n");
}

TEST_CASE("the caret lands under the character even after multi-byte UTF-8") {
    SourceFiles sources;
    sources.add("a.md", "Größe: x\n");
    // "x" is byte column 10 (ö and ß take two bytes each).
    Diagnostic d{Severity::warning, "w", "here", SourceSpan::at("a.md", 1, 10), {}};
    CHECK(format_diagnostic(d, &sources) == "a.md:1:10: warning: here\n  Größe: x\n         ^\n");
}

TEST_CASE("diagnostics without a place or without a source still print") {
    Diagnostic whole{Severity::error, "e", "cannot read", SourceSpan::whole("x.yaml"), {}};
    CHECK(format_diagnostic(whole) == "x.yaml: error: cannot read\n");
    Diagnostic none{Severity::error, "e", "no data dir", {}, {}};
    CHECK(format_diagnostic(none) == "pamphlet: error: no data dir\n");
    SourceFiles sources;
    sources.add("a", "one line\n");
    Diagnostic past_end{Severity::error, "e", "m", SourceSpan::at("a", 7, 1), {}};
    CHECK(format_diagnostic(past_end, &sources) == "a:7:1: error: m\n");
}

TEST_CASE("notes follow their diagnostic") {
    Diagnostic d{Severity::error,
                 "dup",
                 "duplicate",
                 SourceSpan::at("a", 3, 2),
                 {{SourceSpan::at("a", 1, 2), "first here"}}};
    CHECK(format_diagnostic(d) == "a:3:2: error: duplicate\na:1:2: note: first here\n");
}

TEST_CASE("the sink counts errors and warnings") {
    DiagnosticSink sink;
    CHECK_FALSE(sink.has_errors());
    sink.warning({}, "w", "careful");
    CHECK_FALSE(sink.has_errors());
    sink.error({}, "e", "broken");
    CHECK(sink.has_errors());
    CHECK(sink.error_count() == 1);
    CHECK(sink.warning_count() == 1);
    CHECK(sink.diagnostics().size() == 2);
    CHECK(sink.diagnostics()[1].code == "e");
}

TEST_CASE("did you mean: close typos only") {
    std::vector<std::string> keys = {"title", "subtitle", "summary", "author", "date"};
    CHECK(closest_match("titel", keys) == "title");
    CHECK(closest_match("summery", keys) == "summary");
    CHECK(closest_match("autor", keys) == "author");
    CHECK_FALSE(closest_match("colour", keys).has_value());
    CHECK_FALSE(closest_match("title", keys).has_value());  // exact: nothing to suggest
    CHECK_FALSE(closest_match("x", {}).has_value());
}

TEST_CASE("spans shift by front matter offsets") {
    SourceSpan s = SourceSpan::at("a.md", 1, 3);
    CHECK(s.shifted(5).begin == SourcePos{6, 3});
    CHECK(s.shifted(5, 2).begin == SourcePos{6, 5});
    CHECK(SourceSpan::whole("a").shifted(5).begin.line == 0);
}

TEST_CASE("excerpts show stray bytes as U+FFFD and control characters as spaces") {
    SourceFiles sources;
    sources.add("a.md", std::string("a\x01"
                                    "b\xFF"
                                    "c\n"));
    Diagnostic d{Severity::warning, "w", "m", SourceSpan::at("a.md", 1, 5), {}};
    CHECK(format_diagnostic(d, &sources) ==
          "a.md:1:5: warning: m\n  a b\xEF\xBF\xBD"
          "c\n      ^\n");
}

TEST_CASE("files named by place are read when a line is asked for, wherever they are") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "pamphlet-source-files-test";
    fs::create_directories(dir);
    const fs::path here = dir / "here.md";
    const fs::path there = dir / "there.md";
    std::ofstream(here) << "one\ntwo\n";
    std::ofstream(there) << "three\nfour\n";
    SourceFiles sources;
    sources.add_file(here.string(), here);         // where its name says
    sources.add_file("articles/there.md", there);  // named otherwise
    CHECK(sources.line(here.string(), 2) == "two");
    CHECK(sources.line("articles/there.md", 1) == "three");
    CHECK_FALSE(sources.line("articles/elsewhere.md", 1));
    // Named again, at another place: the new place counts.
    sources.add_file("articles/there.md", here);
    CHECK(sources.line("articles/there.md", 1) == "one");
    fs::remove_all(dir);
}

TEST_CASE("a stage's own sink and files join the run's after its messages, in order") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "pamphlet-take-all-test";
    fs::create_directories(dir);
    const fs::path article = dir / "a.md";
    std::ofstream(article) << "first\nsecond\n";

    DiagnosticSink sink;
    SourceFiles sources;
    sink.error({}, "profile", "from the profile");
    sources.add("layouts/a4.yaml", "page: a4\n");

    DiagnosticSink stage_sink;
    SourceFiles stage_sources;
    stage_sink.warning({}, "one", "first of the stage");
    stage_sink.error({}, "two", "second of the stage");
    stage_sources.add("collection.yaml", "title: x\n");
    stage_sources.add_file("articles/a.md", article);

    sink.take_all(std::move(stage_sink));
    sources.take_all(std::move(stage_sources));
    REQUIRE(sink.diagnostics().size() == 3);
    CHECK(sink.diagnostics()[0].code == "profile");
    CHECK(sink.diagnostics()[1].code == "one");
    CHECK(sink.diagnostics()[2].code == "two");
    CHECK(sink.error_count() == 2);
    CHECK(sink.warning_count() == 1);
    CHECK(stage_sink.diagnostics().empty());
    CHECK(sources.line("layouts/a4.yaml", 1) == "page: a4");
    CHECK(sources.line("collection.yaml", 1) == "title: x");
    CHECK(sources.line("articles/a.md", 2) == "second");
    CHECK_FALSE(stage_sources.line("articles/a.md", 1));
    fs::remove_all(dir);
}
