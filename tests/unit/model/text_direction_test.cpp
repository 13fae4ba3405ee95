#include "pamphlet/text_direction.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace pamphlet;

namespace {

Article article_with(std::string text, SourceSpan span) {
    Inline words;
    words.text = std::move(text);
    words.span = span;
    Block paragraph;
    paragraph.inlines.push_back(words);
    paragraph.span = span;
    Article article;
    article.title = "Gesund bleiben";
    article.span = SourceSpan::whole("a.de.md");
    article.body = make_body({paragraph});
    return article;
}

}  // namespace

TEST_CASE("left-to-right text of any script passes") {
    DiagnosticSink sink;
    const Article article =
        article_with("Grüße, Здравствуйте, 你好, नमस्ते — und 😀.", SourceSpan::at("a.de.md", 4, 1));
    CHECK(check_text_direction(article, "", sink));
    CHECK(sink.diagnostics().empty());
}

TEST_CASE("right-to-left text is refused at its first character in the Markdown file") {
    // Typography turned the straight quotes into „…“ (more bytes in the
    // model than in the file): the column comes from the file.
    const std::string source =
        "---\ntitle: Gesund bleiben\n---\n\nSag \"Hallo\" auf Arabisch: "
        "مرحبا, auf Hebräisch: שלום.\n";
    const Article article = article_with("Sag „Hallo“ auf Arabisch: مرحبا, auf Hebräisch: שלום.",
                                         SourceSpan::at("a.de.md", 5, 1));
    DiagnosticSink sink;
    CHECK_FALSE(check_text_direction(article, source, sink));
    REQUIRE(sink.diagnostics().size() == 1);  // once, not per character or script
    const Diagnostic& d = sink.diagnostics()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.code == "right-to-left-text");
    CHECK(d.span.file == "a.de.md");
    CHECK(d.span.begin.line == 5);
    CHECK(d.span.begin.column == 27);
    CHECK(d.message.starts_with("right-to-left text (Arabic, 'م') is not supported yet"));
}

TEST_CASE("right-to-left text in the front matter is refused too") {
    const std::string source = "---\ntitle: שלום\n---\n\nText.\n";
    Article article = article_with("Text.", SourceSpan::at("a.de.md", 5, 1));
    article.title = "שלום";
    DiagnosticSink sink;
    CHECK_FALSE(check_text_direction(article, source, sink));
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics()[0].span.begin.line == 2);
    CHECK(sink.diagnostics()[0].span.begin.column == 8);
    CHECK(sink.diagnostics()[0].message.starts_with("right-to-left text (Hebrew, 'ש')"));
}

TEST_CASE("right-to-left text is found after any run of other text") {
    // Runs of ASCII are passed over eight bytes at a time, and two-byte
    // characters below Hebrew by their lead byte: the first right-to-left
    // character is found wherever it falls.
    for (const std::string& run : {std::string("a"), std::string("ä"), std::string("Ж")}) {
        for (std::size_t count = 0; count < 18; ++count) {
            std::string before;
            for (std::size_t k = 0; k < count; ++k) before += run;
            const std::string source = "---\ntitle: T\n---\n\n" + before + "שלום x\n";
            const Article article =
                article_with(before + "שלום x", SourceSpan::at("a.de.md", 5, 1));
            DiagnosticSink sink;
            CHECK_FALSE(check_text_direction(article, source, sink));
            REQUIRE(sink.diagnostics().size() == 1);
            CHECK(sink.diagnostics()[0].span.begin.column == static_cast<int>(before.size()) + 1);
            CHECK(sink.diagnostics()[0].message.find("Hebrew") != std::string::npos);
        }
    }
    // U+058F (the Armenian dram sign) shares Hebrew's lead byte and is
    // left-to-right.
    DiagnosticSink sink;
    const Article article = article_with("100 \u058F", SourceSpan::at("a.de.md", 5, 1));
    CHECK(check_text_direction(article, "", sink));
}
