#include "pamphlet/base/utf8.hpp"
#include "pamphlet/hyphenator.hpp"

namespace pamphlet {

namespace {

constexpr std::string_view soft_hyphen = "\u00AD";

bool is_word_separator(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 || c == 0x202F ||
           c == 0x2009 || c == 0x200B;
}

// Breaks an author wrote into the word (the word keeps only those), and
// digits, which the patterns do not know.
bool keeps_word_whole(char32_t c) {
    return c == U'-' || c == U'/' || c == 0x00AD || c == 0x2010 || c == 0x2011 || c == 0x2013 ||
           c == 0x2014 || (c >= U'0' && c <= U'9');
}

char32_t next_char(std::string_view text, std::size_t& pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
        ++pos;
        return byte;
    }
    bool valid = true;
    return utf8::decode(text, pos, valid);
}

// Nearly every word of English text, and many of German: ASCII letters
// alone, its own core.
bool all_ascii_letters(std::string_view word) {
    for (const char ch : word) {
        const auto lower = static_cast<unsigned char>(ch | 0x20);
        if (lower < 'a' || lower > 'z') return false;
    }
    return true;
}

// `word` into `out` with a soft hyphen at each of the hyphenator's points
// in its core, word[core_begin, core_end).
void add_core(std::string& out, std::string_view word, std::size_t core_begin, std::size_t core_end,
              const Hyphenator& hyphenator, std::string_view lang,
              std::vector<std::size_t>& points) {
    const std::string_view core = word.substr(core_begin, core_end - core_begin);
    std::size_t copied = 0;
    hyphenator.find_points(core, lang, points);
    for (std::size_t offset : points) {
        const std::size_t at = core_begin + offset;
        if (at <= copied || at >= core_end) continue;
        out.append(word.substr(copied, at - copied));
        out.append(soft_hyphen);
        copied = at;
    }
    out.append(word.substr(copied));
}

// `word` (no separator in it) into `out`, with a soft hyphen at each of the
// hyphenator's points in its core: the word without the punctuation around
// it, when the core has two characters or more and none that keeps it whole.
void add_word(std::string& out, std::string_view word, const Hyphenator& hyphenator,
              std::string_view lang, std::vector<std::size_t>& points) {
    if (all_ascii_letters(word)) {
        if (word.size() < 2)
            out.append(word);
        else
            add_core(out, word, 0, word.size(), hyphenator, lang, points);
        return;
    }
    // One pass over the characters finds the core's bytes and whether it is
    // plain: a break of the author's counts only between two characters of
    // the core, a digit anywhere in it (digits are not punctuation).
    constexpr std::size_t none = std::string_view::npos;
    std::size_t core_begin = none, core_end = 0;
    std::size_t first = 0, last = 0;  // the core's first and last character
    bool break_pending = false, whole = false;
    for (std::size_t pos = 0, index = 0; pos < word.size(); ++index) {
        const std::size_t begin = pos;
        const char32_t c = next_char(word, pos);
        if (is_word_punctuation(c)) {
            if (core_begin != none && keeps_word_whole(c)) break_pending = true;
            continue;
        }
        if (core_begin == none) {
            core_begin = begin;
            first = index;
        } else if (break_pending) {
            whole = true;
        }
        if (keeps_word_whole(c)) whole = true;
        last = index;
        core_end = pos;
    }
    if (core_begin == none || last - first < 1 || whole) {
        out.append(word);
        return;
    }
    add_core(out, word, core_begin, core_end, hyphenator, lang, points);
}

}  // namespace

bool is_word_punctuation(char32_t c) {
    if (c < 0x80) {
        return !((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9'));
    }
    return (c >= 0x00A1 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 ||
           (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F);
}

std::string with_soft_hyphens(std::string_view text, const Hyphenator& hyphenator,
                              std::string_view lang) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::vector<std::size_t> points;
    std::size_t word_begin = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t begin = pos;
        const char32_t c = next_char(text, pos);
        if (!is_word_separator(c)) continue;
        add_word(out, text.substr(word_begin, begin - word_begin), hyphenator, lang, points);
        out.append(text.substr(begin, pos - begin));
        word_begin = pos;
    }
    add_word(out, text.substr(word_begin), hyphenator, lang, points);
    return out;
}

}  // namespace pamphlet
