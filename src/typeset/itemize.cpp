#include "itemize.hpp"

#include "pamphlet/base/utf8.hpp"

#include <algorithm>
#include <set>

namespace pamphlet::typeset {

namespace {

// Format characters HarfBuzz hides (soft hyphen, zero-width joiners,
// variation selectors, ...): drawn from whatever font their neighbours use.
bool is_default_ignorable(char32_t c) {
    return c == 0x00AD || c == 0x034F || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) ||
           (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || (c >= 0xE0100 && c <= 0xE01EF);
}

// Marks must stay in their base character's font to be positioned on it.
bool is_combining_mark(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

}  // namespace

std::string describe_char(char32_t c) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string digits;
    for (char32_t v = c; v != 0 || digits.size() < 4; v >>= 4)
        digits.insert(digits.begin(), hex[v & 0xF]);
    std::string out = "U+" + digits + " '";
    utf8::append(out, c);
    return out + "'";
}

std::vector<ResolvedChar> resolve_fonts(const ParagraphSpec& spec, const FontSet& fonts,
                                        DiagnosticSink& sink) {
    std::vector<ResolvedChar> chars;
    std::set<char32_t> reported;
    for (std::size_t p = 0; p < spec.pieces.size(); ++p) {
        const TextPiece& piece = spec.pieces[p];
        const int piece_index = static_cast<int>(p);
        std::vector<char32_t> missing;
        utf8::for_each(piece.text, [&](char32_t c) {
            const int previous_font =
                !chars.empty() && chars.back().piece == piece_index ? chars.back().font : -1;
            int font = -1;
            if (c == U'\n' || c == U'\t' || c == U'\r' || is_default_ignorable(c)) {
                font = previous_font >= 0 ? previous_font : piece.style.font;
            } else if (is_combining_mark(c) && previous_font >= 0 &&
                       fonts.has_glyph(previous_font, c)) {
                font = previous_font;
            } else if (fonts.has_glyph(piece.style.font, c)) {
                font = piece.style.font;
            } else {
                const auto& fallbacks = piece.style.fallbacks;
                const auto found = std::find_if(fallbacks.begin(), fallbacks.end(),
                                                [&](int f) { return fonts.has_glyph(f, c); });
                if (found != fallbacks.end()) font = *found;
            }
            if (font < 0) {
                if (reported.insert(c).second) missing.push_back(c);
                return;
            }
            chars.push_back({c, piece_index, font});
        });
        if (!missing.empty()) {
            std::string names;
            for (char32_t c : missing) names += (names.empty() ? "" : ", ") + describe_char(c);
            sink.warning(piece.span, "missing-glyph",
                         "no font has a glyph for " + names +
                             (missing.size() == 1 ? "; it is left out" : "; they are left out"));
        }
    }
    return chars;
}

}  // namespace pamphlet::typeset
