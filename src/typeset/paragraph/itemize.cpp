#include "paragraph/itemize.hpp"

#include "pamphlet/base/utf8.hpp"
#include "pamphlet/scripts.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

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

// Letters and marks of a script, as opposed to what all scripts share.
bool is_letter(std::string_view script) {
    return script != script_common && script != script_inherited && script != script_emoji;
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
                                        UncoveredText& uncovered) {
    std::vector<ResolvedChar> chars;
    // The script of the last letter met, and whether no font had it: a
    // missing comma or full stop between missing letters ("，", "،") belongs
    // to their script, not to the symbols.
    std::string letters_script;
    bool letters_uncovered = false;
    for (std::size_t p = 0; p < spec.pieces.size(); ++p) {
        const TextPiece& piece = spec.pieces[p];
        const int piece_index = static_cast<int>(p);
        const auto& fallbacks = piece.style.fallbacks;
        auto font_for = [&](char32_t c) {
            if (fonts.has_glyph(piece.style.font, c)) return piece.style.font;
            const auto found = std::find_if(fallbacks.begin(), fallbacks.end(),
                                            [&](int f) { return fonts.has_glyph(f, c); });
            return found != fallbacks.end() ? *found : -1;
        };
        std::size_t pos = 0;
        bool valid = true;
        bool same_line = true;  // no line break in piece.text before `pos`
        while (pos < piece.text.size()) {
            const std::size_t at = pos;  // bytes into the piece, for the column
            const char32_t c = utf8::decode(piece.text, pos, valid);
            const int previous_font =
                !chars.empty() && chars.back().piece == piece_index ? chars.back().font : -1;
            int font = -1;
            if (c == U'\n' || c == U'\t' || c == U'\r' || is_default_ignorable(c)) {
                font = previous_font >= 0 ? previous_font : piece.style.font;
            } else if (is_combining_mark(c) && previous_font >= 0 &&
                       fonts.has_glyph(previous_font, c)) {
                font = previous_font;
            } else {
                font = font_for(c);
            }
            if (c == U'\n') same_line = false;
            if (font >= 0) {
                // Only a letter of another script ends a run of missing ones.
                if (letters_uncovered &&
                    (c < 0x80 ? std::isalpha(static_cast<int>(c)) != 0 : is_letter(script_of(c))))
                    letters_uncovered = false;
                chars.push_back({c, piece_index, font, static_cast<std::uint32_t>(at)});
                continue;
            }
            std::string script = script_of(c);
            if (is_letter(script)) {
                letters_script = script;
                letters_uncovered = true;
            } else if (script != script_emoji && letters_uncovered) {
                script = letters_script;
            }
            SourceSpan span = piece.span;
            if (same_line && span.begin.column > 0) {
                span.begin.column += static_cast<int>(at);
                span.end = span.begin;
            }
            const int replacement = font_for(utf8::replacement_character);
            uncovered.add(c, script, span, replacement >= 0);
            if (replacement >= 0)
                chars.push_back({utf8::replacement_character, piece_index, replacement,
                                 static_cast<std::uint32_t>(at)});
        }
    }
    return chars;
}

}  // namespace pamphlet::typeset
