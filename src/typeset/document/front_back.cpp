#include "document/front_back.hpp"

#include "document/contact.hpp"
#include "document/line_stack.hpp"
#include "page/placement.hpp"

#include "pamphlet/locale.hpp"

#include <algorithm>

namespace pamphlet::typeset {

namespace {

// The logo as a box of the profile's logo height (narrower if the measure
// demands), or nullopt when there is none or it cannot be placed.
std::optional<BoxContent> logo_box(CoverContext& context, double measure, double& height) {
    const Collection& collection = context.collection;
    if (!collection.publisher.logo) return std::nullopt;
    const SourceSpan span = collection.file_span();
    const Profile& profile = context.setter.styles().profile();
    std::optional<UsableImage> logo =
        context.images.use(*collection.publisher.logo, span, context.setter.sink());
    if (!logo || profile.cover_logo_height <= 0) return std::nullopt;
    const ImageSize size = fit_image(*logo, measure, profile.cover_logo_height);
    height = size.height;
    BoxContent content;
    content.items.emplace_back(
        PlacedImage{logo->index, 0, 0, size.width, size.height, collection.publisher.name, span});
    return content;
}

}  // namespace

Page front_cover(CoverContext& context) {
    const Styles& styles = context.setter.styles();
    const Profile& profile = styles.profile();
    const std::string& lang = context.edition.lang;
    Page page;
    page.width = context.page_width;
    page.height = context.page_height;
    const double measure = page.width - profile.margin_inner - profile.margin_outer;
    const double share = std::clamp(profile.cover_image_height, 0.0, 1.0);
    const double band_top = page.height * (1 - share);
    const std::string& title = context.info.title;
    const SourceSpan span = context.collection.file_span();

    if (context.collection.cover && share > 0) {
        if (std::optional<UsableImage> cover =
                context.images.use(*context.collection.cover, span, context.setter.sink())) {
            // Full bleed: the picture covers the whole area; what overhangs the
            // page is clipped by it, what overhangs the band is painted over.
            const double scale = std::max(page.width / cover->pixel_width,
                                          (page.height - band_top) / cover->pixel_height);
            const double width = cover->pixel_width * scale;
            const double height = cover->pixel_height * scale;
            page.items.emplace_back(PlacedImage{cover->index, (page.width - width) / 2,
                                                page.height - height, width, height, title, span});
        }
    }

    LineStack band(context.setter, lang, measure);
    StyledText title_text;
    title_text.add(title, styles.resolve(styles.cover_title.format), span);
    // The title is the document's first heading, an H1 however many lines
    // it takes (the contents' H1 and the articles' follow: no level skipped).
    const StructRef title_node = context.tags.tree && !title.empty()
                                     ? context.tags.tree->add(StructRole::h1, context.tags.parent)
                                     : artifact;
    band.add(title_text, styles.cover_title, 0, title_node);
    const std::string& subtitle = context.info.subtitle;
    if (!subtitle.empty()) {
        StyledText text;
        text.add(subtitle, styles.resolve(styles.cover_subtitle.format), span);
        band.add(text, styles.cover_subtitle, profile.h1_space_after);
    }
    const double band_height = band.height() + 2 * profile.cover_padding;
    // Below the band the paper shows: what the picture hangs over is covered.
    const Color paper{Color::Space::rgb, {1, 1, 1, 0}};
    page.items.emplace_back(FilledRect{0, 0, page.width, band_top - band_height, paper});
    page.items.emplace_back(
        FilledRect{0, band_top - band_height, page.width, band_height, profile.cover_background});
    const std::size_t band_items = page.items.size();
    band.place(page, profile.margin_inner, band_top - profile.cover_padding);

    // The clinic signs at the foot of the cover: its logo, else its name.
    LineStack signature(context.setter, lang, measure);
    double logo_height = 0;
    if (std::optional<BoxContent> logo = logo_box(context, measure, logo_height)) {
        signature.add_box(std::move(*logo), logo_height, 0);
    } else if (!context.collection.publisher.name.empty()) {
        StyledText name;
        name.add(context.collection.publisher.name, styles.resolve(styles.back_name.format), span);
        signature.add(name, styles.back_name, 0);
    }
    signature.place(page, profile.margin_inner, profile.margin_bottom + signature.height());
    // The subtitle and the clinic's name read (a P a line); the picture,
    // the band and the logo are decoration.
    tag_loose_text(page.items, band_items, context.tags);
    return page;
}

Page back_cover(CoverContext& context) {
    const Styles& styles = context.setter.styles();
    const Profile& profile = styles.profile();
    const Collection& collection = context.collection;
    const Publisher& publisher = collection.publisher;
    const std::string& lang = context.edition.lang;
    const Words& words = words_for(lang);
    Page page;
    page.width = context.page_width;
    page.height = context.page_height;
    const double measure = page.width - profile.margin_inner - profile.margin_outer;
    const SourceSpan span = collection.file_span();

    // The website's QR code stands at the right, beside the contact lines,
    // which keep clear of it.
    const std::string website = publisher.website.empty() ? "" : web_uri(publisher.website);
    ContactQr contact = contact_qr(website, lang, span, context.setter, measure);
    if (contact.figure) tag_qr_figure(*contact.figure, website, context.tags);
    const std::optional<QrFigure>& qr = contact.figure;
    const double stack_measure = contact.details_measure;

    LineStack stack(context.setter, lang, stack_measure);
    double logo_height = 0;
    if (std::optional<BoxContent> logo = logo_box(context, stack_measure, logo_height)) {
        stack.add_box(std::move(*logo), logo_height, 0);
    }
    add_contact_lines(stack, publisher, lang, span, context.setter, profile.heading_space_before);
    const std::size_t contact_end = stack.size();

    Format muted_format = styles.back_text.format;
    muted_format.color = profile.muted_color;
    const TextStyle muted = styles.resolve(muted_format);
    const std::string rights =
        collection.rights.empty() ? std::string() : collection.rights.get(lang);
    std::string published_text;
    if (!collection.date.empty()) {
        published_text = std::string(words.published) + ": " + human_date(collection.date, lang);
    }
    std::string made_with_text;
    if (!context.options.generator.empty()) {
        made_with_text = std::string(words.made_with) + " " + context.options.generator;
    }
    const std::string& published = published_text;
    const std::string& made_with = made_with_text;
    bool first_small = true;
    for (const std::string* line : {&rights, &published, &made_with}) {
        if (line->empty()) continue;
        StyledText text;
        text.add(*line, muted, span);
        stack.add(text, styles.back_text, first_small ? profile.heading_space_before : 0);
        first_small = false;
    }

    // A short accent rule above the block, like the section marks inside.
    const double top = profile.margin_bottom + stack.height();
    const double rule_y = top + profile.heading_space_before;
    page.items.emplace_back(FilledRect{profile.margin_inner, rule_y,
                                       std::min(profile.rule_width, measure),
                                       profile.rule_thickness, profile.accent_color});
    const std::size_t stack_items = page.items.size();
    stack.place(page, profile.margin_inner, top);
    tag_loose_text(page.items, stack_items, context.tags);
    if (qr && contact_end > 0) {
        // The caption's last line shares its baseline with the last contact
        // line (the website's).
        const double baseline = top - stack.baseline_below_top(contact_end - 1);
        place_items(qr->content, page.width - profile.margin_outer - qr->width, baseline, page);
    }
    return page;
}

}  // namespace pamphlet::typeset
