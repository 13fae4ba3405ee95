// The brochure from cover to back page: articles become one vertical list,
// the page builder cuts it into pages, boxes are placed on them, and what
// needed the finished pages (link destinations, the outline, footers) is
// filled in last.
#include "pamphlet/typeset.hpp"

#include "blocks.hpp"
#include "document_fonts.hpp"
#include "front_back.hpp"
#include "furniture.hpp"
#include "images.hpp"
#include "page_builder.hpp"
#include "placement.hpp"
#include "styles.hpp"
#include "text_setter.hpp"

#include "pamphlet/base/strings.hpp"

#include <algorithm>
#include <map>

namespace pamphlet {

namespace {

using namespace typeset;

struct Destination {
    int page = 0;
    double y = 0;
};

struct UnresolvedLink {
    int page = 0;
    std::size_t item = 0;  // index of the LinkArea in the page's items
    std::string destination;
};

std::string document_author(const Collection& collection, const Edition& edition) {
    if (!collection.publisher.name.empty()) return collection.publisher.name;
    std::vector<std::string> authors;
    for (const Article& article : edition.articles) {
        if (!article.author.empty() &&
            std::find(authors.begin(), authors.end(), article.author) == authors.end()) {
            authors.push_back(article.author);
        }
    }
    return join(authors, ", ");
}

std::string document_keywords(const Edition& edition) {
    std::vector<std::string> tags;
    for (const Article& article : edition.articles) {
        for (const std::string& tag : article.tags) {
            if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
        }
    }
    return join(tags, ", ");
}

}  // namespace

std::optional<LaidOutDocument> typeset_edition(const Collection& collection, const Edition& edition,
                                               const Profile& profile,
                                               const TypesetOptions& options,
                                               DiagnosticSink& sink) {
    FontSet fonts;
    std::optional<Styles> styles = Styles::load(profile, fonts, sink);
    if (!styles) return std::nullopt;
    DocumentFonts document_fonts(fonts);
    DocumentImages images;
    TextSetter setter(*styles, fonts, document_fonts, sink);

    const double page_width = profile.page_width();
    const double page_height = profile.page_height();
    const double measure = page_width - profile.margin_inner - profile.margin_outer;
    const double text_height = page_height - profile.margin_top - profile.margin_bottom;
    if (measure <= 0 || text_height <= 0) {
        sink.error(SourceSpan::whole(profile.file.string()), "no-text-room",
                   "the profile's margins leave no room for text");
        return std::nullopt;
    }

    LaidOutDocument document;
    CoverContext cover_context{collection, edition,    setter,     images,
                               options,    page_width, page_height};
    if (profile.cover_enabled) document.pages.push_back(front_cover(cover_context));
    const int body_first = static_cast<int>(document.pages.size());

    VerticalList list;
    ArticleBuilder builder(edition, setter, images, {measure, text_height}, list);
    for (std::size_t i = 0; i < edition.articles.size(); ++i)
        builder.add_article(static_cast<int>(i));

    std::map<std::string, Destination> destinations;
    std::vector<UnresolvedLink> unresolved;
    const std::vector<PageRange> ranges =
        break_pages(list.items, {text_height, profile.ragged_bottom});
    const std::string title = brochure_title(collection, edition);
    // The footer says what collection.yaml and the profile told it to.
    const SourceSpan footer_span =
        SourceSpan::whole((collection.root / "collection.yaml").string());
    for (const PageRange& range : ranges) {
        const int number = static_cast<int>(document.pages.size()) - body_first + 1;
        const bool right_hand = !profile.facing || number % 2 == 1;
        const double left = right_hand ? profile.margin_inner : profile.margin_outer;
        const int page_index = static_cast<int>(document.pages.size());
        Page page;
        page.width = page_width;
        page.height = page_height;
        double y = page_height - profile.margin_top;
        int article = -1;
        for (std::size_t i = range.begin; i < range.end; ++i) {
            const VerticalItem& item = list.items[i];
            if (item.kind == VerticalItem::Kind::glue) y -= item.size;
            if (item.kind != VerticalItem::Kind::box) continue;
            const double top = y;
            const double baseline = top - item.height;
            y = baseline - item.depth;
            if (item.content < 0) continue;
            const BoxContent& content = list.contents[static_cast<std::size_t>(item.content)];
            if (article < 0) article = content.article;
            place_items(content, left, baseline, page);
            for (const PendingLink& link : content.links) {
                if (!link.destination.empty()) {
                    unresolved.push_back({page_index, page.items.size(), link.destination});
                }
                page.items.emplace_back(placed_link(link, left, baseline));
            }
            for (const std::string& anchor : content.anchors) {
                destinations.emplace(anchor, Destination{page_index, top});
            }
            if (content.outline) {
                OutlineEntry entry = *content.outline;
                entry.page = page_index;
                entry.y = top;
                document.outline.push_back(std::move(entry));
            }
        }
        const std::string article_title =
            article >= 0 ? edition.articles[static_cast<std::size_t>(article)].title
                         : std::string();
        add_footer(
            page, footer_text(profile.footer_text, collection.publisher.name, title, article_title),
            number, right_hand, edition.lang, footer_span, setter);
        document.pages.push_back(std::move(page));
    }
    if (profile.cover_enabled) document.pages.push_back(back_cover(cover_context));

    for (const UnresolvedLink& link : unresolved) {
        auto& area = std::get<LinkArea>(
            document.pages[static_cast<std::size_t>(link.page)].items[link.item]);
        auto found = destinations.find(link.destination);
        if (found == destinations.end()) continue;  // every anchor named was set; kept inert
        area.dest_page = found->second.page;
        area.dest_y = found->second.y;
    }

    if (document.pages.empty()) {
        sink.error(SourceSpan::whole((collection.root / "collection.yaml").string()),
                   "empty-brochure",
                   "nothing to typeset: the '" + edition.lang +
                       "' edition has no articles and the profile prints no cover");
        return std::nullopt;
    }
    const int page_count = static_cast<int>(document.pages.size());
    document.page_labels =
        page_labels(page_count, profile.cover_enabled, profile.cover_enabled, edition.lang);

    document.info.title = title;
    document.info.author = document_author(collection, edition);
    document.info.subject = brochure_subtitle(collection, edition);
    document.info.keywords = document_keywords(edition);
    document.info.creator = options.generator;
    document.info.producer = options.generator;
    document.info.lang = edition.lang;
    document.info.timestamp = options.timestamp;
    document.fonts = document_fonts.take();
    document.images = images.take();
    return document;
}

}  // namespace pamphlet
