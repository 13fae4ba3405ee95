// Whatever bytes arrive, the model holds valid UTF-8 that is valid XML text.
#include "model_sexpr.hpp"
#include "utf8.hpp"

#include <doctest/doctest.h>

using pamphlet::test::body;
using pamphlet::test::codes;
using pamphlet::test::Parsed;

TEST_CASE("invalid UTF-8 becomes U+FFFD, reported once at the first place") {
    Parsed p;
    CHECK(body("ab\xFF"
               "c\n\nx\xC3\x28 \xE2\x82 y",
               "de", &p) ==
          "(p \"ab\xEF\xBF\xBD"
          "c\") (p \"x\xEF\xBF\xBD( \xEF\xBF\xBD y\")");
    CHECK(codes(p.sink) == "warning invalid-utf8 4:3");
    CHECK(p.sink.diagnostics()[0].message.find("3 places") != std::string::npos);
}

TEST_CASE("control characters are removed with a warning") {
    Parsed p;
    using namespace std::string_view_literals;
    CHECK(body("a\x01"
               "b\tc\x7F\n\nd\x00"
               "e"sv,
               "de", &p) == "(p \"ab\tc\") (p \"de\")");
    CHECK(codes(p.sink) == "warning control-character 4:2");

    Parsed q;
    CHECK(body("a&#1;b &#x7f; &#0; &#xFFFE;", "de", &q) == "(p \"ab  \xEF\xBF\xBD \xEF\xBF\xBD\")");
    CHECK(codes(q.sink) == "warning control-character 4:1");

    // Text around a removed control is still one inline, and the message
    // points at the start of the text that held it.
    Parsed s;
    CHECK(body("*a* [b](https://x.org) c!d &amp; e&#1;f&#2; g", "de", &s) ==
          R"((p (em "a") " " (a ext:https://x.org "b") " c!d & ef g"))");
    CHECK(codes(s.sink) == "warning control-character 4:23");

    // In a block with raw HTML, gumbo replaces control characters by U+FFFD,
    // both those it decodes and those cmark decoded before.
    Parsed r;
    CHECK(body("a&#2;<b>&#2;</b>", "de", &r) == "(p \"a\xEF\xBF\xBD\" (strong \"\xEF\xBF\xBD\"))");
    CHECK(codes(r.sink) == "");
}

TEST_CASE("line ends: CRLF and lone CR count as one line each") {
    Parsed p;
    CHECK(body("a\r\nb\r\rc\r\n\r\n![](images/nope.png)", "de", &p) ==
          R"((p "a" (soft) "b") (p "c") (figure (img missing:images/nope.png "")))");
    CHECK(codes(p.sink) == "error missing-file 9:1\nwarning missing-alt 9:1");
}

TEST_CASE("utf8::decode follows the maximal subpart rule") {
    using pamphlet::utf8::decode;
    auto decode_all = [](std::string_view s) {
        std::u32string out;
        for (std::size_t pos = 0; pos < s.size();) {
            bool valid = true;
            out += decode(s, pos, valid);
        }
        return out;
    };
    CHECK(decode_all("a\xC3\xA4") == U"aä");
    CHECK(decode_all("\xF0\x9F\x98\x80") == U"\U0001F600");
    CHECK(decode_all("\xC0\xAF") == U"\uFFFD\uFFFD");            // overlong
    CHECK(decode_all("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");  // surrogate
    CHECK(decode_all("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");
    CHECK(decode_all("\xE2\x82x") == U"\uFFFDx");
    CHECK(decode_all("\xF0\x9F\x98") == U"\uFFFD");
}

TEST_CASE("a problem is found at any place in a run of printable text") {
    // Printable ASCII is passed over eight bytes at a time: a byte that
    // needs work is found wherever it falls in such a run.
    for (const std::string& odd : {std::string("\x01"), std::string("\x7F"), std::string("\r"),
                                   std::string("\xFF"), std::string("\xC3")}) {
        for (std::size_t at = 0; at < 20; ++at) {
            std::string text(at, 'x');
            text += odd + "yyyyyyyyyyyyyyyyy";
            pamphlet::DiagnosticSink sink;
            std::string storage;
            const std::string_view safe =
                pamphlet::utf8::sanitize_input(text, "a.md", sink, storage);
            CHECK(safe.substr(0, at) == std::string(at, 'x'));
            CHECK(safe != text);
            if (odd != "\r") {
                REQUIRE(sink.diagnostics().size() == 1);
                CHECK(sink.diagnostics()[0].span.begin.column == static_cast<int>(at) + 1);
            }
        }
    }
    // And ASCII that needs nothing is handed back as it is, at every length.
    for (std::size_t length = 0; length < 20; ++length) {
        const std::string text = std::string(length, 'a') + "\tb\n";
        pamphlet::DiagnosticSink sink;
        std::string storage;
        CHECK(pamphlet::utf8::sanitize_input(text, "a.md", sink, storage).data() == text.data());
    }
}
