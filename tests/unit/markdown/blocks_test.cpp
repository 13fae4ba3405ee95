// CommonMark blocks and inlines -> model, written like cmark's spec examples.
#include "model_sexpr.hpp"

#include <doctest/doctest.h>

using pamphlet::test::body;
using pamphlet::test::codes;
using pamphlet::test::Parsed;

TEST_CASE("paragraphs and inlines") {
    CHECK(body("Hallo *Welt*") == R"((p "Hallo " (em "Welt")))");
    CHECK(body("a **b** `c`\nd  \ne") ==
          R"((p "a " (strong "b") " " (code "c") (soft) "d" (br) "e"))");
    CHECK(body("x\\\ny") == R"((p "x" (br) "y"))");
    CHECK(body("one\n\ntwo") == R"((p "one") (p "two"))");
    // cmark splits text at every special character; the model does not.
    CHECK(body("a * b [c] &amp; d!") == R"((p "a * b [c] & d!"))");
}

TEST_CASE("runs of text carry no link or image parts") {
    const Parsed p = pamphlet::test::parse(
        "---\ntitle: T\n---\n\nEin *kurzer* [Link](https://example.org \"Titel\") und Text.\n");
    REQUIRE(p.article);
    REQUIRE(p.article->body);
    const std::vector<pamphlet::Inline>& inlines = p.article->body->front().inlines;
    REQUIRE(inlines.size() == 5);
    for (const pamphlet::Inline& in : inlines)
        CHECK(in.has_extras() == (in.kind == pamphlet::InlineKind::link));
    CHECK(inlines[3].title() == "Titel");
    CHECK_FALSE(inlines[1].children.front().has_extras());
}

TEST_CASE("lists, quotes, code and breaks") {
    CHECK(body("- a\n- b") == R"((ul (li (p "a")) (li (p "b"))))");
    CHECK(body("- a\n\n- b") == R"((ul loose (li (p "a")) (li (p "b"))))");
    CHECK(body("3. a\n4. b") == R"((ol start=3 (li (p "a")) (li (p "b"))))");
    CHECK(body("> a\n> - b") == R"((quote (p "a") (ul (li (p "b")))))");
    CHECK(body("```python extra\nx = '--'\n```") == R"((pre python "x = '--'\n"))");
    CHECK(body("    indented\n") == R"((pre "indented\n"))");
    CHECK(body("a\n\n---\n\nb") == R"((p "a") (hr) (p "b"))");
}

TEST_CASE("headings get unique ids") {
    CHECK(body("## Übungen für zu Hause\n## Übungen für zu Hause\n## Übungen für zu Hause") ==
          R"((h2#uebungen-fuer-zu-hause "Übungen für zu Hause"))"
          R"( (h2#uebungen-fuer-zu-hause-2 "Übungen für zu Hause"))"
          R"( (h2#uebungen-fuer-zu-hause-3 "Übungen für zu Hause"))");
    CHECK(body("## Straße & Maß: 2 *Tipps*") ==
          R"((h2#strasse-mass-2-tipps "Straße & Maß: 2 " (em "Tipps")))");
    CHECK(body("## Café Noël") == R"((h2#caf-nol "Café Noël"))");
    CHECK(body("## !!!\n## ???") == R"((h2#section "!!!") (h2#section-2 "???"))");
    CHECK(body("## `code` and --- dash") == R"((h2#code-and-dash (code "code") " and — dash"))");
}

TEST_CASE("level-1 headings in the body move below the article title") {
    CHECK(body("# A\n## B\n###### F") == R"((h2#a "A") (h3#b "B") (h6#f "F"))");
    CHECK(body("## A\n### B") == R"((h2#a "A") (h3#b "B"))");
    CHECK(body("Setext\n======\n\n> # Quoted") ==
          R"((h2#setext "Setext") (quote (h2#quoted "Quoted")))");
}

TEST_CASE("a paragraph holding only an image is a figure") {
    CHECK(body("![Ein Knie](images/knee.png \"Das \\\"Knie\\\"\")") ==
          R"((figure (img file:knee.png "Ein Knie" title="Das „Knie“") (caption "Das „Knie“")))");
    CHECK(body("  ![Ein Knie](images/knee.png)  ") == R"((figure (img file:knee.png "Ein Knie")))");
    CHECK(body("Text ![Knie](images/knee.png)") == R"((p "Text " (img file:knee.png "Knie")))");
    CHECK(body("![a](images/knee.png)\n![b](images/knee.png)") ==
          R"((p (img file:knee.png "a") (soft) (img file:knee.png "b")))");
    // The alt text is plain text, typeset like the rest.
    CHECK(body("![Das *\"Knie\"*](images/knee.png)") ==
          R"((figure (img file:knee.png "Das „Knie“")))");
}

TEST_CASE("spans point into the real file") {
    Parsed p;
    body("Absatz\n\n- *Punkt*", "de", &p);
    const auto& blocks = *p.article->body;
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].span.file == "a.md");
    CHECK(blocks[0].span.begin == pamphlet::SourcePos{4, 1});
    CHECK(blocks[0].span.end == pamphlet::SourcePos{4, 6});
    CHECK(blocks[1].span.begin == pamphlet::SourcePos{6, 1});
    const auto& item = blocks[1].children.at(0);
    CHECK(item.children.at(0).span.begin == pamphlet::SourcePos{6, 3});
    CHECK(item.children.at(0).inlines.at(0).span.begin.line == 6);
}

TEST_CASE("deep nesting is flattened, not recursed into") {
    Parsed p;
    const std::string quotes(5000, '>');
    const std::string result = body(quotes + " tief", "de", &p);
    CHECK(result.find("tief") != std::string::npos);
    CHECK(codes(p.sink) == "warning nesting-too-deep 4:41");
    Parsed q;
    body(std::string(3000, '*') + "x" + std::string(3000, '*'), "de", &q);
    CHECK(codes(q.sink).starts_with("warning nesting-too-deep"));
}
