#include "typography.hpp"

#include "pamphlet/markdown.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cassert>
#include <span>
#include <string>

namespace pamphlet {
namespace {

// A paragraph's text is scanned once, as one run of UTF-8 bytes: the text
// inlines one after another, with stand-ins for what is not text. Every
// rule looks at the input around a trigger byte (all triggers are ASCII:
// - . " ' a space, a digit, the first letter of an abbreviation) and
// records what to replace; only the text inlines that change are rebuilt.
// The rules behave as if applied one after another over the whole run:
// dashes and ellipses first, then quotes, then no-break spaces.

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

struct Abbreviation {
    std::string_view text;
    bool before_name;  // "Dr. Meier" as well as "S. 4"
};

constexpr std::string_view german_multipart[]{
    "z. B.",    "d. h.", "u. a.",    "o. ä.",  "u. U.", "v. a.", "z. T.",
    "i. d. R.", "s. o.", "u. v. m.", "z. Zt.", "o. g.", "u. Ä.", "m. E.",
};
constexpr std::string_view english_multipart[]{"e. g.", "i. e."};

constexpr Abbreviation german_abbreviations[]{
    {"S.", false},   {"Nr.", false}, {"Abb.", false}, {"Tab.", false},
    {"Kap.", false}, {"Bd.", false}, {"ca.", false},  {"Dr.", true},
    {"Prof.", true}, {"Hr.", true},  {"Fr.", true},   {"St.", true},
};
constexpr Abbreviation english_abbreviations[]{
    {"p.", false},   {"pp.", false}, {"No.", false},     {"Fig.", false}, {"Ch.", false},
    {"Vol.", false}, {"ca.", false}, {"approx.", false}, {"Dr.", true},   {"Prof.", true},
    {"Mr.", true},   {"Mrs.", true}, {"Ms.", true},      {"St.", true},
};

constexpr std::string_view german_units[]{
    "%",     "‰",    "°C",  "°",       "€",      "mm",       "cm",      "km",      "m",
    "kg",    "mg",   "g",   "ml",      "l",      "kcal",     "min",     "Min.",    "s",
    "Sek.",  "Std.", "h",   "Minuten", "Minute", "Sekunden", "Sekunde", "Stunden", "Stunde",
    "Tagen", "Tage", "Tag", "Wochen",  "Woche",  "Monaten",  "Monate",  "Monat",   "Jahren",
    "Jahre", "Jahr", "Mal", "Grad",    "Liter",  "Prozent",  "x",
};
constexpr std::string_view english_units[]{
    "%",       "‰",      "°C",      "°",      "€",     "mm",    "cm",      "km",      "m",
    "kg",      "mg",     "g",       "ml",     "l",     "kcal",  "min",     "s",       "h",
    "seconds", "second", "minutes", "minute", "hours", "hour",  "days",    "day",     "weeks",
    "week",    "months", "month",   "years",  "year",  "times", "degrees", "percent", "x",
};

// Patterns are compared with the input bytes, not with the dashes and
// ellipses the input turns into; that is only the same when no pattern holds
// one of them (a '.' that becomes part of an ellipsis is checked for).
constexpr bool holds_no_dash_result(std::string_view pattern) {
    return pattern.find("\u2013") == std::string_view::npos &&
           pattern.find("\u2014") == std::string_view::npos &&
           pattern.find("\u2026") == std::string_view::npos;
}
template <typename Table, typename Text>
constexpr bool table_holds_no_dash_result(const Table& table, Text text) {
    return std::all_of(std::begin(table), std::end(table),
                       [&](const auto& entry) { return holds_no_dash_result(text(entry)); });
}
constexpr auto itself = [](std::string_view s) { return s; };
constexpr auto abbreviation_text = [](const Abbreviation& a) { return a.text; };
static_assert(table_holds_no_dash_result(german_multipart, itself) &&
              table_holds_no_dash_result(english_multipart, itself) &&
              table_holds_no_dash_result(german_units, itself) &&
              table_holds_no_dash_result(english_units, itself) &&
              table_holds_no_dash_result(german_abbreviations, abbreviation_text) &&
              table_holds_no_dash_result(english_abbreviations, abbreviation_text));

constexpr bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Abbreviations, one-part or many, start with ASCII letters and a period:
// the scan looks for that shape before comparing any of them.
constexpr bool starts_with_letters_and_period(std::string_view pattern) {
    std::size_t k = 0;
    while (k < pattern.size() && is_ascii_letter(pattern[k])) ++k;
    return k > 0 && k < pattern.size() && pattern[k] == '.';
}
static_assert(
    std::all_of(std::begin(german_multipart), std::end(german_multipart),
                starts_with_letters_and_period) &&
    std::all_of(std::begin(english_multipart), std::end(english_multipart),
                starts_with_letters_and_period) &&
    std::all_of(std::begin(german_abbreviations), std::end(german_abbreviations),
                [](const Abbreviation& a) { return starts_with_letters_and_period(a.text); }) &&
    std::all_of(std::begin(english_abbreviations), std::end(english_abbreviations),
                [](const Abbreviation& a) { return starts_with_letters_and_period(a.text); }));

// The first bytes of a table's patterns, so that most letters and digits are
// passed over without comparing a single pattern.
struct FirstBytes {
    bool has[256] = {};
    constexpr void add(std::string_view s) { has[static_cast<unsigned char>(s.front())] = true; }
    bool operator()(char c) const { return has[static_cast<unsigned char>(c)]; }
};

struct Language {
    Quotes quotes;
    std::span<const std::string_view> multipart;
    std::span<const Abbreviation> abbreviations;
    std::span<const std::string_view> units;
    FirstBytes abbreviation_starts;  // of multipart and abbreviations
    FirstBytes unit_starts;
    FirstBytes triggers;  // every byte the scan stops at
};

constexpr Language make_language(Quotes quotes, std::span<const std::string_view> multipart,
                                 std::span<const Abbreviation> abbreviations,
                                 std::span<const std::string_view> units) {
    Language language{quotes, multipart, abbreviations, units, {}, {}, {}};
    for (std::string_view s : multipart) language.abbreviation_starts.add(s);
    for (const Abbreviation& a : abbreviations) language.abbreviation_starts.add(a.text);
    for (std::string_view s : units) language.unit_starts.add(s);
    language.triggers = language.abbreviation_starts;
    for (std::string_view s :
         {"-", ".", "\"", "'", " ", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})
        language.triggers.add(s);
    return language;
}

constexpr Language german = make_language({0x201E, 0x201C, 0x201A, 0x2018}, german_multipart,
                                          german_abbreviations, german_units);
constexpr Language english = make_language({0x201C, 0x201D, 0x2018, 0x2019}, english_multipart,
                                           english_abbreviations, english_units);

const Language& language_for(std::string_view lang) {
    return is_german(lang) ? german : english;
}

// One text inline (`piece` >= 0) or one stand-in (-1) in the run.
struct Segment {
    std::size_t begin, end;  // bytes of the run
    int piece;
};

// Bytes [begin, end) of the run become `c`.
struct Edit {
    std::size_t begin, end;
    char32_t c;
};

bool is_valid_utf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        bool valid = true;
        utf8::decode(text, pos, valid);
        if (!valid) return false;
    }
    return true;
}

// A paragraph's text as one run (see above).
struct Run {
    std::string_view text;
    std::vector<Segment> segments;
    std::vector<std::string*> pieces;
    std::vector<bool> repaired;  // by piece: ill-formed UTF-8 replaced in the run

    void collect(std::vector<Inline>& inlines) {
        for (Inline& in : inlines) {
            switch (in.kind) {
                case InlineKind::text:
                    add_piece(in.text);
                    break;
                case InlineKind::soft_break:
                case InlineKind::line_break:
                    add_stand_in(U' ');
                    break;
                case InlineKind::code:
                case InlineKind::image:
                case InlineKind::footnote_ref:
                    add_stand_in(object_stand_in);
                    break;
                case InlineKind::strikethrough:
                case InlineKind::emphasis:
                case InlineKind::strong:
                case InlineKind::link:
                case InlineKind::superscript:
                case InlineKind::subscript:
                case InlineKind::language:
                    collect(in.children);
                    break;
            }
        }
    }

    // The run of a paragraph made of one well-formed text inline is that
    // inline's own text; otherwise the pieces are copied together.
    void add_piece(std::string& piece) {
        const bool valid = is_valid_utf8(piece);
        if (segments.empty() && valid) text = piece;
        if (!segments.empty() || !valid) {
            if (storage_.empty() && !text.empty()) storage_ = text;
            const std::size_t begin = storage_.size();
            if (valid)
                storage_ += piece;
            else
                utf8::for_each(piece, [&](char32_t c) { utf8::append(storage_, c); });
            text = storage_;
            segments.push_back({begin, storage_.size(), static_cast<int>(pieces.size())});
        } else {
            segments.push_back({0, piece.size(), 0});
        }
        pieces.push_back(&piece);
        repaired.push_back(!valid);
    }

    void add_stand_in(char32_t c) {
        if (storage_.empty() && !text.empty()) storage_ = text;
        const std::size_t begin = storage_.size();
        utf8::append(storage_, c);
        text = storage_;
        segments.push_back({begin, storage_.size(), -1});
    }

    const Segment& segment_of(std::size_t pos) const {
        auto after = std::upper_bound(segments.begin(), segments.end(), pos,
                                      [](std::size_t p, const Segment& s) { return p < s.begin; });
        return *(after - 1);
    }

private:
    std::string storage_;  // the run, unless it is one piece's own text
};

class Scanner {
public:
    Scanner(const Run& run, const Language& language)
        : run_(run), text_(run.text), lang_(language) {}

    // Every replacement, in the order of the run.
    std::vector<Edit> scan() {
        for (const Segment& segment : run_.segments)
            if (segment.piece >= 0) scan_piece(segment);
        assert(pending_spaces_.empty());
        return std::move(edits_);
    }

private:
    const Run& run_;
    std::string_view text_;
    const Language& lang_;
    std::vector<Edit> edits_;
    // Spaces ahead of the scan that an abbreviation or a unit before them
    // turns into no-break spaces, by position; the first rule to claim a
    // space decides which.
    std::vector<Edit> pending_spaces_;
    std::size_t after_opening_quote_ = 0;  // the byte after the last opening quote
    int open_singles_ = 0;

    char32_t char_at(std::size_t pos) const {
        bool valid = true;
        return utf8::decode(text_, pos, valid);
    }

    char32_t char_before(std::size_t pos) const {
        std::size_t start = pos - 1;
        while (start > 0 && pos - start < 4 &&
               (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80)
            --start;
        return char_at(start);
    }

    bool word_before(std::size_t pos) const {
        if (pos == 0) return false;
        const auto byte = static_cast<unsigned char>(text_[pos - 1]);
        if (byte < 0x80) return is_word(byte);
        return is_word(char_before(pos));
    }

    void scan_piece(const Segment& segment) {
        for (std::size_t i = segment.begin; i < segment.end;) {
            const char c = text_[i];
            if (is_ascii_letter(c)) {
                // A word of ASCII letters: only its first can start an
                // abbreviation (the others have a letter before them), and
                // none is a trigger otherwise. Passed over in one go.
                if (lang_.abbreviation_starts(c) && !word_before(i)) spaces_in_abbreviations(i);
                ++i;
                while (i < segment.end && is_ascii_letter(text_[i])) ++i;
                continue;
            }
            if (!lang_.triggers(c)) {
                ++i;
                continue;
            }
            if (c == '-' || c == '.') {
                i = replace_dash_run(i, segment);
                continue;
            }
            if (c == '"' || c == '\'') {
                replace_quote(i, c);
            } else if (c == ' ') {
                if (!pending_spaces_.empty() && pending_spaces_.front().begin == i) {
                    edits_.push_back(pending_spaces_.front());
                    pending_spaces_.erase(pending_spaces_.begin());
                }
            } else if (is_digit(static_cast<unsigned char>(c))) {
                space_before_unit(i);
            } else if (lang_.abbreviation_starts(c) && !word_before(i)) {
                spaces_in_abbreviations(i);
            }
            ++i;
        }
    }

    // The length of the run of `c` from `pos` within `segment`'s bytes.
    std::size_t run_length(std::size_t pos, char c, const Segment& segment) const {
        std::size_t end = pos;
        while (end < segment.end && text_[end] == c) ++end;
        return end - pos;
    }

    // A '-' standing alone between words, with a space on either side.
    bool spaced_hyphen(std::size_t pos) const {
        return pos >= 2 && text_[pos - 1] == ' ' && ends_word(char_before(pos - 1)) &&
               pos + 2 < text_.size() && text_[pos + 1] == ' ' && starts_word(char_at(pos + 2));
    }

    // `---`, `--` and `...` from the left, within one text inline so that no
    // inline loses its only character; a spaced hyphen. Returns the end of
    // the run of '-' or '.' that starts at `pos`.
    std::size_t replace_dash_run(std::size_t pos, const Segment& segment) {
        const char c = text_[pos];
        const std::size_t length = run_length(pos, c, segment);
        const std::size_t end = pos + length;
        std::size_t at = pos;
        if (c == '.') {
            for (; end - at >= 3; at += 3) edits_.push_back({at, at + 3, ellipsis});
            return end;
        }
        for (; end - at >= 3; at += 3) edits_.push_back({at, at + 3, em_dash});
        if (end - at == 2)
            edits_.push_back({at, at + 2, en_dash});
        else if (length == 1 && spaced_hyphen(pos))
            edits_.push_back({pos, pos + 1, en_dash});
        return end;
    }

    // Whether the '-' or '.' at `pos` becomes (part of) a dash or an ellipsis.
    bool replaced_by_dashes(std::size_t pos) const {
        const Segment& segment = run_.segment_of(pos);
        if (segment.piece < 0) return false;
        const char c = text_[pos];
        std::size_t start = pos;
        while (start > segment.begin && text_[start - 1] == c) --start;
        const std::size_t length = run_length(start, c, segment);
        const std::size_t offset = pos - start;
        if (c == '.') return offset < length / 3 * 3;
        if (offset < length / 3 * 3 + (length % 3 == 2 ? 2 : 0)) return true;
        return length == 1 && spaced_hyphen(pos);
    }

    void replace_quote(std::size_t pos, char c) {
        const Quotes& q = lang_.quotes;
        const char32_t prev = pos > 0 ? char_before(pos) : U' ';
        const char32_t next = pos + 1 < text_.size() ? char_at(pos + 1) : U' ';
        const bool dash_before = prev == '-' && !edits_.empty() && edits_.back().end == pos &&
                                 (edits_.back().c == en_dash || edits_.back().c == em_dash);
        const bool opening_context = pos == 0 || after_opening_quote_ == pos || is_space(prev) ||
                                     prev == '(' || prev == '[' || prev == '{' || prev == en_dash ||
                                     prev == em_dash || dash_before;
        bool opens = false;
        char32_t out;
        if (c == '"') {
            opens = opening_context;
            out = opens ? q.double_open : q.double_close;
        } else if (is_word(prev) && is_letter(next)) {
            out = apostrophe;  // it's, geht's
        } else if (opening_context && !is_digit(next)) {
            opens = true;
            ++open_singles_;
            out = q.single_open;
        } else if (!opening_context && open_singles_ > 0) {
            --open_singles_;
            out = q.single_close;
        } else {
            out = apostrophe;  // the dogs' bowls, '90s
        }
        if (opens) after_opening_quote_ = pos + 1;
        edits_.push_back({pos, pos + 1, out});
    }

    // `pattern` at `pos` as a whole word: no letter or digit just before it
    // and, when it ends in a letter, none just after it; none of its
    // characters part of a dash or an ellipsis.
    bool matches_word(std::size_t pos, std::string_view pattern) const {
        if (pattern.size() > text_.size() - pos) return false;
        // Patterns are a few bytes long: a loop beats a call to memcmp.
        for (std::size_t k = 0; k < pattern.size(); ++k)
            if (text_[pos + k] != pattern[k]) return false;
        for (std::size_t k = 0; k < pattern.size(); ++k)
            if ((pattern[k] == '.' || pattern[k] == '-') && replaced_by_dashes(pos + k))
                return false;
        if (word_before(pos)) return false;
        const std::size_t end = pos + pattern.size();
        return !(end < text_.size() && is_word(char_before_end(pattern)) && is_word(char_at(end)));
    }

    static char32_t char_before_end(std::string_view pattern) {
        std::size_t start = pattern.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(pattern[start]) & 0xC0) == 0x80) --start;
        bool valid = true;
        return utf8::decode(pattern, start, valid);
    }

    // Claims the space at `pos` (if it is one, in a text inline, and not
    // claimed yet) for `space`.
    void set_space(std::size_t pos, char32_t space) {
        if (pos >= text_.size() || text_[pos] != ' ' || run_.segment_of(pos).piece < 0) return;
        auto at = std::lower_bound(pending_spaces_.begin(), pending_spaces_.end(), pos,
                                   [](const Edit& e, std::size_t p) { return e.begin < p; });
        if (at != pending_spaces_.end() && at->begin == pos) return;
        pending_spaces_.insert(at, Edit{pos, pos + 1, space});
    }

    // "20 %", "3 Minuten".
    void space_before_unit(std::size_t pos) {
        if (pos + 2 >= text_.size() || text_[pos + 1] != ' ' || !lang_.unit_starts(text_[pos + 2]))
            return;
        for (std::string_view unit : lang_.units) {
            if (!matches_word(pos + 2, unit)) continue;
            set_space(pos + 1, no_break_space);
            break;
        }
    }

    // "z. B." inside, "S. 4" and "Dr. Meier" after; `pos` starts a word.
    void spaces_in_abbreviations(std::size_t pos) {
        // Every pattern starts with ASCII letters and a period (checked
        // below, at compile time): a word without one is none of them.
        std::size_t period = pos;
        while (period < text_.size() && is_ascii_letter(text_[period])) ++period;
        if (period == text_.size() || text_[period] != '.') return;
        const std::size_t first_word = period - pos + 1;
        auto first_word_fits = [&](std::string_view pattern) {
            return pattern.size() >= first_word && pattern[first_word - 1] == '.';
        };
        for (std::string_view pattern : lang_.multipart) {
            if (!first_word_fits(pattern) || !matches_word(pos, pattern)) continue;
            for (std::size_t k = 0; k < pattern.size(); ++k)
                if (pattern[k] == ' ') set_space(pos + k, narrow_no_break_space);
        }
        for (const Abbreviation& abbreviation : lang_.abbreviations) {
            const std::size_t space = pos + abbreviation.text.size();
            if (space + 1 >= text_.size() || !first_word_fits(abbreviation.text) ||
                !matches_word(pos, abbreviation.text))
                continue;
            const char32_t next = char_at(space + 1);
            if (is_digit(next) || (abbreviation.before_name && is_upper(next)))
                set_space(space, no_break_space);
        }
    }
};

// Writes the run's bytes of `segment` with `edits` (those within it, in
// order) applied.
std::string rebuild(std::string_view run, const Segment& segment, std::span<const Edit> edits) {
    std::string out;
    out.reserve(segment.end - segment.begin + 2 * edits.size());
    std::size_t at = segment.begin;
    for (const Edit& edit : edits) {
        out.append(run, at, edit.begin - at);
        utf8::append(out, edit.c);
        at = edit.end;
    }
    out.append(run, at, segment.end - at);
    return out;
}

void typeset(Run& run, std::string_view lang) {
    const std::vector<Edit> edits = Scanner(run, language_for(lang)).scan();
    auto edit = edits.begin();
    for (const Segment& segment : run.segments) {
        auto first = edit;
        while (edit != edits.end() && edit->begin < segment.end) ++edit;
        if (segment.piece < 0) continue;
        const auto piece = static_cast<std::size_t>(segment.piece);
        if (first == edit && !run.repaired[piece]) continue;  // unchanged
        *run.pieces[piece] = rebuild(run.text, segment, std::span<const Edit>(first, edit));
    }
}

}  // namespace

void apply_typography(std::vector<Inline>& inlines, std::string_view lang) {
    Run run;
    run.collect(inlines);
    if (run.pieces.empty()) return;
    typeset(run, lang);
}

void apply_typography_in_place(std::string& text, std::string_view lang) {
    Run run;
    run.add_piece(text);
    typeset(run, lang);
}

std::string apply_typography(std::string_view text, std::string_view lang) {
    std::string out(text);
    apply_typography_in_place(out, lang);
    return out;
}

}  // namespace pamphlet
