#include "typography.hpp"

#include "pamphlet/markdown.hpp"
#include "utf8.hpp"

#include <array>
#include <string>

namespace pamphlet {
namespace {

// One character of a run. `piece` is the text inline it belongs to; -1
// marks a stand-in for something that is not text (code, an image, a line
// break), which gives context but is never changed.
struct Cell {
    char32_t c;
    int piece;
};
using Cells = std::vector<Cell>;

constexpr char32_t object_stand_in = 0xFFFC;
constexpr char32_t no_break_space = 0x00A0;
constexpr char32_t narrow_no_break_space = 0x202F;
constexpr char32_t en_dash = 0x2013;
constexpr char32_t em_dash = 0x2014;
constexpr char32_t ellipsis = 0x2026;
constexpr char32_t apostrophe = 0x2019;

struct Quotes {
    char32_t double_open, double_close, single_open, single_close;
};

bool is_german(std::string_view lang) {
    return lang.starts_with("de");
}

Quotes quotes_for(std::string_view lang) {
    if (is_german(lang)) return {0x201E, 0x201C, 0x201A, 0x2018};
    return {0x201C, 0x201D, 0x2018, 0x2019};
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == no_break_space ||
           c == narrow_no_break_space || (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}

bool is_upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

// Without a Unicode database: ASCII letters, and every non-ASCII character
// outside the Latin-1 symbols and the punctuation blocks.
bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
    if (c >= 0x3000 && c <= 0x303F) return false;
    return c != object_stand_in && c != 0xFFFD;
}

bool is_word(char32_t c) {
    return is_letter(c) || is_digit(c) || c == object_stand_in;
}

// Around a spaced hyphen: "Dehnen - nicht", "(sanft) - \"aber\"", but not
// ", - Liste".
bool ends_word(char32_t c) {
    return is_word(c) || std::u32string_view(U")]\"'!?.\u201C\u201D\u2018\u2019").find(c) !=
                             std::u32string_view::npos;
}
bool starts_word(char32_t c) {
    return is_word(c) || std::u32string_view(U"([\"'\u201E\u201C\u201A\u2018").find(c) !=
                             std::u32string_view::npos;
}

bool mutable_at(const Cells& cells, std::size_t i) {
    return i < cells.size() && cells[i].piece >= 0;
}

bool char_at(const Cells& cells, std::size_t i, char32_t c) {
    return mutable_at(cells, i) && cells[i].c == c;
}

// `--`, `---`, `...` and a hyphen standing alone between words. A pattern
// must lie within one text inline so no inline loses its only character.
Cells replace_dashes(const Cells& in) {
    Cells out;
    out.reserve(in.size());
    auto run_of = [&](std::size_t i, char32_t c, std::size_t n) {
        for (std::size_t k = 0; k < n; ++k)
            if (!char_at(in, i + k, c) || in[i + k].piece != in[i].piece) return false;
        return true;
    };
    for (std::size_t i = 0; i < in.size();) {
        const int piece = in[i].piece;
        if (run_of(i, '-', 3)) {
            out.push_back({em_dash, piece});
            i += 3;
        } else if (run_of(i, '-', 2)) {
            out.push_back({en_dash, piece});
            i += 2;
        } else if (run_of(i, '.', 3)) {
            out.push_back({ellipsis, piece});
            i += 3;
        } else if (char_at(in, i, '-') && i >= 2 && in[i - 1].c == ' ' && ends_word(in[i - 2].c) &&
                   i + 2 < in.size() && in[i + 1].c == ' ' && starts_word(in[i + 2].c)) {
            out.push_back({en_dash, piece});
            ++i;
        } else {
            out.push_back(in[i]);
            ++i;
        }
    }
    return out;
}

void replace_quotes(Cells& cells, const Quotes& q) {
    int open_singles = 0;
    bool previous_opens = true;  // the start of the run is an opening context
    for (std::size_t i = 0; i < cells.size(); ++i) {
        Cell& cell = cells[i];
        const char32_t prev = i > 0 ? cells[i - 1].c : U' ';
        const char32_t next = i + 1 < cells.size() ? cells[i + 1].c : U' ';
        const bool opening_context = i == 0 || previous_opens || is_space(prev) || prev == '(' ||
                                     prev == '[' || prev == '{' || prev == en_dash ||
                                     prev == em_dash;
        bool opens = false;
        if (cell.piece >= 0 && cell.c == '"') {
            opens = opening_context;
            cell.c = opens ? q.double_open : q.double_close;
        } else if (cell.piece >= 0 && cell.c == '\'') {
            if (is_word(prev) && is_letter(next)) {
                cell.c = apostrophe;  // it's, geht's
            } else if (opening_context && !is_digit(next)) {
                opens = true;
                ++open_singles;
                cell.c = q.single_open;
            } else if (!opening_context && open_singles > 0) {
                --open_singles;
                cell.c = q.single_close;
            } else {
                cell.c = apostrophe;  // the dogs' bowls, '90s
            }
        }
        previous_opens = opens;
    }
}

bool matches(const Cells& cells, std::size_t i, std::u32string_view pattern) {
    if (i + pattern.size() > cells.size()) return false;
    for (std::size_t k = 0; k < pattern.size(); ++k)
        if (cells[i + k].c != pattern[k]) return false;
    return true;
}

// `pattern` found at `i` as a whole word: no letter or digit just before it
// and, when it ends in a letter, none just after it.
bool matches_word(const Cells& cells, std::size_t i, std::u32string_view pattern) {
    if (!matches(cells, i, pattern)) return false;
    if (i > 0 && is_word(cells[i - 1].c)) return false;
    const std::size_t end = i + pattern.size();
    return !(is_word(pattern.back()) && end < cells.size() && is_word(cells[end].c));
}

void set_space(Cells& cells, std::size_t i, char32_t space) {
    if (char_at(cells, i, ' ')) cells[i].c = space;
}

struct Abbreviation {
    std::u32string_view text;
    bool before_name;  // "Dr. Meier" as well as "S. 4"
};

constexpr std::array german_multipart{
    U"z. B.",    U"d. h.", U"u. a.",    U"o. ä.",  U"u. U.", U"v. a.", U"z. T.",
    U"i. d. R.", U"s. o.", U"u. v. m.", U"z. Zt.", U"o. g.", U"u. Ä.", U"m. E.",
};
constexpr std::array english_multipart{U"e. g.", U"i. e."};

constexpr std::array german_abbreviations{
    Abbreviation{U"S.", false},   Abbreviation{U"Nr.", false},  Abbreviation{U"Abb.", false},
    Abbreviation{U"Tab.", false}, Abbreviation{U"Kap.", false}, Abbreviation{U"Bd.", false},
    Abbreviation{U"ca.", false},  Abbreviation{U"Dr.", true},   Abbreviation{U"Prof.", true},
    Abbreviation{U"Hr.", true},   Abbreviation{U"Fr.", true},   Abbreviation{U"St.", true},
};
constexpr std::array english_abbreviations{
    Abbreviation{U"p.", false},   Abbreviation{U"pp.", false},     Abbreviation{U"No.", false},
    Abbreviation{U"Fig.", false}, Abbreviation{U"Ch.", false},     Abbreviation{U"Vol.", false},
    Abbreviation{U"ca.", false},  Abbreviation{U"approx.", false}, Abbreviation{U"Dr.", true},
    Abbreviation{U"Prof.", true}, Abbreviation{U"Mr.", true},      Abbreviation{U"Mrs.", true},
    Abbreviation{U"Ms.", true},   Abbreviation{U"St.", true},
};

constexpr std::array german_units{
    U"%",       U"‰",       U"°C",     U"°",      U"€",     U"mm",      U"cm",     U"km",
    U"m",       U"kg",      U"mg",     U"g",      U"ml",    U"l",       U"kcal",   U"min",
    U"Min.",    U"s",       U"Sek.",   U"Std.",   U"h",     U"Minuten", U"Minute", U"Sekunden",
    U"Sekunde", U"Stunden", U"Stunde", U"Tagen",  U"Tage",  U"Tag",     U"Wochen", U"Woche",
    U"Monaten", U"Monate",  U"Monat",  U"Jahren", U"Jahre", U"Jahr",    U"Mal",    U"Grad",
    U"Liter",   U"Prozent", U"x",
};
constexpr std::array english_units{
    U"%",     U"‰",       U"°C",      U"°",      U"€",       U"mm",     U"cm",    U"km",
    U"m",     U"kg",      U"mg",      U"g",      U"ml",      U"l",      U"kcal",  U"min",
    U"s",     U"h",       U"seconds", U"second", U"minutes", U"minute", U"hours", U"hour",
    U"days",  U"day",     U"weeks",   U"week",   U"months",  U"month",  U"years", U"year",
    U"times", U"degrees", U"percent", U"x",
};

template <typename Multipart, typename Abbreviations, typename Units>
void replace_spaces(Cells& cells, const Multipart& multipart, const Abbreviations& abbreviations,
                    const Units& units) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        // Abbreviations start words: inside one, none of them can match
        // (matches_word says so too, after comparing every pattern).
        const bool word_start = i == 0 || !is_word(cells[i - 1].c);
        for (std::u32string_view pattern : multipart) {
            if (!word_start) break;
            if (!matches_word(cells, i, pattern)) continue;
            for (std::size_t k = 0; k < pattern.size(); ++k)
                if (pattern[k] == ' ') set_space(cells, i + k, narrow_no_break_space);
        }
        for (const Abbreviation& abbreviation : abbreviations) {
            if (!word_start) break;
            const std::size_t space = i + abbreviation.text.size();
            if (!matches_word(cells, i, abbreviation.text) || space + 1 >= cells.size()) continue;
            const char32_t next = cells[space + 1].c;
            if (is_digit(next) || (abbreviation.before_name && is_upper(next)))
                set_space(cells, space, no_break_space);
        }
        if (is_digit(cells[i].c) && i + 2 < cells.size() && cells[i + 1].c == ' ') {
            for (std::u32string_view unit : units) {
                if (!matches_word(cells, i + 2, unit)) continue;
                set_space(cells, i + 1, no_break_space);
                break;
            }
        }
    }
}

Cells typeset(Cells cells, std::string_view lang) {
    cells = replace_dashes(cells);
    replace_quotes(cells, quotes_for(lang));
    if (is_german(lang))
        replace_spaces(cells, german_multipart, german_abbreviations, german_units);
    else
        replace_spaces(cells, english_multipart, english_abbreviations, english_units);
    return cells;
}

void append_cells(Cells& cells, std::string_view text, int piece) {
    for (std::size_t pos = 0; pos < text.size();) {
        bool valid = true;
        cells.push_back({utf8::decode(text, pos, valid), piece});
    }
}

void collect(std::vector<Inline>& inlines, Cells& cells, std::vector<std::string*>& pieces) {
    for (Inline& in : inlines) {
        switch (in.kind) {
            case InlineKind::text:
                append_cells(cells, in.text, static_cast<int>(pieces.size()));
                pieces.push_back(&in.text);
                break;
            case InlineKind::soft_break:
            case InlineKind::line_break:
                cells.push_back({U' ', -1});
                break;
            case InlineKind::code:
            case InlineKind::image:
                cells.push_back({object_stand_in, -1});
                break;
            case InlineKind::emphasis:
            case InlineKind::strong:
            case InlineKind::link:
            case InlineKind::superscript:
            case InlineKind::subscript:
                collect(in.children, cells, pieces);
                break;
        }
    }
}

}  // namespace

void apply_typography(std::vector<Inline>& inlines, std::string_view lang) {
    Cells cells;
    std::vector<std::string*> pieces;
    collect(inlines, cells, pieces);
    if (pieces.empty()) return;
    cells = typeset(std::move(cells), lang);
    for (std::string* piece : pieces) piece->clear();
    for (const Cell& cell : cells)
        if (cell.piece >= 0) utf8::append(*pieces[static_cast<std::size_t>(cell.piece)], cell.c);
}

std::string apply_typography(std::string_view text, std::string_view lang) {
    Cells cells;
    append_cells(cells, text, 0);
    std::string out;
    for (const Cell& cell : typeset(std::move(cells), lang)) utf8::append(out, cell.c);
    return out;
}

}  // namespace pamphlet
