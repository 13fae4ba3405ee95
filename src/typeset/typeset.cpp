// The brochure from cover to back page: articles become one vertical list,
// the page builder cuts it into pages, boxes are placed on them, and what
// needed the finished pages (link destinations, the outline, footers) is
// filled in last.
#include "pamphlet/typeset.hpp"

#include "document/blocks.hpp"
#include "document/contents.hpp"
#include "document/document_fonts.hpp"
#include "document/even_pages.hpp"
#include "document/front_back.hpp"
#include "document/furniture.hpp"
#include "document/handout_furniture.hpp"
#include "document/images.hpp"
#include "document/styles.hpp"
#include "document/text_setter.hpp"
#include "document/words_ahead.hpp"
#include "page/columns.hpp"
#include "page/page_builder.hpp"
#include "page/placement.hpp"

#include "pamphlet/base/strings.hpp"
#include "pamphlet/base/threads.hpp"
#include "pamphlet/edition_info.hpp"
#include "pamphlet/locale.hpp"

#include <algorithm>
#include <cassert>
#include <map>

namespace pamphlet {

namespace {

using namespace typeset;

bool imposes(const Profile& profile, const TypesetOptions& options) {
    return profile.imposition == Imposition::booklet && options.impose;
}

// The letterhead before the first article's opening (with it, it spans the
// columns) and the contact block after the last article's text, kept whole.
// Its QR code leads to the article online when the handout is that one
// article and it has a web address, else to the clinic's website.
void add_handout_furniture(const Collection& collection, const Edition& edition, double measure,
                           bool spanning, TextSetter& setter, DocumentImages& images,
                           const TagTarget& tags, VerticalList& list) {
    const Profile& profile = setter.styles().profile();
    auto add_content = [&](HandoutBox box, int article) {
        box.content.article = article;
        list.contents.push_back(std::move(box.content));
        return VerticalItem::box(box.height, 0, static_cast<int>(list.contents.size()) - 1,
                                 spanning);
    };
    if (std::optional<HandoutBox> header =
            handout_header(collection, edition.lang, measure, setter, images)) {
        // A page that opens with the letterhead begins with the first article.
        header->content.position = TextPosition{};
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
        handout_contact_block(collection, edition.lang, url, url_span, measure, setter, tags);
    list.items.push_back(VerticalItem::make_penalty(0));
    list.items.push_back(VerticalItem::glue(2 * profile.heading_space_before));
    list.items.push_back(
        add_content(std::move(contact), static_cast<int>(edition.articles.size()) - 1));
}

// How many blank pages make `pages` a multiple of four.
int blank_pages_for_booklet(int pages) {
    return (4 - pages % 4) % 4;
}

// The page and its text area, pt.
struct PageGeometry {
    double page_width = 0, page_height = 0;
    ArticleFrame text;  // measure, text height, column width
};

// The text area the profile's margins and columns leave; nullopt (after
// reporting) when they leave none.
std::optional<PageGeometry> measure_page(const Profile& profile, DiagnosticSink& sink) {
    PageGeometry geometry;
    geometry.page_width = profile.page_width();
    geometry.page_height = profile.page_height();
    ArticleFrame& text = geometry.text;
    text.measure = geometry.page_width - profile.margin_inner - profile.margin_outer;
    text.text_height = geometry.page_height - profile.margin_top - profile.margin_bottom;
    text.column_width =
        (text.measure - (profile.columns - 1) * profile.column_gap) / profile.columns;
    if (text.measure <= 0 || text.text_height <= 0 || text.column_width <= 0) {
        sink.error(SourceSpan::whole(profile.file.string()), "no-text-room",
                   "the profile's margins leave no room for text");
        return std::nullopt;
    }
    return geometry;
}

// Which pages the brochure has besides the body, and where they go.
struct FrontMatter {
    bool covers = false;     // a front cover and a back page
    int contents_first = 0;  // document index of the contents' first page
    int contents_pages = 0;
    int body_first() const { return contents_first + contents_pages; }
};

// One edition's brochure as it is built: the steps of typeset_edition, in
// the order they must run (the text setter numbers fonts and images in the
// order they are first used, so the order is part of the output).
class Brochure {
public:
    Brochure(const Collection& collection, const Edition& edition, const Profile& profile,
             const TypesetOptions& options, const Styles& styles, FontSet& fonts,
             const PageGeometry& geometry, DiagnosticSink& sink)
        : collection_(collection),
          edition_(edition),
          profile_(profile),
          options_(options),
          sink_(sink),
          info_(edition_info(collection, edition)),
          geometry_(geometry),
          document_fonts_(fonts),
          hyphenation_(load_hyphenation(profile, options)),
          setter_(styles, fonts, document_fonts_, sink, hyphenation_ ? &*hyphenation_ : nullptr),
          cover_context_{
              collection,           edition, info_, setter_, images_, options, geometry.page_width,
              geometry.page_height, {}},
          collection_span_(collection.file_span()),
          page_params_{geometry.text.text_height, profile.ragged_bottom} {
        setter_.keep_run_text(options.keep_run_text);
        // The Document element: everything read is inside it. No tree, no
        // tags: a profile with pdfua: false, and an imposed booklet, whose
        // sheets show pages side by side and out of order.
        if (profile.pdfua && !imposes(profile, options)) {
            tags_ = &document_.structure;
            document_node_ = document_.structure.add(StructRole::document, artifact);
        }
        cover_context_.tags = {tags_, document_node_};
        // A handout is the articles alone: the clinic signs at their head
        // and foot instead of on covers.
        front_.covers = profile.cover_enabled && !options.handout;
    }

    Hyphenation* hyphenation() { return hyphenation_ ? &*hyphenation_ : nullptr; }
    void set_front_cover();
    VerticalList lay_out_articles(TypesetStats* stats, TypesetterProgress* progress);
    void count_contents_pages();
    std::vector<Page> break_body_into_pages(VerticalList& articles);
    void set_contents_pages();
    void add_body(std::vector<Page> body);
    void pad_booklet();
    void set_back_cover();
    void resolve_links();
    std::optional<LaidOutDocument> finish();

private:
    struct Destination {
        int page = 0;
        double y = 0;
    };
    struct UnresolvedLink {
        int page = 0;
        std::size_t item = 0;  // index of the LinkArea in the page's items
        std::string destination;
    };
    // What a range of the vertical list opened with, for the page's furniture.
    struct Placed {
        int article = -1;             // the first article it holds (-1: none)
        bool article_starts = false;  // whether an article starts in it
        // The first text it holds that no earlier page held (a figure
        // floated past the text after it does not count), and the furthest.
        std::optional<TextPosition> start, furthest;
        void add(const Placed& other);
    };

    static std::optional<Hyphenation> load_hyphenation(const Profile& profile,
                                                       const TypesetOptions& options);
    Page blank_page() const;
    Placed place_range(VerticalList& from, const PageRange& range, int page_index, double left,
                       double top_offset, Page& page) {
        return place_range(from, from.items, range, page_index, left, top_offset, page);
    }
    // The same for a range of `items`, whose contents are `from`'s.
    Placed place_range(VerticalList& from, const std::vector<VerticalItem>& items,
                       const PageRange& range, int page_index, double left, double top_offset,
                       Page& page);
    void place_notes(VerticalList& from, const PageParams& params, ItemSpan notes,
                     int page_index, double left, Page& page);
    void add_furniture(Page& page, const Placed& placed, int number, bool right_hand);

    const Collection& collection_;
    const Edition& edition_;
    const Profile& profile_;
    const TypesetOptions& options_;
    DiagnosticSink& sink_;
    // What the covers, the footers and the PDF's metadata say the book is,
    // as the EPUB says it.
    const EditionInfo info_;
    const PageGeometry geometry_;
    DocumentFonts document_fonts_;
    DocumentImages images_;
    std::optional<Hyphenation> hyphenation_;
    TextSetter setter_;
    CoverContext cover_context_;
    // The footer and the contents say what collection.yaml and the profile
    // told them to.
    const SourceSpan collection_span_;
    const PageParams page_params_;

    LaidOutDocument document_;
    StructureTree* tags_ = nullptr;  // the document's structure, when it is tagged
    StructRef document_node_ = artifact;
    FrontMatter front_;
    std::vector<ContentsEntry> contents_;
    std::map<std::string, Destination> destinations_;
    std::optional<TextPosition> reached_;  // the furthest text on the pages made
    std::vector<UnresolvedLink> unresolved_;
};

std::optional<Hyphenation> Brochure::load_hyphenation(const Profile& profile,
                                                      const TypesetOptions& options) {
    // Built in place (prvalues all the way): a Hyphenation does not move.
    if (!profile.hyphenate) return std::nullopt;
    return std::optional<Hyphenation>(std::in_place, options.hyphenation_dirs,
                                      hyphenation_settings(profile), options.hyphenation_patterns);
}

Page Brochure::blank_page() const {
    Page page;
    page.width = geometry_.page_width;
    page.height = geometry_.page_height;
    return page;
}

void Brochure::set_front_cover() {
    if (front_.covers) document_.pages.push_back(front_cover(cover_context_));
    front_.contents_first = static_cast<int>(document_.pages.size());
}

// Every article, one after the other, as one vertical list; a handout's
// letterhead and contact block around them.
VerticalList Brochure::lay_out_articles(TypesetStats* stats, TypesetterProgress* progress) {
    VerticalList list;
    ArticleBuilder builder(edition_, setter_, images_, geometry_.text, list);
    builder.tag_into(tags_, document_node_);
    if (stats) *stats = {};
    builder.measure_into(stats);
    builder.report_progress(progress);
    const bool even = profile_.adjust_paragraphs && profile_.columns <= 1;
    // The evened pages hold the footnotes their lines call for, as the
    // final ones will.
    PageParams even_params = page_params_;
    even_params.notes = &list.notes;
    even_params.repeats = &list.repeats;
    even_params.note_skip = profile_.footnote_space_before;
    if (even) builder.remember_paragraphs();
    std::size_t flow_begin = 0;  // where the pages not yet evened begin
    for (std::size_t i = 0; i < edition_.articles.size(); ++i) {
        // An article that begins a page ends the pages before it: they are
        // evened now, while a paragraph set again moves only their items.
        if (even && profile_.article_new_page && i > 0) {
            even_pages(list, builder, even_params, flow_begin);
            flow_begin = list.items.size();
        }
        builder.add_article(static_cast<int>(i));
    }
    if (options_.handout && !edition_.articles.empty()) {
        const ArticleFrame& text = geometry_.text;
        add_handout_furniture(collection_, edition_, text.measure, text.column_width < text.measure,
                              setter_, images_, {tags_, document_node_}, list);
    }
    if (even) even_pages(list, builder, even_params, flow_begin);
    return list;
}

// The contents' length is known before the body's page numbers: its lines
// do not depend on them.
void Brochure::count_contents_pages() {
    if (profile_.toc_enabled && !options_.handout && edition_.articles.size() >= 2) {
        for (const Article& article : edition_.articles)
            contents_.push_back({article.title, ArticleBuilder::anchor(article.id), 0});
    }
    const VerticalList blank_contents =
        contents_list(contents_, edition_.lang, geometry_.text.measure, collection_span_, setter_);
    front_.contents_pages =
        contents_.empty()
            ? 0
            : static_cast<int>(break_pages(blank_contents.items, page_params_).size());
}

// Places the boxes of `range` on a page that will be document page
// `page_index`, the range's left edge at `left` and its top `top_offset`
// below the text area's. Each box is placed once: its items move onto the
// page (a repeated table header's are copied, each time it is placed).
Brochure::Placed Brochure::place_range(VerticalList& from, const std::vector<VerticalItem>& items,
                                       const PageRange& range, int page_index, double left,
                                       double top_offset, Page& page) {
    double y = geometry_.page_height - profile_.margin_top - top_offset;
    Placed placed;
    FramePainter frames(from.frames, left);
    for (const ItemSpan& piece : pieces(range)) {
        // A table's header repeated here: painted, but nothing it marks
        // (its anchors, the text position) is on this page.
        const bool repeat = !range.repeat.empty() && piece.begin == range.repeat.begin;
        for (std::size_t i = piece.begin; i < piece.end; ++i) {
            const VerticalItem& item = items[i];
            if (item.kind == VerticalItem::Kind::glue) y -= glue_size(item, range.glue_ratio);
            if (item.kind != VerticalItem::Kind::box) continue;
            const double top = y;
            const double baseline = top - item.height;
            y = baseline - item.depth;
            if (item.content < 0) continue;
            BoxContent& content = from.contents[static_cast<std::size_t>(item.content)];
            frames.add_box(content.frames, top, y, page);
            if (placed.article < 0) placed.article = content.article;
            if (content.repeated) {
                std::vector<PageItem> copy(content.items);
                // A reader hears the header once, where the table begins.
                if (repeat) make_artifacts(copy);
                place_items(std::move(copy), left, baseline, page);
            } else {
                place_items(std::move(content.items), left, baseline, page);
            }
            for (const PendingLink& link : content.links) {
                if (!link.destination.empty()) {
                    unresolved_.push_back({page_index, page.items.size(), link.destination});
                }
                page.items.emplace_back(placed_link(link, left, baseline));
            }
            if (repeat) continue;
            if (const std::optional<TextPosition>& at = content.position) {
                if (!placed.start && (!reached_ || *at > *reached_)) placed.start = at;
                if (!placed.furthest || *at > *placed.furthest) placed.furthest = at;
            }
            for (const std::string& anchor : content.anchors) {
                destinations_.emplace(anchor, Destination{page_index, top});
            }
            if (content.outline) {
                OutlineEntry entry = *content.outline;
                entry.page = page_index;
                entry.y = top;
                if (entry.level == 0 && content.article >= 0) placed.article_starts = true;
                document_.outline.push_back(std::move(entry));
            }
        }
    }
    frames.finish(page);
    return placed;
}

// A page's footnotes at the foot of its text area, under a short rule in
// the space above them.
void Brochure::place_notes(VerticalList& from, const PageParams& params, ItemSpan notes,
                           int page_index, double left, Page& page) {
    notes.begin = first_box(from.notes, notes);
    const double height = notes_height(params, notes);
    if (notes.empty() || height <= 0) return;
    const double top_offset = geometry_.text.text_height - (height - params.note_skip);
    const double top = geometry_.page_height - profile_.margin_top - top_offset;
    const double width = std::min(profile_.footnote_rule_width, geometry_.text.column_width);
    if (width > 0 && profile_.rule_thickness > 0) {
        page.items.emplace_back(FilledRect{left, top + params.note_skip / 3, width,
                                           profile_.rule_thickness, profile_.muted_color});
    }
    place_range(from, from.notes, PageRange{notes.begin, notes.end, false, {}, {}}, page_index,
                left, top_offset, page);
}

void Brochure::Placed::add(const Placed& other) {
    if (article < 0) article = other.article;
    article_starts = article_starts || other.article_starts;
    if (!start) start = other.start;
    if (other.furthest && (!furthest || *other.furthest > *furthest)) furthest = other.furthest;
}

// The running head (not on a page where an article starts) and the footer.
void Brochure::add_furniture(Page& page, const Placed& placed, int number, bool right_hand) {
    const std::string article_title =
        placed.article >= 0 ? edition_.articles[static_cast<std::size_t>(placed.article)].title
                            : std::string();
    if (profile_.header_enabled && placed.article >= 0 && !placed.article_starts) {
        add_running_head(page, article_title, collection_.publisher.name, right_hand, edition_.lang,
                         collection_span_, setter_);
    }
    add_footer(
        page,
        footer_text(profile_.footer_text, collection_.publisher.name, info_.title, article_title),
        number, right_hand, edition_.lang, collection_span_, setter_);
}

// The page builder cuts the articles into pages (in columns, if the profile
// has them); their boxes are placed and the furniture added. The list is
// husks afterwards.
std::vector<Page> Brochure::break_body_into_pages(VerticalList& articles) {
    const double column_step = geometry_.text.column_width + profile_.column_gap;
    std::vector<Page> body;
    ColumnParams params{page_params_, profile_.columns};
    params.page.notes = &articles.notes;
    params.page.repeats = &articles.repeats;
    params.page.note_skip = profile_.footnote_space_before;
    for (const PagePlan& plan : plan_pages(articles.items, params)) {
        const int number = static_cast<int>(body.size()) + 1;
        const bool right_hand = !profile_.facing || number % 2 == 1;
        const double left = right_hand ? profile_.margin_inner : profile_.margin_outer;
        Page page = blank_page();
        // The page's items in one allocation: its boxes' items and links,
        // and room for the running head and the footer.
        constexpr std::size_t furniture_items = 8;
        std::size_t item_count = furniture_items;
        for (const Region& region : plan.regions)
            for (const ItemSpan& piece : pieces(region.range))
                for (std::size_t i = piece.begin; i < piece.end; ++i) {
                    const VerticalItem& item = articles.items[i];
                    if (item.kind != VerticalItem::Kind::box || item.content < 0) continue;
                    const BoxContent& content =
                        articles.contents[static_cast<std::size_t>(item.content)];
                    item_count += content.items.size() + content.links.size();
                }
        page.items.reserve(item_count);
        Placed placed;
        for (const Region& region : plan.regions) {
            const double x = left + (region.span ? 0 : region.column * column_step);
            placed.add(place_range(articles, region.range, front_.body_first() + number - 1, x,
                                   region.top, page));
            place_notes(articles, params.page, region.range.notes, front_.body_first() + number - 1,
                        x, page);
        }
        add_furniture(page, placed, number, right_hand);
        // A page that shows no text beyond the pages before it (only a
        // floated figure, or the handout's contact block) is left out of
        // the page starts: there is no new place to send a reader to.
        if (placed.start) {
            document_.page_starts.push_back(
                {front_.body_first() + number - 1, std::to_string(number), *placed.start});
        }
        if (placed.furthest && (!reached_ || *placed.furthest > *reached_))
            reached_ = placed.furthest;
        body.push_back(std::move(page));
    }
    // Every box is on its page now: what is left of the list is husks.
    articles = VerticalList{};
    return body;
}

// Now the numbers: each article's first page, as its footer prints it. The
// contents come first in the outline, as on paper.
void Brochure::set_contents_pages() {
    for (ContentsEntry& entry : contents_) {
        auto found = destinations_.find(entry.destination);
        if (found != destinations_.end())
            entry.number = found->second.page - front_.body_first() + 1;
    }
    VerticalList numbered_contents =
        contents_list(contents_, edition_.lang, geometry_.text.measure, collection_span_, setter_,
                      {tags_, document_node_});
    const std::vector<PageRange> contents_ranges =
        contents_.empty() ? std::vector<PageRange>{}
                          : break_pages(numbered_contents.items, page_params_);
    // The same lines as the blank pass, so the same pages: the body's page
    // indices stay right.
    assert(static_cast<int>(contents_ranges.size()) == front_.contents_pages);
    const std::size_t body_outline = document_.outline.size();
    for (std::size_t k = 0; k < contents_ranges.size(); ++k) {
        Page page = blank_page();
        place_range(numbered_contents, contents_ranges[k],
                    front_.contents_first + static_cast<int>(k), profile_.margin_inner, 0, page);
        document_.pages.push_back(std::move(page));
    }
    std::rotate(document_.outline.begin(),
                document_.outline.begin() + static_cast<std::ptrdiff_t>(body_outline),
                document_.outline.end());
}

void Brochure::add_body(std::vector<Page> body) {
    for (Page& page : body) document_.pages.push_back(std::move(page));
}

// A booklet's sheets hold four pages each. The blank ones go before the
// back page, which must stay the outside of the last sheet.
void Brochure::pad_booklet() {
    if (profile_.imposition != Imposition::booklet) return;
    const int pages = static_cast<int>(document_.pages.size()) + (front_.covers ? 1 : 0);
    for (int k = 0; k < blank_pages_for_booklet(pages); ++k)
        document_.pages.push_back(blank_page());
}

void Brochure::set_back_cover() {
    if (front_.covers) document_.pages.push_back(back_cover(cover_context_));
}

// Links to anchors on pages made after the link's own get their
// destinations.
void Brochure::resolve_links() {
    for (const UnresolvedLink& link : unresolved_) {
        auto& area = std::get<LinkArea>(
            document_.pages[static_cast<std::size_t>(link.page)].items[link.item]);
        auto found = destinations_.find(link.destination);
        if (found == destinations_.end()) continue;  // every anchor named was set; kept inert
        area.dest_page = found->second.page;
        area.dest_y = found->second.y;
    }
}

// The document's labels, metadata, fonts and images; nullopt (after
// reporting) when it has no pages at all.
std::optional<LaidOutDocument> Brochure::finish() {
    setter_.report_uncovered();
    if (document_.pages.empty()) {
        sink_.error(collection_.file_span(), "empty-brochure",
                    "nothing to typeset: the '" + edition_.lang +
                        "' edition has no articles and the profile prints no cover");
        return std::nullopt;
    }
    const int page_count = static_cast<int>(document_.pages.size());
    document_.page_labels =
        page_labels(page_count, front_.covers, front_.covers, edition_.lang, front_.contents_pages);

    document_.info.title = info_.title;
    document_.print.bleed = profile_.bleed;
    document_.print.crop_marks = profile_.crop_marks;
    document_.print.pdfa = profile_.pdfa;
    document_.print.impose_booklet = imposes(profile_, options_);
    // The book's authors are its articles' (the EPUB's dc:creator); the
    // clinic is its publisher, and the creator tool is pamphlet.
    document_.info.author = join(info_.authors, ", ");
    document_.info.subject = info_.subtitle;
    document_.info.keywords = join(info_.keywords, ", ");
    document_.info.creator = options_.generator;
    document_.info.producer = options_.generator;
    document_.info.lang = edition_.lang;
    document_.info.timestamp = options_.timestamp;
    document_.fonts = document_fonts_.take();
    document_.images = images_.take();
    return std::move(document_);
}

}  // namespace

std::optional<LaidOutDocument> typeset_edition(const Collection& collection, const Edition& edition,
                                               const Profile& profile,
                                               const TypesetOptions& options, DiagnosticSink& sink,
                                               TypesetStats* stats) {
    FontSet fonts;
    const std::optional<Styles> styles = Styles::load(profile, fonts, sink);
    if (!styles) return std::nullopt;
    const std::optional<PageGeometry> geometry = measure_page(profile, sink);
    if (!geometry) return std::nullopt;

    Brochure brochure(collection, edition, profile, options, *styles, fonts, *geometry, sink);
    // The body's words shaped and hyphenated on another core while the
    // cover and the articles are set (document/words_ahead.hpp).
    std::optional<WordsAhead> ahead;
    if (usable_cores() > 1) ahead.emplace(edition, *styles, fonts, brochure.hyphenation());
    brochure.set_front_cover();
    VerticalList articles = brochure.lay_out_articles(stats, ahead ? &ahead->progress() : nullptr);
    ahead.reset();
    brochure.count_contents_pages();
    std::vector<Page> body = brochure.break_body_into_pages(articles);
    brochure.set_contents_pages();
    brochure.add_body(std::move(body));
    brochure.pad_booklet();
    brochure.set_back_cover();
    brochure.resolve_links();
    return brochure.finish();
}

}  // namespace pamphlet
