#include "cover_text.hpp"

#include <algorithm>

namespace pamphlet::cover_detail {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool has_notdef(const SetWord& word) {
    return std::any_of(word.glyphs.begin(), word.glyphs.end(),
                       [](const ShapedGlyph& g) { return g.id == 0; });
}

std::vector<SetLine> wrap_greedy(const std::vector<SetWord>& words,
                                 const std::vector<std::string>& texts, double space_em,
                                 double measure_em) {
    std::vector<SetLine> lines;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const double added = words[i].width_em + (lines.empty() || lines.back().words.empty()
                                                      ? 0
                                                      : space_em);
        if (lines.empty() ||
            (!lines.back().words.empty() && lines.back().width_em + added > measure_em)) {
            lines.emplace_back();
        }
        SetLine& line = lines.back();
        if (!line.words.empty()) {
            line.width_em += space_em;
            line.text += ' ';
        }
        line.width_em += words[i].width_em;
        line.text += texts[i];
        line.words.push_back(words[i]);
    }
    return lines;
}

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t end = i;
        while (end < text.size() && !is_space(text[end])) ++end;
        if (end > i) words.emplace_back(text.substr(i, end - i));
        i = end;
    }
    return words;
}

WordShaper::WordShaper(FontSet& fonts, const std::vector<const FontFile*>& faces, std::string lang)
    : fonts_(fonts), lang_(std::move(lang)) {
    for (const FontFile* face : faces) {
        std::string error;
        if (std::optional<int> index = fonts_.load(face->path, error)) {
            faces_.push_back(*index);
        } else if (faces_.empty()) {
            problem_ = error;
            return;  // without the style's own face there is nothing to set
        }
    }
    if (faces_.empty()) {
        if (problem_.empty()) problem_ = "no font to set the cover's text";
        return;
    }
    const std::vector<ShapedGlyph>& space = fonts_.shape(faces_.front(), " ", lang_, "");
    if (!space.empty() && space.front().id != 0) {
        space_em_ = static_cast<double>(space.front().x_advance) /
                    fonts_.metrics(faces_.front()).units_per_em;
    }
}

SetWord WordShaper::shape_word(int font, std::string_view word) {
    SetWord set;
    set.font = font;
    // Headings take the font's default features (kerning, ligatures), as in
    // the PDF.
    set.glyphs = fonts_.shape(font, word, lang_, "");
    double advance = 0;
    for (const ShapedGlyph& glyph : set.glyphs) advance += glyph.x_advance;
    set.width_em = advance / fonts_.metrics(font).units_per_em;
    return set;
}

std::vector<SetWord> WordShaper::shape_words(std::string_view text) {
    std::vector<SetWord> words;
    for (const std::string& word : split_words(text)) {
        SetWord set = shape_word(faces_.front(), word);
        for (std::size_t f = 1; f < faces_.size() && has_notdef(set); ++f) {
            SetWord other = shape_word(faces_[f], word);
            if (!has_notdef(other)) set = std::move(other);
        }
        words.push_back(std::move(set));
    }
    return words;
}

std::vector<SetLine> wrap_balanced(const std::vector<SetWord>& words,
                                   const std::vector<std::string>& texts, double space_em,
                                   double measure_em) {
    std::vector<SetLine> lines = wrap_greedy(words, texts, space_em, measure_em);
    if (lines.size() < 2) return lines;
    double widest_word = 0;
    for (const SetWord& word : words) widest_word = std::max(widest_word, word.width_em);
    // Fewer lines never come from a narrower measure, so the narrowest one
    // that keeps the count is found by bisection.
    double low = widest_word, high = measure_em;
    for (int step = 0; step < 24 && high - low > 1e-4; ++step) {
        const double mid = (low + high) / 2;
        if (wrap_greedy(words, texts, space_em, mid).size() == lines.size()) {
            high = mid;
        } else {
            low = mid;
        }
    }
    return wrap_greedy(words, texts, space_em, high);
}

}  // namespace pamphlet::cover_detail
