#include "document/furniture.hpp"

#include "page/placement.hpp"

#include "pamphlet/locale.hpp"

#include <optional>

namespace pamphlet::typeset {

std::string footer_text(const std::string& pattern, const std::string& publisher,
                        const std::string& title, const std::string& article) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        auto replace = [&](std::string_view name, const std::string& value) {
            if (pattern.compare(i, name.size(), name) != 0) return false;
            out += value;
            i += name.size();
            return true;
        };
        if (replace("{publisher}", publisher) || replace("{title}", title) ||
            replace("{article}", article)) {
            continue;
        }
        out += pattern[i++];
    }
    return out;
}

namespace {

// The text area's left and right edges on this page; on facing pages the
// inner margin is at the left of right-hand pages and at the right of left-hand ones.
std::pair<double, double> text_band(const Page& page, const Profile& profile,
                                    bool right_hand_page) {
    const double left = right_hand_page ? profile.margin_inner : profile.margin_outer;
    return {left, page.width - (right_hand_page ? profile.margin_outer : profile.margin_inner)};
}

}  // namespace

void add_footer(Page& page, const std::string& text, int number, bool right_hand_page,
                const std::string& lang, const SourceSpan& span, TextSetter& setter) {
    const Styles& styles = setter.styles();
    const Profile& profile = styles.profile();
    // Plain variables, not a structured binding: the lambda below captures
    // them, which C++20 allows but clang 14 (the fuzz build) rejects.
    const std::pair<double, double> band = text_band(page, profile, right_hand_page);
    const double left = band.first;
    const double right = band.second;
    const double measure = right - left;
    const TextStyle style = styles.resolve(styles.footer.format);
    const double baseline = profile.footer_baseline;

    auto place = [&](const std::string& words, bool at_right) {
        StyledText styled;
        styled.add(words, style, span);
        std::vector<SetLine> lines = setter.set(styled, lang, measure, Alignment::left);
        if (lines.empty()) return;
        SetLine& line = lines.front();  // the footer is one line; the rest would collide
        const double x = at_right ? right - line.width : left;
        place_items(setter.line_content(std::move(line), 0, {}), x, baseline, page);
    };
    // The number goes to the outer edge: right on right-hand pages.
    if (profile.footer_page_numbers) place(std::to_string(number), right_hand_page);
    if (!text.empty()) place(text, !right_hand_page);
}

void add_running_head(Page& page, const std::string& article, const std::string& publisher,
                      bool right_hand_page, const std::string& lang, const SourceSpan& span,
                      TextSetter& setter) {
    const Styles& styles = setter.styles();
    const Profile& profile = styles.profile();
    const auto [left, right] = text_band(page, profile, right_hand_page);
    const double measure = right - left;
    Format format = styles.footer.format;
    format.size = profile.header_size;
    format.color = profile.muted_color;
    format.hyphenate = false;
    const TextStyle style = styles.resolve(format);
    // The hairline stands one head size above the text area, the head's
    // baseline half a size above the hairline: clear of its descenders.
    const double rule_y = page.height - profile.margin_top + profile.header_size;
    const double baseline = rule_y + profile.header_size / 2;

    auto set_line = [&](const std::string& words, double width) -> std::optional<SetLine> {
        if (words.empty() || width <= 0) return std::nullopt;
        StyledText styled;
        styled.add(words, style, span);
        std::vector<SetLine> lines = setter.set(styled, lang, width, Alignment::left);
        if (lines.empty()) return std::nullopt;
        return std::move(lines.front());  // a head is one line; a long title is cut at a word
    };
    double publisher_width = 0;
    if (std::optional<SetLine> line = set_line(publisher, measure / 2)) {
        publisher_width = line->width;
        const double x = right_hand_page ? left : right - line->width;
        place_items(setter.line_content(std::move(*line), 0, {}), x, baseline, page);
    }
    const double room = measure - publisher_width - (publisher_width > 0 ? 2 * style.size : 0);
    if (std::optional<SetLine> line = set_line(article, room)) {
        const double x = right_hand_page ? right - line->width : left;
        place_items(setter.line_content(std::move(*line), 0, {}), x, baseline, page);
    }
    constexpr double hairline = 0.25;
    page.items.emplace_back(FilledRect{left, rule_y, measure, hairline, profile.muted_color});
}

std::vector<PageLabelRange> page_labels(int page_count, bool has_cover, bool has_back_page,
                                        const std::string& lang, int contents_pages) {
    const Words& words = words_for(lang);
    std::vector<PageLabelRange> ranges;
    int body_first = 0;
    if (has_cover && page_count > 0) {
        ranges.push_back({0, PageLabelRange::Style::none, std::string(words.front_cover), 1});
        body_first = 1;
    }
    if (contents_pages > 0 && body_first + contents_pages <= page_count) {
        ranges.push_back({body_first, PageLabelRange::Style::roman_lower, {}, 1});
        body_first += contents_pages;
    }
    const int back = has_back_page ? page_count - 1 : page_count;
    if (body_first < back) ranges.push_back({body_first, PageLabelRange::Style::decimal, {}, 1});
    if (has_back_page && back >= body_first) {
        ranges.push_back({back, PageLabelRange::Style::none, std::string(words.back_cover), 1});
    }
    return ranges;
}

}  // namespace pamphlet::typeset
