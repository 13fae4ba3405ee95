#include "document/contents.hpp"

#include "pamphlet/locale.hpp"

#include <algorithm>
#include <cmath>

namespace pamphlet::typeset {

namespace {

// TeX's \@dotsep: 4.5mu on each side of the dot, 18mu to the em.
constexpr double dot_space_em = 2 * 4.5 / 18;

// The widest page number the reserve is made for: entries are set narrower
// by this much whatever their numbers turn out to be, so that their lines
// are the same in both passes.
constexpr std::string_view widest_number = "888";

SetLine single_line(TextSetter& setter, const std::string& text, const TextStyle& style,
                    const std::string& lang, double measure, const SourceSpan& span) {
    StyledText styled;
    styled.add(text, style, span);
    std::vector<SetLine> lines = setter.set(styled, lang, measure, Alignment::left);
    return lines.empty() ? SetLine{} : lines.front();
}

}  // namespace

std::vector<double> leader_positions(double start, double end, double interval) {
    std::vector<double> cells;
    if (interval <= 0) return cells;
    for (double k = std::ceil(start / interval); (k + 1) * interval <= end; ++k) {
        cells.push_back(k * interval);
    }
    return cells;
}

VerticalList contents_list(const std::vector<ContentsEntry>& entries, const std::string& lang,
                           double measure, const SourceSpan& span, TextSetter& setter,
                           ContentsTags tags) {
    // Its heading an H1 (as an article's title), then a TOC of one TOCI, a
    // Link inside, per entry: the title and the page number read, the
    // leader dots do not.
    auto node = [&](StructRole role, StructRef parent) {
        return tags.tree ? tags.tree->add(role, parent) : artifact;
    };
    const StructRef heading_node = entries.empty() ? artifact : node(StructRole::h1, tags.parent);
    const StructRef toc = entries.empty() ? artifact : node(StructRole::toc, tags.parent);
    const Styles& styles = setter.styles();
    const Profile& profile = styles.profile();
    VerticalList list;
    auto add_box = [&](double height, double depth, BoxContent content) {
        list.items.push_back(
            VerticalItem::box(height, depth, static_cast<int>(list.contents.size())));
        list.contents.push_back(std::move(content));
    };

    const Words& words = words_for(lang);
    StyledText heading;
    heading.add(std::string(words.contents), styles.resolve(styles.title.format), span);
    const Styles::Strut title_strut = styles.strut(styles.title);
    bool first_line = true;
    for (SetLine& line : setter.set(heading, lang, measure, Alignment::left)) {
        if (!first_line) list.items.push_back(VerticalItem::make_penalty(infinite_penalty));
        BoxContent content = setter.line_content(std::move(line), 0, {});
        for (PageItem& item : content.items)
            if (auto* run = std::get_if<GlyphRun>(&item)) run->node = heading_node;
        if (first_line) content.outline = OutlineEntry{std::string(words.contents), 0, 0, 0};
        first_line = false;
        add_box(std::max(title_strut.height, line.ascent),
                std::max(title_strut.depth, line.descent), std::move(content));
    }
    list.items.push_back(VerticalItem::make_penalty(infinite_penalty));
    list.items.push_back(VerticalItem::glue(profile.article_header_space_after));

    Format entry_format = styles.body.format;
    entry_format.hyphenate = false;
    const TextStyle entry_style = styles.resolve(entry_format);
    const Styles::Strut strut = styles.strut(styles.body);
    const double em = entry_style.size;
    const double gap = em / 2;
    const SetLine dot = single_line(setter, ".", entry_style, lang, measure, span);
    const double interval = dot.width + dot_space_em * em;
    const double reserve =
        single_line(setter, std::string(widest_number), entry_style, lang, measure, span).width +
        2 * gap + interval;

    for (std::size_t e = 0; e < entries.size(); ++e) {
        const ContentsEntry& entry = entries[e];
        if (e > 0) {
            list.items.push_back(VerticalItem::make_penalty(0));
            list.items.push_back(VerticalItem::glue(profile.paragraph_spacing));
        }
        // The entry's text is the Link its lines' link areas belong to.
        const StructRef entry_node = node(StructRole::link, node(StructRole::toci, toc));
        if (entry_node != artifact) tags.tree->set_alt(entry_node, entry.title);
        auto tag = [entry_node](BoxContent& content) {
            for (PageItem& item : content.items)
                if (auto* run = std::get_if<GlyphRun>(&item)) run->node = entry_node;
        };
        StyledText title;
        title.add(entry.title, entry_style, span);
        std::vector<SetLine> lines = setter.set(title, lang, measure - reserve, Alignment::left);
        if (lines.empty()) lines.push_back(SetLine{});
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0) list.items.push_back(VerticalItem::make_penalty(infinite_penalty));
            SetLine& line = lines[i];
            const double height = std::max(strut.height, line.ascent);
            const double depth = std::max(strut.depth, line.descent);
            BoxContent content = setter.line_content(std::move(line), 0, {});
            tag(content);
            if (i + 1 == lines.size()) {
                double number_left = measure;
                if (entry.number > 0) {
                    SetLine number = single_line(setter, std::to_string(entry.number),
                                                 entry_style, lang, measure, span);
                    number_left = measure - number.width;
                    BoxContent set = setter.line_content(std::move(number), number_left, {});
                    tag(set);
                    for (PageItem& item : set.items) content.items.push_back(std::move(item));
                }
                const BoxContent dot_content = setter.line_content(dot, 0, {});
                for (double x : leader_positions(line.width + gap, number_left - gap, interval)) {
                    // The dot sits in the middle of its cell.
                    for (const PageItem& item : dot_content.items) {
                        PageItem moved = item;
                        if (auto* run = std::get_if<GlyphRun>(&moved)) {
                            run->x += x + dot_space_em * em / 2;
                        }
                        content.items.push_back(std::move(moved));
                    }
                }
            }
            // Each line, leaders and number too, leads to the article.
            content.links.push_back(
                {LinkArea{0, -depth, measure, height + depth, {}, std::nullopt, 0, entry_node},
                 entry.destination});
            add_box(height, depth, std::move(content));
        }
    }
    return list;
}

}  // namespace pamphlet::typeset
