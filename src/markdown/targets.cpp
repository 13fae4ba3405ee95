#include "targets.hpp"

#include "pamphlet/base/confine.hpp"
#include "pamphlet/image.hpp"

#include "urls.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>

namespace pamphlet {
namespace {

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The lower-case scheme of an absolute URL ("https"), or "" for a relative
// reference (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":").
std::string scheme_of(std::string_view url) {
    if (url.empty() || !is_alpha(url[0])) return "";
    for (std::size_t i = 0; i < url.size(); ++i) {
        const char c = url[i];
        if (c == ':') {
            std::string scheme;
            for (char s : url.substr(0, i)) scheme += ascii_lower(s);
            return scheme;
        }
        if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') break;
    }
    return "";
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = ascii_lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// cmark writes destinations percent-encoded into HTML; file names are not.
std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
            hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool is_unsafe_scheme(std::string_view scheme) {
    return scheme == "javascript" || scheme == "vbscript" || scheme == "data";
}

bool looks_like_language(std::string_view tag) {
    if (tag.size() < 2) return false;
    return std::all_of(tag.begin(), tag.end(), [](char c) { return is_alpha(c) || c == '-'; });
}

// "fascia", "fascia.md", "fascia.de.md" -> "fascia" when it names an article.
std::optional<std::string> article_named(std::string name, const ArticleInput& input) {
    auto known = [&](const std::string& id) {
        return input.article_ids &&
               std::find(input.article_ids->begin(), input.article_ids->end(), id) !=
                   input.article_ids->end();
    };
    if (name.ends_with(".md")) name.resize(name.size() - 3);
    if (known(name)) return name;
    const auto dot = name.rfind('.');
    if (dot != std::string::npos && looks_like_language(std::string_view(name).substr(dot + 1)) &&
        known(name.substr(0, dot)))
        return name.substr(0, dot);
    return std::nullopt;
}

std::string quoted(std::string_view url) {
    return "'" + escape_controls(url) + "'";
}

}  // namespace

std::optional<Target> resolve_link(std::string_view url, const ArticleInput& input,
                                   const SourceSpan& span, DiagnosticSink& sink) {
    Target target;
    target.url = std::string(url);
    const std::string scheme = scheme_of(url);
    if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") {
        UrlCheck check = normalize_url(url);
        if (!check.ok()) {
            sink.warning(span, "invalid-link",
                         "link to " + quoted(url) + " removed: it is not a valid address (" +
                             check.problem + "); the link text is kept");
            return std::nullopt;
        }
        target.kind = Target::Kind::external;
        target.url = std::move(check.url);
        return target;
    }
    if (is_unsafe_scheme(scheme)) {
        sink.warning(span, "unsafe-link",
                     "link to " + quoted(url) + " removed: " + scheme +
                         ": links are not allowed; the link text is kept");
        return std::nullopt;
    }
    if (!scheme.empty() || url.starts_with("//")) {
        sink.warning(span, "unsupported-link",
                     "link to " + quoted(url) +
                         " removed: only http, https, mailto and tel links are supported; the "
                         "link text is kept");
        return std::nullopt;
    }
    if (url.empty()) {
        sink.warning(span, "empty-link", "link without a destination; the link text is kept");
        return std::nullopt;
    }
    if (url.starts_with('#')) {
        target.kind = Target::Kind::fragment;
        target.fragment = percent_decode(url.substr(1));
        return target;
    }
    std::string_view path = url;
    std::string fragment;
    if (const auto hash = path.find('#'); hash != std::string_view::npos) {
        fragment = percent_decode(path.substr(hash + 1));
        path = path.substr(0, hash);
    }
    const std::filesystem::path relative =
        std::filesystem::path(percent_decode(path)).lexically_normal();
    if (!relative.has_parent_path() && !relative.empty()) {
        if (auto id = article_named(relative.filename().string(), input)) {
            target.kind = Target::Kind::article;
            target.article_id = *id;
            target.fragment = std::move(fragment);
            return target;
        }
    }
    sink.warning(span, "local-link",
                 "link to a local file that is not part of the collection: " + quoted(url) +
                     "; the link text is kept");
    return std::nullopt;
}

std::optional<ImageSource> resolve_image(std::string_view url, const ArticleInput& input,
                                         const SourceSpan& span, DiagnosticSink& sink) {
    ImageSource target;
    target.url = std::string(url);
    const std::string scheme = scheme_of(url);
    if (scheme == "http" || scheme == "https") {
        sink.warning(span, "remote-image",
                     "remote image " + quoted(url) +
                         " is not downloaded; its alt text is used instead (put the image next "
                         "to the article and link it by a relative path)");
        return std::nullopt;
    }
    if (!scheme.empty() || url.starts_with("//")) {
        sink.warning(
            span, "unsupported-image",
            "image " + quoted(url) + " is not a local file and is replaced by its alt text");
        return std::nullopt;
    }
    if (url.empty()) {
        sink.warning(span, "empty-image", "image without a source is replaced by its alt text");
        return std::nullopt;
    }
    const std::filesystem::path folder = input.path.parent_path();
    std::filesystem::path path =
        (folder / std::filesystem::path(percent_decode(url))).lexically_normal();
    std::error_code ec;
    if (path.is_relative()) {
        auto absolute = std::filesystem::absolute(path, ec);
        if (!ec) path = absolute.lexically_normal();
    }
    // Every picture of every article passes here: the one place that keeps
    // them inside the collection folder. Outside is decided before the file
    // is looked at, so whether it exists is never told either.
    std::optional<Confinement> own;
    if (input.confinement == nullptr)
        own.emplace(std::vector{input.collection_root.empty() ? folder : input.collection_root});
    const Confinement& collection = own ? *own : *input.confinement;
    if (const auto place = collection.place(path); place != Confinement::Place::inside) {
        sink.error(span, "outside-collection",
                   "image " + quoted(url) +
                       (place == Confinement::Place::link_outside
                            ? " leads outside the collection folder through a symbolic link"
                            : " is outside the collection folder") +
                       "; only files inside the collection are published");
        return target;
    }
    if (!std::filesystem::is_regular_file(path, ec)) {
        sink.error(span, "missing-file",
                   "image file " + quoted(url) + " not found (looked for " +
                       escape_controls(path.string()) + ")");
        return target;
    }
    target.asset = input.images != nullptr ? input.images->load(path) : load_image(path);
    report_image_verdict(target.asset->verdict(), target.asset->name(), span, sink);
    return target;
}

}  // namespace pamphlet
