// Link destinations made into URLs that RFC 3986 allows in an href, once,
// when Markdown becomes the model: the EPUB and the PDF get the same URL.
#pragma once

#include <string>
#include <string_view>

namespace pamphlet {

// A normalised URL, or why the destination cannot be one.
struct UrlCheck {
    std::string url;      // valid when `problem` is empty
    std::string problem;  // "it contains a line break", for "…: <problem>"
    bool ok() const { return problem.empty(); }
};

// Percent-encodes every character the URL's component does not allow:
// space, '"', '<', '>', '\', '^', '`', '{', '|', '}', '[' and ']' outside an
// IP-literal host, a second '#', non-ASCII outside the host name (as its
// UTF-8 bytes), and a '%' that does not start an escape ("%25"). Valid
// escapes stay as written.
// `url` must start with a scheme ("https:"). Control characters (a line
// break), a port that is not a number, a bracketed host that is not an IP
// address, a host name with anything but ASCII letters, digits and "-._~"
// (epubcheck rejects "bücher.de" and "b%C3%BCcher.de" alike: it wants the
// xn-- form) and a web address without a host cannot be repaired.
UrlCheck normalize_url(std::string_view url);

// `text` with control characters written as escapes (\n, \t, \x01), so that
// a quoted value never breaks a one-line message.
std::string escape_controls(std::string_view text);

}  // namespace pamphlet
