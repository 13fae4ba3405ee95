#include "furniture.hpp"

#include "placement.hpp"

#include "pamphlet/locale.hpp"

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

void add_footer(Page& page, const std::string& text, int number, bool right_hand_page,
                const std::string& lang, const SourceSpan& span, TextSetter& setter) {
    const Styles& styles = setter.styles();
    const Profile& profile = styles.profile();
    const double left = right_hand_page ? profile.margin_inner : profile.margin_outer;
    const double right =
        page.width - (right_hand_page ? profile.margin_outer : profile.margin_inner);
    const double measure = right - left;
    const TextStyle style = styles.resolve(styles.footer.format);
    const double baseline = profile.footer_baseline;

    auto place = [&](const std::string& words, bool at_right) {
        StyledText styled;
        styled.add(words, style, span);
        std::vector<SetLine> lines = setter.set(styled, lang, measure, Alignment::left);
        if (lines.empty()) return;
        const SetLine& line = lines.front();  // the footer is one line; the rest would collide
        const double x = at_right ? right - line.width : left;
        place_items(setter.line_content(line, 0, {}), x, baseline, page);
    };
    // The number goes to the outer edge: right on right-hand pages.
    if (profile.footer_page_numbers) place(std::to_string(number), right_hand_page);
    if (!text.empty()) place(text, !right_hand_page);
}

std::vector<PageLabelRange> page_labels(int page_count, bool has_cover, bool has_back_page,
                                        const std::string& lang) {
    const Words& words = words_for(lang);
    std::vector<PageLabelRange> ranges;
    int body_first = 0;
    if (has_cover && page_count > 0) {
        ranges.push_back({0, PageLabelRange::Style::none, std::string(words.front_cover), 1});
        body_first = 1;
    }
    const int back = has_back_page ? page_count - 1 : page_count;
    if (body_first < back) ranges.push_back({body_first, PageLabelRange::Style::decimal, {}, 1});
    if (has_back_page && back >= body_first) {
        ranges.push_back({back, PageLabelRange::Style::none, std::string(words.back_cover), 1});
    }
    return ranges;
}

}  // namespace pamphlet::typeset
