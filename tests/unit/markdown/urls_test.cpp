// Link destinations become URLs that RFC 3986 (and epubcheck) accept, once,
// for the EPUB and the PDF alike.
#include "urls.hpp"
#include "model_sexpr.hpp"

#include <doctest/doctest.h>

using pamphlet::escape_controls;
using pamphlet::normalize_url;
using pamphlet::test::body;
using pamphlet::test::codes;
using pamphlet::test::Parsed;

namespace {

std::string normalized(std::string_view url) {
    const pamphlet::UrlCheck check = normalize_url(url);
    return check.ok() ? check.url : "error: " + check.problem;
}

}  // namespace

TEST_CASE("characters a component does not allow are percent-encoded") {
    CHECK(normalized("https://matrix.to/#/#room:example.org") ==
          "https://matrix.to/#/%23room:example.org");
    CHECK(normalized("https://xn--bcher-kva.de/Bücher") == "https://xn--bcher-kva.de/B%C3%BCcher");
    CHECK(normalized("https://example.com/\\[\\`") == "https://example.com/%5C%5B%5C%60");
    CHECK(normalized("https://x.org/%zz") == "https://x.org/%25zz");
    CHECK(normalized("https://x.org/100%") == "https://x.org/100%25");
    CHECK(normalized("https://x.org/a b?q=a b#c d") == "https://x.org/a%20b?q=a%20b#c%20d");
    CHECK(normalized("https://de.wikipedia.org/wiki/Übung") ==
          "https://de.wikipedia.org/wiki/%C3%9Cbung");
    CHECK(normalized("https://x.org/{a}|^\"<>") == "https://x.org/%7Ba%7D%7C%5E%22%3C%3E");
    CHECK(normalized("https://x.org/?a=[1]") == "https://x.org/?a=%5B1%5D");
    CHECK(normalized("mailto:Max Muster <max@example.org>") ==
          "mailto:Max%20Muster%20%3Cmax@example.org%3E");
    CHECK(normalized("tel:+49 30 1234") == "tel:+49%2030%201234");
}

TEST_CASE("valid URLs and their escapes stay as written") {
    for (std::string_view url :
         {"https://example.org/a?b=c&d=e#top", "https://x.org/a%20b%C3%9C", "HTTP://EXAMPLE.ORG",
          "https://user:pw@example.org:8080/p;x=1/(a)!*'$,+~", "https://[::1]:8080/",
          "https://[2001:db8::7]/c=GB?objectClass?one", "mailto:x@example.org?subject=Hi%20there",
          "tel:+4930123", "https://example.org", "https://example.org:/"}) {
        CAPTURE(url);
        CHECK(normalized(url) == url);
    }
}

TEST_CASE("what cannot be repaired is reported") {
    CHECK(normalized("https://x.org/a\nb") == "error: it contains a line break");
    CHECK(normalized("https://x.org/a\tb") == "error: it contains a control character");
    CHECK(normalized("https://x.org:80a/") == "error: its port '80a' is not a number");
    CHECK(normalized("https://[example.org]/") ==
          "error: its host in [brackets] is not an IP address");
    CHECK(normalized("https://[::1]x/") ==
          "error: its host in [brackets] is followed by more than a port");
    CHECK(normalized("https:///path") == "error: it has no host name");
    CHECK(normalized("https://bücher.de/") ==
          "error: its host name 'bücher.de' is not ASCII; write it in its xn-- form");
    CHECK(normalized("https://foo.bar.`baz") ==
          "error: its host name 'foo.bar.`baz' has a character no host name has: '`'");
    CHECK(normalized("https:example.org") ==
          "error: a web address needs '//' and a host name after 'https:'");
}

TEST_CASE("links get the normalised URL; broken ones become text with a warning") {
    CHECK(body("[room](https://matrix.to/#/#room:example.org)") ==
          R"((p (a ext:https://matrix.to/#/%23room:example.org "room")))");
    CHECK(body("<https://example.com/\\[\\`>") ==
          R"((p (a ext:https://example.com/%5C%5B%5C%60 "https://example.com/\\[\\`")))");
    Parsed p;
    CHECK(body("Text [here](https://x.org/a&#10;b) and\n[there](https://x.org:8o/).", "de", &p) ==
          R"((p "Text here and" (soft) "there."))");
    CHECK(codes(p.sink) == "warning invalid-link 4:6\nwarning invalid-link 5:1");
    CHECK(p.sink.diagnostics()[0].message ==
          "link to 'https://x.org/a\\nb' removed: it is not a valid address (it contains a line "
          "break); the link text is kept");
}

TEST_CASE("raw HTML links are normalised too") {
    Parsed p;
    CHECK(body("<a href=\"https://x.org/a b\">x</a> <a href=\"https://x.org/a\nb\">y</a>", "de",
               &p) == R"((p (a ext:https://x.org/a%20b "x") " y"))");
    CHECK(codes(p.sink) == "warning invalid-link 4:35");
}

TEST_CASE("control characters in quoted values are escaped") {
    CHECK(escape_controls("a\nb\r\tc\x01\x7F") == "a\\nb\\r\\tc\\x01\\x7f");
    CHECK(escape_controls("Übung") == "Übung");
}

TEST_CASE("inline constructs on a paragraph's later lines have their own columns") {
    // cmark 0.30 put this autolink at column 45 (its offset in the paragraph).
    Parsed p;
    body(
        "A first line that is long enough to matter.\nSee <https://x.org/a&#10;b> or\n"
        "   <https://x.org:8o/>, *and* [this](https://x.org:9o/).\n\n"
        "> quoted <https://x.org:7o/>\n> and <https://x.org:6o/>",
        "de", &p);
    CHECK(codes(p.sink) ==
          "warning invalid-link 5:5\nwarning invalid-link 6:4\nwarning invalid-link 6:31\n"
          "warning invalid-link 8:10\nwarning invalid-link 9:7");
}
