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

struct Char {
    char32_t c;
    std::size_t begin, end;  // bytes in the text
};

void add_word(std::string& out, std::string_view text, const std::vector<Char>& word,
              const Hyphenator& hyphenator, std::string_view lang,
              std::vector<std::size_t>& points) {
    if (word.empty()) return;
    const std::size_t word_begin = word.front().begin;
    const std::size_t word_end = word.back().end;
    std::size_t first = 0, last = word.size();
    while (first < last && is_word_punctuation(word[first].c)) ++first;
    while (last > first && is_word_punctuation(word[last - 1].c)) --last;
    bool plain = last - first >= 2;
    for (std::size_t i = first; plain && i < last; ++i) plain = !keeps_word_whole(word[i].c);
    if (!plain) {
        out.append(text.substr(word_begin, word_end - word_begin));
        return;
    }
    const std::size_t core_begin = word[first].begin;
    const std::string_view core = text.substr(core_begin, word[last - 1].end - core_begin);
    std::size_t copied = word_begin;
    hyphenator.find_points(core, lang, points);
    for (std::size_t offset : points) {
        const std::size_t at = core_begin + offset;
        if (at <= copied || at >= core_begin + core.size()) continue;
        out.append(text.substr(copied, at - copied));
        out.append(soft_hyphen);
        copied = at;
    }
    out.append(text.substr(copied, word_end - copied));
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
    std::vector<Char> word;
    std::vector<std::size_t> points;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t begin = pos;
        bool valid = true;
        const char32_t c = utf8::decode(text, pos, valid);
        if (is_word_separator(c)) {
            add_word(out, text, word, hyphenator, lang, points);
            word.clear();
            out.append(text.substr(begin, pos - begin));
        } else {
            word.push_back({c, begin, pos});
        }
    }
    add_word(out, text, word, hyphenator, lang, points);
    return out;
}

}  // namespace pamphlet
