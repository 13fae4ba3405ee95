// Raw HTML in Markdown becomes model nodes, never strings; hostile or broken
// markup still yields a sane model.
#include "model_sexpr.hpp"

#include <doctest/doctest.h>

using pamphlet::test::body;
using pamphlet::test::codes;
using pamphlet::test::Parsed;

TEST_CASE("inline HTML maps onto model inlines") {
    CHECK(
        body("H<sub>2</sub>O und m<sup>2</sup>, <i>kursiv</i> <b>fett</b> <code>a<b></code>") ==
        R"((p "H" (sub "2") "O und m" (sup "2") ", " (em "kursiv") " " (strong "fett") " " (code "a")))");
    CHECK(
        body(
            "Zeile<br>neu und <span class=\"x\">ohne <u>Span</u></span> <mark>Markierung</mark>") ==
        R"((p "Zeile" (br) "neu und ohne Span Markierung"))");
    CHECK(body("Entities: &nbsp;<b>a&amp;b</b> Trenn&shy;strich") ==
          R"((p "Entities: \u00a0" (strong "a&b") " Trenn\u00adstrich"))");
    CHECK(body("Mehr <em>*Markdown*</em> und `<b>code</b>`") ==
          R"((p "Mehr " (em (em "Markdown")) " und " (code "<b>code</b>")))");
}

TEST_CASE("HTML blocks map onto model blocks") {
    CHECK(body("<div>\n<p>Eins</p>\n<p>Zwei <a href=\"fascia.de.md#x\">Link</a></p>\n</div>") ==
          R"((p "Eins") (p "Zwei " (a article:fascia#x "Link")))");
    CHECK(body("<h1>Groß</h1>\n\n## Klein") == R"((h2#gross "Groß") (h3#klein "Klein"))");
    CHECK(body("<ul>\n<li>a</li>\n<li><p>b</p></li>\n</ul>") ==
          R"((ul loose (li (p "a")) (li (p "b"))))");
    CHECK(body("<ol start=\"4\"><li>a<li>b</ol>") == R"((ol start=4 (li (p "a")) (li (p "b"))))");
    CHECK(body("<blockquote>\nZitat \"hier\"\n</blockquote>") == R"((quote (p "Zitat „hier“")))");
    CHECK(body("<pre><code class=\"language-cpp\">int a = \"--\";\n</code></pre>") ==
          R"((pre cpp "int a = \"--\";\n"))");
    CHECK(body("<hr>\n\nText") == R"((hr) (p "Text"))");
    CHECK(body("<div>lose <b>Text</b></div>") == R"((p "lose " (strong "Text")))");
    CHECK(body("<p><img src=\"images/knee.png\" alt=\"Knie\" title=\"Ein Knie\"></p>") ==
          R"((figure (img file:knee.png "Knie" title="Ein Knie") (caption "Ein Knie")))");
    CHECK(body("<!-- nur ein Kommentar -->\n\nText") == R"((p "Text"))");
}

TEST_CASE("tables are tables: a row of <th> only heads its columns, a <th> beside data its row") {
    Parsed p;
    CHECK(body("<table><tr><th>Übung</th><td>3 x</td></tr></table>\n\n"
               "<table><tr><th>A</th></tr><tr><td>b</td></tr></table>",
               "de", &p) ==
          R"((table (tr (th-row "Übung") (td "3\u00a0x"))))"
          R"( (table (thead-tr (th-col "A")) (tr (td "b"))))");
    CHECK(codes(p.sink).empty());
}

TEST_CASE("unsafe HTML is dropped with a warning") {
    Parsed p;
    CHECK(body("Text <script>alert(1)</script> und <iframe src=x></iframe>\n\n"
               "<style>p{}</style>\n\n"
               "<form><input value=1><button>B</button><textarea>T</textarea></form>\n\n"
               "<object></object><embed src=x><noscript>N</noscript><template>T</template>"
               "<select><option>O</option></select>",
               "de", &p) == R"((p "Text und"))");
    // Each warning points at its element's '<', in paragraphs and HTML blocks.
    CHECK(codes(p.sink) ==
          "warning unsafe-html 4:6\nwarning unsafe-html 4:36\n"
          "warning unsafe-html 6:1\n"
          "warning unsafe-html 8:1\n"
          "warning unsafe-html 10:1\nwarning unsafe-html 10:18\nwarning unsafe-html 10:31\n"
          "warning unsafe-html 10:53\nwarning unsafe-html 10:75");

    Parsed q;
    CHECK(body("<b onclick=\"x()\">fett</b> <a href=\"javascript:x()\">Link</a> "
               "<img src=\"images/knee.png\" alt=\"Knie\" onerror=\"x()\">",
               "de", &q) == R"((p (strong "fett") " Link " (img file:knee.png "Knie")))");
    // An attribute's warning points at the attribute.
    CHECK(codes(q.sink) ==
          "warning unsafe-html 4:4\nwarning unsafe-link 4:27\nwarning unsafe-html 4:99");
}

TEST_CASE("broken markup still makes a well-formed model") {
    CHECK(body("a <b>bold") == R"((p "a " (strong "bold")))");
    CHECK(body("a </b> b") == R"((p "a b"))");
    CHECK(body("x < y & z <3 <b>ok</b>") == R"((p "x < y & z <3 " (strong "ok")))");
    CHECK(body("a <!-- Kommentar --> b <br/> c") == R"((p "a b " (br) "c"))");
    // Not a comment in CommonMark 0.30 (it contains "--"), so it is text.
    CHECK(body("a <!-- -- --> b") == R"((p "a <!– – –> b"))");
    CHECK(body("eins <p>zwei</p> drei") == R"((p "eins") (p "zwei") (p "drei"))");
    // A <div> ends the paragraph; the emphasis goes on, as in a browser.
    CHECK(body("<em>a <div>b</div> c</em>") == R"((p (em "a")) (p (em "b")) (p (em "c")))");
    CHECK(body("<p>ungeschlossen\n\nDanach") == R"((p "ungeschlossen") (p "Danach"))");
    CHECK(body("<x-widget foo=bar>inhalt</x-widget>") == R"((p "inhalt"))");
    CHECK(body("<b><i>a</b></i> rest") == R"((p (strong (em "a")) " rest"))");
}

TEST_CASE("HTML images and links follow the Markdown rules") {
    Parsed p;
    CHECK(
        body("<img src=\"https://example.org/a.png\" alt=\"Fern\"> "
             "<img src=\"images/none.png\" alt=\"weg\"> <img src=\"images/knee.png\"> "
             "<a href=\"plan.pdf\">Plan</a> <a>ohne</a>",
             "de", &p) ==
        R"((p "Fern " (img missing:images/none.png "weg") " " (img file:knee.png "") " Plan ohne"))");
    CHECK(codes(p.sink) ==
          "warning remote-image 4:1\nerror missing-file 4:50\nwarning missing-alt 4:88\n"
          "warning local-link 4:116");
}

TEST_CASE("deeply nested HTML is flattened") {
    Parsed p;
    std::string html;
    for (int i = 0; i < 20000; ++i) html += "<span><b>";
    html += "tief";
    const std::string result = body(html, "de", &p);
    CHECK(result.find("tief") != std::string::npos);
    CHECK(codes(p.sink) == "warning nesting-too-deep 4:1");
}

TEST_CASE("raw HTML warnings point into the Markdown: continuation lines, quotes, lists") {
    Parsed p;
    CHECK(body("Erste Zeile\n  und <b onclick=\"x()\">fett</b>\n\n"
               "> Zitat <script>x</script>\n\n"
               "- <div>\n  <iframe></iframe>\n  </div>",
               "de",
               &p) == R"((p "Erste Zeile und " (strong "fett")) (quote (p "Zitat")) (ul (li)))");
    CHECK(codes(p.sink) ==
          "warning unsafe-html 5:10\nwarning unsafe-html 7:9\nwarning unsafe-html 10:3");
}

TEST_CASE("a phrase in another language keeps its language") {
    CHECK(body("Beim <span lang=\"en\">Stretching</span> gilt: <i lang=\"la\">festina lente</i>.") ==
          R"((p "Beim " (lang en "Stretching") " gilt: " (lang la (em "festina lente")) "."))");
    CHECK(body("<p lang=\"en-GB\">A <b>whole</b> paragraph</p>") ==
          R"((p (lang en-GB "A " (strong "whole") " paragraph")))");
    // No language, or an empty one: the phrase is the article's.
    CHECK(body("Ein <span lang=\"\">Wort</span>") == R"((p "Ein Wort"))");
    Parsed p;
    CHECK(body("Ein <span lang=\"english\">word</span>", "de", &p) == R"((p "Ein word"))");
    CHECK(codes(p.sink) == "warning bad-language-tag 4:5");
}
