// The brochure from cover to back page: articles become one vertical list,
// the page builder cuts it into pages, boxes are placed on them, and what
// needed the finished pages (link destinations, the outline, footers) is
// filled in last.
#include "pamphlet/typeset.hpp"

#include "document/blocks.hpp"
#include "document/contents.hpp"
#include "document/document_fonts.hpp"
#include "document/front_back.hpp"
#include "document/furniture.hpp"
#include "document/handout_furniture.hpp"
#include "document/images.hpp"
#include "document/styles.hpp"
#include "document/text_setter.hpp"
#include "page/columns.hpp"
#include "page/page_builder.hpp"
#include "page/placement.hpp"

#include "pamphlet/base/strings.hpp"
#include "pamphlet/locale.hpp"

#include <algorithm>
#include <cassert>
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

HyphenationSettings hyphenation_settings(const Profile& profile) {
    HyphenationSettings settings;
    settings.exceptions = profile.hyphenation_exceptions;
    settings.min_word = profile.hyphenation_min_word;
    settings.left_min = profile.hyphenation_left_min;
    settings.right_min = profile.hyphenation_right_min;
    return settings;
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

// The letterhead before the first article's opening (with it, it spans the
// columns) and the contact block after the last article's text, kept whole.
// Its QR code leads to the article online when the handout is that one
// article and it has a web address, else to the clinic's website.
void add_handout_furniture(const Collection& collection, const Edition& edition, double measure,
                           bool spanning, TextSetter& setter, DocumentImages& images,
                           VerticalList& list) {
    const Profile& profile = setter.styles().profile();
    auto add_content = [&](HandoutBox box, int article) {
        box.content.article = article;
        list.contents.push_back(std::move(box.content));
        return VerticalItem::box(box.height, 0, static_cast<int>(list.contents.size()) - 1,
                                 spanning);
    };
    if (std::optional<HandoutBox> header =
            handout_header(collection, edition.lang, measure, setter, images)) {
        // Glue alone is no legal break: the letterhead stays with the title.
        const VerticalItem items[] = {add_content(std::move(*header), 0),
                                      VerticalItem::glue(profile.article_header_space_after)};
        list.items.insert(list.items.begin(), std::begin(items), std::end(items));
    }

    const Article& last = edition.articles.back();
    std::string url;
    SourceSpan url_span = collection.file_span();
    if (edition.articles.size() == 1 && !last.url.empty()) {
        url = last.url;
        url_span = last.span;
    } else if (!collection.publisher.website.empty()) {
        url = web_uri(collection.publisher.website);
    }
    HandoutBox contact =
        handout_contact_block(collection, edition.lang, url, url_span, measure, setter);
    list.items.push_back(VerticalItem::make_penalty(0));
    list.items.push_back(VerticalItem::glue(2 * profile.heading_space_before));
    list.items.push_back(
        add_content(std::move(contact), static_cast<int>(edition.articles.size()) - 1));
}

// How many blank pages make `pages` a multiple of four.
int blank_pages_for_booklet(int pages) {
    return (4 - pages % 4) % 4;
}

}  // namespace

std::optional<LaidOutDocument> typeset_edition(const Collection& collection, const Edition& edition,
                                               const Profile& profile,
                                               const TypesetOptions& options, DiagnosticSink& sink,
                                               TypesetStats* stats) {
    FontSet fonts;
    std::optional<Styles> styles = Styles::load(profile, fonts, sink);
    if (!styles) return std::nullopt;
    DocumentFonts document_fonts(fonts);
    DocumentImages images;
    std::optional<Hyphenation> hyphenation;
    if (profile.hyphenate)
        hyphenation.emplace(options.hyphenation_dirs, hyphenation_settings(profile),
                            options.hyphenation_patterns);
    TextSetter setter(*styles, fonts, document_fonts, sink, hyphenation ? &*hyphenation : nullptr);
    setter.keep_run_text(options.keep_run_text);

    const double page_width = profile.page_width();
    const double page_height = profile.page_height();
    const double measure = page_width - profile.margin_inner - profile.margin_outer;
    const double text_height = page_height - profile.margin_top - profile.margin_bottom;
    const double column_width =
        (measure - (profile.columns - 1) * profile.column_gap) / profile.columns;
    if (measure <= 0 || text_height <= 0 || column_width <= 0) {
        sink.error(SourceSpan::whole(profile.file.string()), "no-text-room",
                   "the profile's margins leave no room for text");
        return std::nullopt;
    }

    LaidOutDocument document;
    CoverContext cover_context{collection, edition,    setter,     images,
                               options,    page_width, page_height};
    // A handout is the articles alone: the clinic signs at their head and
    // foot instead of on covers.
    const bool covers = profile.cover_enabled && !options.handout;
    if (covers) document.pages.push_back(front_cover(cover_context));
    const int contents_first = static_cast<int>(document.pages.size());

    VerticalList list;
    ArticleBuilder builder(edition, setter, images, {measure, text_height, column_width}, list);
    if (stats) *stats = {};
    builder.measure_into(stats);
    for (std::size_t i = 0; i < edition.articles.size(); ++i)
        builder.add_article(static_cast<int>(i));
    if (options.handout && !edition.articles.empty()) {
        add_handout_furniture(collection, edition, measure, column_width < measure, setter, images,
                              list);
    }

    const std::string title = brochure_title(collection, edition);
    // The footer and the contents say what collection.yaml and the profile
    // told them to.
    const SourceSpan collection_span = collection.file_span();
    const PageParams page_params{text_height, profile.ragged_bottom};

    // The contents' length is known before the body's page numbers: its
    // lines do not depend on them.
    std::vector<ContentsEntry> contents;
    if (profile.toc_enabled && !options.handout && edition.articles.size() >= 2) {
        for (const Article& article : edition.articles)
            contents.push_back({article.title, ArticleBuilder::anchor(article.id), 0});
    }
    const VerticalList blank_contents =
        contents_list(contents, edition.lang, measure, collection_span, setter);
    const int contents_pages =
        contents.empty() ? 0
                         : static_cast<int>(break_pages(blank_contents.items, page_params).size());
    const int body_first = contents_first + contents_pages;

    std::map<std::string, Destination> destinations;
    std::vector<UnresolvedLink> unresolved;
    // Places the boxes of `range` on a page that will be document page
    // `page_index`, the range's left edge at `left` and its top `top` below
    // the text area's; returns the article the range opens with (-1: none)
    // and whether an article starts in it.
    struct Placed {
        int article = -1;
        bool article_starts = false;
    };
    // Each box is placed once: its items move onto the page.
    auto place_range = [&](VerticalList& from, const PageRange& range, int page_index, double left,
                           double top_offset, Page& page) {
        double y = page_height - profile.margin_top - top_offset;
        Placed placed;
        for (const ItemSpan& piece : pieces(range))
            for (std::size_t i = piece.begin; i < piece.end; ++i) {
                const VerticalItem& item = from.items[i];
                if (item.kind == VerticalItem::Kind::glue) y -= item.size;
                if (item.kind != VerticalItem::Kind::box) continue;
                const double top = y;
                const double baseline = top - item.height;
                y = baseline - item.depth;
                if (item.content < 0) continue;
                BoxContent& content = from.contents[static_cast<std::size_t>(item.content)];
                if (placed.article < 0) placed.article = content.article;
                place_items(std::move(content.items), left, baseline, page);
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
                    if (entry.level == 0 && content.article >= 0) placed.article_starts = true;
                    document.outline.push_back(std::move(entry));
                }
            }
        return placed;
    };

    std::vector<Page> body;
    for (const PagePlan& plan : plan_pages(list.items, {page_params, profile.columns})) {
        const int number = static_cast<int>(body.size()) + 1;
        const bool right_hand = !profile.facing || number % 2 == 1;
        const double left = right_hand ? profile.margin_inner : profile.margin_outer;
        Page page;
        page.width = page_width;
        page.height = page_height;
        // The page's items in one allocation: its boxes' items and links,
        // and room for the running head and the footer.
        constexpr std::size_t furniture_items = 8;
        std::size_t item_count = furniture_items;
        for (const Region& region : plan.regions)
            for (const ItemSpan& piece : pieces(region.range))
                for (std::size_t i = piece.begin; i < piece.end; ++i) {
                    const VerticalItem& item = list.items[i];
                    if (item.kind != VerticalItem::Kind::box || item.content < 0) continue;
                    const BoxContent& content = list.contents[static_cast<std::size_t>(item.content)];
                    item_count += content.items.size() + content.links.size();
                }
        page.items.reserve(item_count);
        Placed placed;
        for (const Region& region : plan.regions) {
            const double x =
                left + (region.span ? 0 : region.column * (column_width + profile.column_gap));
            const Placed here =
                place_range(list, region.range, body_first + number - 1, x, region.top, page);
            if (placed.article < 0) placed.article = here.article;
            placed.article_starts = placed.article_starts || here.article_starts;
        }
        const std::string article_title =
            placed.article >= 0 ? edition.articles[static_cast<std::size_t>(placed.article)].title
                                : std::string();
        if (profile.header_enabled && placed.article >= 0 && !placed.article_starts) {
            add_running_head(page, article_title, collection.publisher.name, right_hand,
                             edition.lang, collection_span, setter);
        }
        add_footer(
            page, footer_text(profile.footer_text, collection.publisher.name, title, article_title),
            number, right_hand, edition.lang, collection_span, setter);
        body.push_back(std::move(page));
    }
    // Every box is on its page now: what is left of the list is husks.
    list = VerticalList{};

    // Now the numbers: each article's first page, as its footer prints it.
    for (ContentsEntry& entry : contents) {
        auto found = destinations.find(entry.destination);
        if (found != destinations.end()) entry.number = found->second.page - body_first + 1;
    }
    VerticalList numbered_contents =
        contents_list(contents, edition.lang, measure, collection_span, setter);
    const std::vector<PageRange> contents_ranges =
        contents.empty() ? std::vector<PageRange>{}
                         : break_pages(numbered_contents.items, page_params);
    // The same lines as the blank pass, so the same pages: the body's page
    // indices stay right.
    assert(static_cast<int>(contents_ranges.size()) == contents_pages);
    // The contents come first in the outline, as on paper.
    const std::size_t body_outline = document.outline.size();
    for (std::size_t k = 0; k < contents_ranges.size(); ++k) {
        Page page;
        page.width = page_width;
        page.height = page_height;
        place_range(numbered_contents, contents_ranges[k], contents_first + static_cast<int>(k),
                    profile.margin_inner, 0, page);
        document.pages.push_back(std::move(page));
    }
    std::rotate(document.outline.begin(),
                document.outline.begin() + static_cast<std::ptrdiff_t>(body_outline),
                document.outline.end());
    for (Page& page : body) document.pages.push_back(std::move(page));
    if (profile.imposition == "booklet") {
        // A booklet's sheets hold four pages each. The blank ones go before
        // the back page, which must stay the outside of the last sheet.
        const int pages = static_cast<int>(document.pages.size()) + (covers ? 1 : 0);
        for (int k = 0; k < blank_pages_for_booklet(pages); ++k) {
            Page blank;
            blank.width = page_width;
            blank.height = page_height;
            document.pages.push_back(std::move(blank));
        }
    }
    if (covers) document.pages.push_back(back_cover(cover_context));

    for (const UnresolvedLink& link : unresolved) {
        auto& area = std::get<LinkArea>(
            document.pages[static_cast<std::size_t>(link.page)].items[link.item]);
        auto found = destinations.find(link.destination);
        if (found == destinations.end()) continue;  // every anchor named was set; kept inert
        area.dest_page = found->second.page;
        area.dest_y = found->second.y;
    }

    setter.report_uncovered();
    if (document.pages.empty()) {
        sink.error(collection.file_span(), "empty-brochure",
                   "nothing to typeset: the '" + edition.lang +
                       "' edition has no articles and the profile prints no cover");
        return std::nullopt;
    }
    const int page_count = static_cast<int>(document.pages.size());
    document.page_labels = page_labels(page_count, covers, covers, edition.lang, contents_pages);

    document.info.title = title;
    document.print.bleed = profile.bleed;
    document.print.crop_marks = profile.crop_marks;
    document.print.pdfa = profile.pdfa;
    document.print.impose_booklet = profile.imposition == "booklet";
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
