#include "document/handout_furniture.hpp"

#include "document/line_stack.hpp"

#include <algorithm>

namespace pamphlet::typeset {

std::optional<HandoutBox> handout_header(const Collection& collection, const std::string& lang,
                                         double measure, TextSetter& setter,
                                         DocumentImages& images) {
    const Styles& styles = setter.styles();
    const Profile& profile = styles.profile();
    const Publisher& publisher = collection.publisher;
    const SourceSpan span = collection.file_span();

    // The letterhead is set like the running heads of the pages after it:
    // their size, their colour, their hairline.
    Format format = styles.footer.format;
    format.size = profile.header_size;
    format.color = profile.muted_color;
    format.hyphenate = false;
    const TextStyle style = styles.resolve(format);
    const double hairline = 0.25;
    const double gap = profile.header_size;

    HandoutBox box;
    double row_height = 0;  // logo and name stand on one line, above the hairline
    double name_left = 0;
    if (publisher.logo) {
        if (std::optional<UsableImage> logo = images.use(*publisher.logo, span, setter.sink())) {
            // Three head sizes: small beside the title, still legible.
            const double max_height = std::min(3 * profile.header_size, profile.cover_logo_height);
            const ImageSize size = fit_image(*logo, measure / 2, max_height);
            box.content.items.emplace_back(PlacedImage{logo->index, 0, hairline + gap, size.width,
                                                       size.height, publisher.name, span});
            row_height = size.height;
            name_left = size.width;
        }
    }
    if (!publisher.name.empty()) {
        StyledText name;
        name.add(publisher.name, style, span);
        std::vector<SetLine> lines = setter.set(name, lang, measure - name_left, Alignment::left);
        if (!lines.empty()) {
            // Beside a logo the name goes to the right edge, its baseline on
            // the logo's foot; alone, it opens the line.
            SetLine& line = lines.front();
            const double x = name_left > 0 ? measure - line.width : 0;
            BoxContent set = setter.line_content(std::move(line), x, {});
            const double baseline = hairline + gap + (name_left > 0 ? 0 : line.descent);
            for (PageItem& item : set.items) {
                if (auto* run = std::get_if<GlyphRun>(&item)) run->y += baseline;
                box.content.items.push_back(std::move(item));
            }
            row_height =
                std::max(row_height, name_left > 0 ? line.ascent : line.ascent + line.descent);
        }
    }
    if (box.content.items.empty()) return std::nullopt;
    box.content.items.emplace_back(FilledRect{0, 0, measure, hairline, profile.muted_color});
    box.height = hairline + gap + row_height;
    return box;
}

HandoutBox handout_contact_block(const Collection& collection, const std::string& lang,
                                 const std::string& url, const SourceSpan& url_span, double measure,
                                 TextSetter& setter, const TagTarget& tags) {
    const Profile& profile = setter.styles().profile();
    ContactQr contact = contact_qr(url, lang, url_span, setter, measure);
    if (contact.figure) tag_qr_figure(*contact.figure, url, tags);
    const std::optional<QrFigure>& qr = contact.figure;
    LineStack stack(setter, lang, contact.details_measure);
    add_contact_lines(stack, collection.publisher, lang, collection.file_span(), setter, 0);

    // Stack and figure share the baseline of their last lines; the block's
    // top is the higher of their tops.
    const double stack_height = stack.height();
    double bottom_baseline = 0;  // above the block's bottom
    double below = 0;            // how far the lower of the two reaches below that baseline
    double above = 0;            // and the higher above it
    if (!stack.empty()) {
        const double last_baseline = stack.baseline_below_top(stack.size() - 1);
        below = stack_height - last_baseline;
        above = last_baseline;
    }
    if (qr) {
        below = std::max(below, qr->depth);
        above = std::max(above, qr->height);
    }
    bottom_baseline = below;

    HandoutBox box;
    if (!stack.empty()) {
        const double stack_bottom =
            bottom_baseline - (stack_height - stack.baseline_below_top(stack.size() - 1));
        for (PageItem item : stack.content().items) {
            std::visit([&](auto& placed) { placed.y += stack_bottom; }, item);
            box.content.items.push_back(std::move(item));
        }
    }
    if (qr) {
        for (PageItem item : qr->content.items) {
            std::visit(
                [&](auto& placed) {
                    placed.x += measure - qr->width;
                    placed.y += bottom_baseline;
                },
                item);
            box.content.items.push_back(std::move(item));
        }
    }
    tag_loose_text(box.content.items, 0, tags);
    // The accent rule of the back page, over the block.
    const double rule_y = below + above + profile.heading_space_before;
    box.content.items.emplace_back(FilledRect{0, rule_y, std::min(profile.rule_width, measure),
                                              profile.rule_thickness, profile.accent_color});
    box.height = rule_y + profile.rule_thickness;
    return box;
}

}  // namespace pamphlet::typeset
