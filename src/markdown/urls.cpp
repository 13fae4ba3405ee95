#include "urls.hpp"

namespace pamphlet {
namespace {

bool is_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_hex(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_unreserved(unsigned char c) {
    return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool is_sub_delim(unsigned char c) {
    return std::string_view("!$&'()*+,;=").find(static_cast<char>(c)) != std::string_view::npos;
}
bool is_control(unsigned char c) {
    return c < 0x20 || c == 0x7F;
}

// RFC 3986's character classes of the components, '%' aside.
bool in_userinfo(unsigned char c) {
    return is_unreserved(c) || is_sub_delim(c) || c == ':';
}
bool in_host(unsigned char c) {
    return is_unreserved(c) || is_sub_delim(c);
}
bool in_path(unsigned char c) {
    return is_unreserved(c) || is_sub_delim(c) || c == ':' || c == '@' || c == '/';
}
bool in_query(unsigned char c) {
    return in_path(c) || c == '?';
}

void append_hex(std::string& out, unsigned char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    out += '%';
    out += digits[c >> 4];
    out += digits[c & 0xF];
}

// `part` with every character outside `allowed` percent-encoded.
void append_encoded(std::string& out, std::string_view part, bool (*allowed)(unsigned char)) {
    for (std::size_t i = 0; i < part.size(); ++i) {
        const auto c = static_cast<unsigned char>(part[i]);
        if (c == '%' && i + 2 < part.size() && is_hex(static_cast<unsigned char>(part[i + 1])) &&
            is_hex(static_cast<unsigned char>(part[i + 2]))) {
            out += part.substr(i, 3);
            i += 2;
        } else if (c != '%' && allowed(c)) {
            out += static_cast<char>(c);
        } else {
            append_hex(out, c);
        }
    }
}

UrlCheck failure(std::string problem) {
    return UrlCheck{{}, std::move(problem)};
}

// "user@host:port", the part between "//" and the path.
std::string normalize_authority(std::string_view authority, std::string& problem) {
    std::string out;
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
        append_encoded(out, authority.substr(0, at), in_userinfo);
        out += '@';
        authority.remove_prefix(at + 1);
    }
    std::string_view host = authority;
    std::string_view port;
    if (host.starts_with('[')) {
        const auto close = host.find(']');
        const std::string_view literal =
            host.substr(1, close == std::string_view::npos ? host.size() - 1 : close - 1);
        bool ip = close != std::string_view::npos && !literal.empty();
        for (char c : literal)
            ip = ip && (is_hex(static_cast<unsigned char>(c)) || c == ':' || c == '.');
        if (!ip) {
            problem = "its host in [brackets] is not an IP address";
            return {};
        }
        out += host.substr(0, close + 1);
        host.remove_prefix(close + 1);
        if (!host.empty() && !host.starts_with(':')) {
            problem = "its host in [brackets] is followed by more than a port";
            return {};
        }
        port = host;
    } else {
        if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
            port = host.substr(colon);
            host = host.substr(0, colon);
        }
        if (host.empty()) {
            problem = "it has no host name";
            return {};
        }
        // RFC 3986 would take "foo.bar.%60baz" and "b%C3%BCcher.de";
        // epubcheck 4.2 takes neither, nor "bücher.de" as written: a host
        // name must be ASCII (an international one in its xn-- form).
        for (char c : host) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x80) {
                problem = "its host name '" + std::string(host) +
                          "' is not ASCII; write it in its xn-- form";
                return {};
            }
            if (!is_unreserved(u) && c != '%') {
                problem = "its host name '" + std::string(host) +
                          "' has a character no host name has: '" + c + "'";
                return {};
            }
        }
        append_encoded(out, host, in_host);
    }
    if (!port.empty()) {
        for (char c : port.substr(1)) {
            if (c < '0' || c > '9') {
                problem = "its port '" + std::string(port.substr(1)) + "' is not a number";
                return {};
            }
        }
        out += port;
    }
    return out;
}

}  // namespace

UrlCheck normalize_url(std::string_view url) {
    for (char c : url)
        if (is_control(static_cast<unsigned char>(c)))
            return failure(c == '\n' || c == '\r' ? "it contains a line break"
                                                  : "it contains a control character");
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return failure("it has no scheme");
    for (std::size_t i = 0; i < colon; ++i) {
        const auto c = static_cast<unsigned char>(url[i]);
        if (!(is_alnum(c) || (i > 0 && (c == '+' || c == '-' || c == '.'))) ||
            (i == 0 && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')))
            return failure("its scheme '" + std::string(url.substr(0, colon)) + "' is not valid");
    }
    std::string out(url.substr(0, colon + 1));
    std::string_view rest = url.substr(colon + 1);
    std::string scheme;
    for (char c : url.substr(0, colon))
        scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const bool web = scheme == "http" || scheme == "https";
    if (rest.starts_with("//")) {
        rest.remove_prefix(2);
        const auto end = rest.find_first_of("/?#");
        std::string problem;
        std::string authority =
            normalize_authority(rest.substr(0, std::min(end, rest.size())), problem);
        if (!problem.empty()) return failure(problem);
        out += "//" + authority;
        rest.remove_prefix(std::min(end, rest.size()));
    } else if (web) {
        return failure("a web address needs '//' and a host name after '" + scheme + ":'");
    }
    const auto query = rest.find_first_of("?#");
    append_encoded(out, rest.substr(0, std::min(query, rest.size())), in_path);
    rest.remove_prefix(std::min(query, rest.size()));
    if (rest.starts_with('?')) {
        const auto hash = rest.find('#');
        out += '?';
        append_encoded(out, rest.substr(1, std::min(hash, rest.size()) - 1), in_query);
        rest.remove_prefix(std::min(hash, rest.size()));
    }
    if (rest.starts_with('#')) {
        out += '#';
        append_encoded(out, rest.substr(1), in_query);  // a second '#' becomes %23
    }
    return UrlCheck{std::move(out), {}};
}

std::string escape_controls(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (is_control(u)) {
            static constexpr char digits[] = "0123456789abcdef";
            out += "\\x";
            out += digits[u >> 4];
            out += digits[u & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace pamphlet
