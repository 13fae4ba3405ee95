// Finds the first right-to-left character in an article's text, in reading
// order, and points at it in the Markdown file.
#include "pamphlet/text_direction.hpp"

#include "pamphlet/base/utf8.hpp"
#include "pamphlet/scripts.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace pamphlet {

namespace {

struct RightToLeft {
    char32_t c = 0;
    std::string script;  // ISO 15924
    SourceSpan near;     // the text it is in; no position for front matter
};

std::optional<RightToLeft> find_in(std::string_view text, const SourceSpan& span) {
    // Hebrew, the first right-to-left script, begins at U+0590: only a lead
    // byte from 0xD6 on can begin such a character (a continuation byte is
    // below 0xC0, so no character is cut by passing over the others).
    constexpr char32_t first_right_to_left = 0x0590;
    constexpr unsigned char first_lead = 0xD6;
    namespace eight = utf8::eight;
    for (std::size_t pos = 0; pos < text.size();) {
        pos = eight::skip_unflagged(text, pos, [](std::uint64_t x) { return x & eight::highs; });
        if (pos == text.size()) break;
        if (static_cast<unsigned char>(text[pos]) < first_lead) {
            ++pos;
            continue;
        }
        bool valid = true;
        const char32_t c = utf8::decode(text, pos, valid);
        if (c < first_right_to_left) continue;
        std::string script = script_of(c);
        if (is_right_to_left(script)) return RightToLeft{c, std::move(script), span};
    }
    return std::nullopt;
}

std::optional<RightToLeft> find_in(const std::vector<Inline>& inlines) {
    for (const Inline& item : inlines) {
        if (auto found = find_in(item.text, item.span)) return found;
        if (auto found = find_in(item.title(), item.span)) return found;
        if (auto found = find_in(item.children)) return found;
    }
    return std::nullopt;
}

std::optional<RightToLeft> find_in(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
        if (auto found = find_in(block.text, block.span)) return found;
        if (auto found = find_in(block.inlines)) return found;
        if (auto found = find_in(block.caption)) return found;
        if (auto found = find_in(block.children)) return found;
    }
    return std::nullopt;
}

std::optional<RightToLeft> find_in(const Article& article) {
    const SourceSpan front_matter = article.span;
    for (const std::string* field : {&article.title, &article.summary, &article.author})
        if (auto found = find_in(*field, front_matter)) return found;
    for (const std::string& tag : article.tags)
        if (auto found = find_in(tag, front_matter)) return found;
    if (article.image)
        if (auto found = find_in(article.image->alt, article.image->span)) return found;
    return article.body ? find_in(*article.body) : std::nullopt;
}

// The place of `c`'s first occurrence in `source` at or after `from` (the
// start of the text the model found it in: typography may have changed the
// text before it, never a right-to-left letter); `from` itself when the
// character is not there.
SourceSpan locate(std::string_view source, char32_t c, const SourceSpan& from) {
    std::string bytes;
    utf8::append(bytes, c);
    std::size_t start = 0;
    int line = 1;
    if (from.has_position()) {
        while (line < from.begin.line && start < source.size()) {
            const std::size_t newline = source.find('\n', start);
            if (newline == std::string_view::npos) return from;
            start = newline + 1;
            ++line;
        }
        start += static_cast<std::size_t>(std::max(from.begin.column, 1) - 1);
    }
    const std::size_t at = start <= source.size() ? source.find(bytes, start) : source.npos;
    if (at == std::string_view::npos) return from;
    int found_line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < at; ++i) {
        if (source[i] == '\n') {
            ++found_line;
            line_start = i + 1;
        }
    }
    return SourceSpan::at(from.file, found_line, static_cast<int>(at - line_start) + 1);
}

}  // namespace

bool check_text_direction(const Article& article, std::string_view source, DiagnosticSink& sink) {
    const std::optional<RightToLeft> found = find_in(article);
    if (!found) return true;
    const std::string name = script_name(found->script);
    std::string shown;
    utf8::append(shown, found->c);
    sink.error(locate(source, found->c, found->near), "right-to-left-text",
               "right-to-left text (" + name + ", '" + shown +
                   "') is not supported yet: the PDF would show its words left to right, in "
                   "reverse order, and the EPUB could not mark its direction; remove it, or "
                   "leave this article out until pamphlet supports right-to-left text");
    return false;
}

}  // namespace pamphlet
