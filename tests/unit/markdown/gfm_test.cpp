// GitHub's extensions (cmark-gfm) and GitHub's alerts -> the model: pipe
// tables, footnotes, strikethrough, autolinks, task lists, callouts; HTML
// tables onto the same table model.
#include "model_sexpr.hpp"

#include <doctest/doctest.h>

using pamphlet::test::body;
using pamphlet::test::codes;
using pamphlet::test::Parsed;

TEST_CASE("a pipe table has header cells, body cells and column alignment") {
    Parsed p;
    CHECK(body("| Übung | Sätze | Pause |\n|:--|:-:|--:|\n| Brücke | 3 | *60 s* |\n| Kniebeuge |\n",
               "de", &p) ==
          R"((table (thead-tr (th-col left "Übung") (th-col center "Sätze") (th-col right "Pause")))"
          R"( (tr (td left "Brücke") (td center "3") (td right (em "60\u00a0s"))))"
          R"( (tr (td left "Kniebeuge") (td center) (td right))))");
    CHECK(codes(p.sink).empty());
    // The table and its cells carry their places in the file.
    const auto& table = p.article->body->front();
    CHECK(table.span.begin.line == 4);
    CHECK(table.children[1].children[2].span.begin.line == 6);
}

TEST_CASE("footnotes are numbered in the order of their first reference") {
    Parsed p;
    CHECK(body("Erst[^b], dann[^a], wieder[^b].\n\n[^a]: Aye.\n[^b]: Bee\n    mit zwei Zeilen.\n",
               "de", &p) ==
          R"((p "Erst" (fnref 1) ", dann" (fnref 2) ", wieder" (fnref 1) "."))"
          R"( (footnote 1 (p "Bee" (soft) "mit zwei Zeilen.")) (footnote 2 (p "Aye.")))");
    CHECK(codes(p.sink).empty());
    // A note's place is its label, where the author wrote it.
    CHECK(p.article->body->at(1).span.begin.line == 7);
    CHECK(p.article->body->at(1).span.begin.column == 1);
}

TEST_CASE("an undefined reference and an unused definition are reported at their lines") {
    Parsed p;
    CHECK(body("Text[^fehlt] und \\[^a] mit Absicht.\n\n[^frei]: Niemand verweist.\n\n"
               "```\n[^code]: kein Verweis\n```\n",
               "de", &p) ==
          R"((p "Text[^fehlt] und [^a] mit Absicht.") (pre "[^code]: kein Verweis\n"))");
    CHECK(codes(p.sink) == "warning undefined-footnote 4:5\nwarning unused-footnote 6:1");
    CHECK(p.sink.diagnostics()[0].message ==
          "footnote [^fehlt] is not defined; define it on a line of its own: [^fehlt]: text");
}

TEST_CASE("GitHub's alerts become callouts labelled in the article's language") {
    CHECK(body("> [!WARNING]\n> Bei Schmerzen abbrechen.\n\n> [!tip]\n> Ruhig atmen.\n", "de") ==
          R"((callout warning "Warnung" (p "Bei Schmerzen abbrechen.")))"
          R"( (callout tip "Tipp" (p "Ruhig atmen.")))");
    CHECK(body("> [!NOTE]\n> One.\n\n> [!IMPORTANT]\n> Two.\n\n> [!CAUTION]\n>\n> Three.\n",
               "en") ==
          R"((callout note "Note" (p "One.")) (callout important "Important" (p "Two.")))"
          R"( (callout caution "Caution" (p "Three.")))");
    // The marker must stand alone on the first line.
    CHECK(body("> [!NOTE] Text daneben\n", "de") == R"((quote (p "[!NOTE] Text daneben")))");
    Parsed p;
    CHECK(body("> [!HINT]\n> Text\n", "de", &p) == R"((quote (p "[!HINT]" (soft) "Text")))");
    CHECK(codes(p.sink) == "warning unknown-callout 4:3");
}

TEST_CASE("strikethrough wants two tildes, autolinks and task lists") {
    CHECK(body("Das ~~alte~~ neue, ca. ~5 bis ~10 Minuten", "de") ==
          R"((p "Das " (del "alte") " neue, ca. ~5 bis ~10\u00a0Minuten"))");
    CHECK(body("Siehe www.example.org und https://example.org/a.", "de") ==
          R"((p "Siehe " (a ext:http://www.example.org "www.example.org") " und ")"
          R"( (a ext:https://example.org/a "https://example.org/a") "."))");
    CHECK(body("- [x] erledigt\n- [ ] offen\n- normal\n", "de") ==
          R"((ul (li [x] (p "erledigt")) (li [ ] (p "offen")) (li (p "normal"))))");
}

TEST_CASE("an HTML table maps onto the table model") {
    Parsed p;
    CHECK(body("<table>\n<caption>Belastung</caption>\n"
               "<thead><tr><th scope=\"col\">Woche</th><th>Dauer</th></tr></thead>\n"
               "<tbody><tr><th scope=\"row\">1</th><td rowspan=\"2\" align=\"right\">20 min</td></tr>\n"
               "<tr><th>2</th></tr>\n"
               "<tr><td colspan=\"2\" style=\"text-align: center\"><p>a</p><p>b</p></td></tr>\n"
               "<tr><td colspan=\"x\">c</td></tr></tbody>\n</table>\n",
               "de", &p) ==
          R"((table (caption "Belastung") (thead-tr (th-col "Woche") (th-col "Dauer")))"
          R"( (tr (th-row "1") (td right rowspan=2 "20\u00a0min")) (tr (th-row "2")))"
          R"( (tr (td center colspan=2 "a" (br) "b")) (tr (td "c"))))");
    CHECK(codes(p.sink) == "warning table-cell-blocks 9:5\nwarning table-span 10:5");
}

TEST_CASE("a pipe table with raw HTML in a cell goes through the HTML table") {
    CHECK(body("| A | B |\n|---|--:|\n| H<sub>2</sub>O | 1 |\n", "de") ==
          R"((table (thead-tr (th-col "A") (th-col right "B")))"
          R"( (tr (td "H" (sub "2") "O") (td right "1"))))");
}
