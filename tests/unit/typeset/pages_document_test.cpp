// The brochure end to end: a collection and a4-handout through the whole
// typesetter, checked for what a reader and a PDF writer rely on.
#include "document/document_fonts.hpp"
#include "document/furniture.hpp"
#include "document/styles.hpp"

#include "pamphlet/base/strings.hpp"
#include "pamphlet/collection.hpp"
#include "pamphlet/edition_info.hpp"
#include "pamphlet/locale.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/typeset.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace pamphlet;
using namespace pamphlet::typeset;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = PAMPHLET_SOURCE_DIR;

Profile handout(SourceFiles& sources, DiagnosticSink& sink) {
    ProfilePaths paths{{source_dir / "layouts"}, {source_dir / "fonts"}};
    std::optional<Profile> profile = load_profile("a4-handout", paths, sources, sink);
    REQUIRE_MESSAGE(profile, format_diagnostics(sink));
    return *profile;
}

struct Typeset {
    Collection collection;
    std::vector<LaidOutDocument> documents;  // one per edition
    DiagnosticSink sink;
};

Typeset typeset_collection(const fs::path& dir, bool keep_run_text = true) {
    Typeset result;
    SourceFiles sources;
    Profile profile = handout(sources, result.sink);
    std::optional<Collection> collection = load_collection(dir, {}, sources, result.sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(result.sink));
    result.collection = *collection;
    for (const Edition& edition : result.collection.editions) {
        TypesetOptions options{0, "pamphlet test"};
        options.keep_run_text = keep_run_text;
        auto document = typeset_edition(result.collection, edition, profile, options, result.sink);
        REQUIRE_MESSAGE(document, format_diagnostics(result.sink));
        result.documents.push_back(std::move(*document));
    }
    return result;
}

bool starts_with_letter(std::string_view text) {
    if (text.empty()) return false;
    const auto c = static_cast<unsigned char>(text.front());
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

}  // namespace

TEST_CASE("styles come from the a4-handout profile") {
    SourceFiles sources;
    DiagnosticSink sink;
    Profile profile = handout(sources, sink);
    FontSet fonts;
    std::optional<Styles> styles = Styles::load(profile, fonts, sink);
    REQUIRE_MESSAGE(styles, format_diagnostics(sink));

    const TextStyle body = styles->resolve(styles->body.format);
    CHECK(fonts.file(body.font).filename() == "CharisSIL-Regular.ttf");
    CHECK(body.size == doctest::Approx(11));
    CHECK(body.hyphenate);
    REQUIRE(!body.fallbacks.empty());
    CHECK(fonts.file(body.fallbacks.back()).filename() == "DejaVuSans.ttf");
    CHECK(styles->body.leading == doctest::Approx(15.5));

    Format emphasis = styles->body.format;
    emphasis.italic = true;
    CHECK(fonts.file(styles->resolve(emphasis).font).filename() == "CharisSIL-Italic.ttf");
    emphasis.bold = true;
    CHECK(fonts.file(styles->resolve(emphasis).font).filename() == "CharisSIL-BoldItalic.ttf");

    const TextStyle title = styles->resolve(styles->title.format);
    CHECK(fonts.file(title.font).filename() == "Lato-Bold.ttf");
    CHECK(title.size == doctest::Approx(22));
    CHECK_FALSE(title.hyphenate);
    CHECK(title.color == profile.heading_color);
    CHECK(styles->heading(2).format.size == doctest::Approx(15));
    CHECK(styles->heading(3).format.size == doctest::Approx(12));
    CHECK(styles->heading(5).format.size == doctest::Approx(11));
    CHECK(styles->summary.format.color == profile.muted_color);

    const TextStyle code = styles->resolve(styles->code.format);
    CHECK(fonts.file(code.font).filename() == "NotoSansMono-Regular.ttf");
    CHECK_FALSE(code.hyphenate);

    // A strut's height and depth add up to the leading: baselines are a
    // fixed distance apart.
    const Styles::Strut strut = styles->strut(styles->body);
    CHECK(strut.height + strut.depth == doctest::Approx(15.5));
    CHECK(strut.height > strut.depth);
}

TEST_CASE("glyph texts follow HarfBuzz clusters") {
    GlyphRun run;
    run.text = "office";
    // "o", the "ffi" ligature, "c", "e".
    for (std::uint32_t cluster : {0u, 1u, 4u, 5u}) run.glyphs.push_back({7, cluster, 5, 0, 0});
    std::vector<std::string> texts = glyph_texts(run);
    CHECK(texts == std::vector<std::string>{"o", "ffi", "c", "e"});

    GlyphRun marks;
    marks.text = "e\xCC\x81x";  // e + combining acute: two glyphs, one cluster
    marks.glyphs = {{1, 0, 5, 0, 0}, {2, 0, 0, 0, 0}, {3, 3, 5, 0, 0}};
    CHECK(glyph_texts(marks) == std::vector<std::string>{"e\xCC\x81", "", "x"});
}

TEST_CASE("footer text and page labels") {
    CHECK(footer_text("{publisher} · {article}", "Praxis", "Heft", "Faszien") ==
          "Praxis · Faszien");
    CHECK(footer_text("{title} {unknown}", "P", "T", "A") == "T {unknown}");

    std::vector<PageLabelRange> labels = page_labels(6, true, true, "de");
    REQUIRE(labels.size() == 3);
    CHECK(labels[0].first_page == 0);
    CHECK(labels[0].style == PageLabelRange::Style::none);
    CHECK(labels[0].prefix == "Titelseite");
    CHECK(labels[1].first_page == 1);
    CHECK(labels[1].style == PageLabelRange::Style::decimal);
    CHECK(labels[1].start == 1);
    CHECK(labels[2].first_page == 5);
    CHECK(labels[2].prefix == "Rückseite");

    labels = page_labels(3, false, false, "en");
    REQUIRE(labels.size() == 1);
    CHECK(labels[0].first_page == 0);
}

TEST_CASE("the clinic sample typesets into a brochure") {
    Typeset result = typeset_collection(source_dir / "samples" / "clinic");
    INFO(format_diagnostics(result.sink));
    CHECK_FALSE(result.sink.has_errors());
    REQUIRE(result.documents.size() == result.collection.editions.size());

    for (std::size_t e = 0; e < result.documents.size(); ++e) {
        const LaidOutDocument& doc = result.documents[e];
        const Edition& edition = result.collection.editions[e];
        CAPTURE(edition.lang);
        // Cover, at least a page per article, back page.
        REQUIRE(doc.pages.size() >= edition.articles.size() + 2);
        CHECK(doc.info.title == edition.title);
        CHECK(doc.info.lang == edition.lang);
        CHECK(doc.info.creator == "pamphlet test");
        // What the EPUB says of the same edition (its dc:creator elements
        // and dc:subject elements): the articles' authors, not the clinic.
        const EditionInfo info = edition_info(result.collection, edition);
        CHECK(doc.info.author == join(info.authors, ", "));
        CHECK(doc.info.author == "Jana Feld, Mo Berger");
        CHECK(doc.info.keywords == join(info.keywords, ", "));
        CHECK_FALSE(doc.info.keywords.empty());
        CHECK(doc.info.subject == info.subtitle);

        // One level-0 outline entry per article, in order, each on a page of
        // its own, at the top of the text area.
        // The contents come first, on the page after the cover.
        REQUIRE(!doc.outline.empty());
        CHECK(doc.outline.front().title == std::string(words_for(edition.lang).contents));
        CHECK(doc.outline.front().page == 1);
        std::vector<const OutlineEntry*> articles;
        for (std::size_t o = 1; o < doc.outline.size(); ++o)
            if (doc.outline[o].level == 0) articles.push_back(&doc.outline[o]);
        REQUIRE(articles.size() == edition.articles.size());
        int previous_page = 0;
        for (std::size_t a = 0; a < articles.size(); ++a) {
            CHECK(articles[a]->title == edition.articles[a].title);
            CHECK(articles[a]->page > previous_page);
            CHECK(articles[a]->y == doctest::Approx(841.89 - 25 * 72 / 25.4).epsilon(0.001));
            previous_page = articles[a]->page;
        }
        CHECK(doc.outline.size() > articles.size());  // the h2 sections too

        // Every glyph placed is known to its font, with its text for letters;
        // every run and image says where it came from.
        std::size_t runs = 0;
        for (const Page& page : doc.pages) {
            for (const PageItem& item : page.items) {
                if (const auto* image = std::get_if<PlacedImage>(&item)) {
                    CHECK(image->span.has_file());
                    CHECK(image->image < static_cast<int>(doc.images.size()));
                }
                const auto* run = std::get_if<GlyphRun>(&item);
                if (!run) continue;
                ++runs;
                CHECK(run->span.has_file());
                REQUIRE(run->font >= 0);
                REQUIRE(run->font < static_cast<int>(doc.fonts.size()));
                const DocumentFont& font = doc.fonts[static_cast<std::size_t>(run->font)];
                std::vector<std::string> texts = glyph_texts(*run);
                for (std::size_t g = 0; g < run->glyphs.size(); ++g) {
                    auto used = font.glyphs.find(run->glyphs[g].id);
                    REQUIRE(used != font.glyphs.end());
                    CHECK(used->second.advance > 0);
                    if (starts_with_letter(texts[g])) CHECK_FALSE(used->second.text.empty());
                }
            }
        }
        CHECK(runs > 100);

        // Internal links land on a page of the document.
        for (const Page& page : doc.pages)
            for (const PageItem& item : page.items)
                if (const auto* link = std::get_if<LinkArea>(&item))
                    if (link->dest_page)
                        CHECK(*link->dest_page < static_cast<int>(doc.pages.size()));
    }
}

// Two documents laid out alike, page by page and item by item: `check`
// gets each pair of glyph runs (the other items must be in the same places).
template <typename Check>
void for_each_run_pair(const LaidOutDocument& a, const LaidOutDocument& b, Check check) {
    REQUIRE(a.pages.size() == b.pages.size());
    for (std::size_t p = 0; p < a.pages.size(); ++p) {
        REQUIRE(a.pages[p].items.size() == b.pages[p].items.size());
        for (std::size_t i = 0; i < a.pages[p].items.size(); ++i) {
            const auto* ra = std::get_if<GlyphRun>(&a.pages[p].items[i]);
            const auto* rb = std::get_if<GlyphRun>(&b.pages[p].items[i]);
            REQUIRE((ra == nullptr) == (rb == nullptr));
            if (ra) check(*ra, *rb);
        }
    }
}

TEST_CASE("typesetting is deterministic") {
    Typeset first = typeset_collection(source_dir / "tests" / "collections" / "ok" / "minimal");
    Typeset second = typeset_collection(source_dir / "tests" / "collections" / "ok" / "minimal");
    REQUIRE(first.documents.size() == 1);
    const LaidOutDocument& a = first.documents.front();
    const LaidOutDocument& b = second.documents.front();
    CHECK(a.pages.size() == 3);  // cover, the article, back page
    for_each_run_pair(a, b, [](const GlyphRun& ra, const GlyphRun& rb) {
        CHECK(ra.text == rb.text);
        CHECK(ra.x == rb.x);
        CHECK(ra.y == rb.y);
    });
}

TEST_CASE("runs without their text are the same runs, and the fonts still know the text") {
    const fs::path clinic = source_dir / "samples" / "clinic";
    Typeset with = typeset_collection(clinic);
    Typeset without = typeset_collection(clinic, false);
    REQUIRE(with.documents.size() == without.documents.size());
    for (std::size_t d = 0; d < with.documents.size(); ++d) {
        const LaidOutDocument& a = with.documents[d];
        const LaidOutDocument& b = without.documents[d];
        std::size_t runs = 0;
        for_each_run_pair(a, b, [&runs](const GlyphRun& ra, const GlyphRun& rb) {
            ++runs;
            CHECK_FALSE(ra.text.empty());
            CHECK(rb.text.empty());
            CHECK(ra.font == rb.font);
            CHECK(ra.x == rb.x);
            CHECK(ra.y == rb.y);
            REQUIRE(ra.glyphs.size() == rb.glyphs.size());
            for (std::size_t g = 0; g < ra.glyphs.size(); ++g) {
                CHECK(ra.glyphs[g].id == rb.glyphs[g].id);
                CHECK(ra.glyphs[g].advance == rb.glyphs[g].advance);
            }
        });
        CHECK(runs > 100);
        // What ToUnicode is made of was noted before the text went.
        REQUIRE(a.fonts.size() == b.fonts.size());
        for (std::size_t f = 0; f < a.fonts.size(); ++f) {
            REQUIRE(a.fonts[f].glyphs.size() == b.fonts[f].glyphs.size());
            auto gb = b.fonts[f].glyphs.begin();
            for (const auto& [id, used] : a.fonts[f].glyphs) {
                CHECK(id == gb->first);
                CHECK(used.text == gb->second.text);
                ++gb;
            }
        }
    }
}

TEST_CASE("an image that cannot be read is a warning, and its alt text is set") {
    Typeset result = typeset_collection(fs::path(PAMPHLET_TEST_DIR) / "unit" / "typeset" / "data" /
                                        "broken-image");
    CHECK_FALSE(result.sink.has_errors());
    bool warned = false;
    for (const Diagnostic& d : result.sink.diagnostics()) {
        if (d.code == "image-unusable") {
            warned = true;
            CHECK(d.severity == Severity::warning);
            CHECK(d.span.file.str().find("a.en.md") != std::string::npos);
        }
    }
    CHECK(warned);
    REQUIRE(result.documents.size() == 1);
    std::string text;
    for (const Page& page : result.documents.front().pages)
        for (const PageItem& item : page.items)
            if (const auto* run = std::get_if<GlyphRun>(&item)) text += run->text;
    CHECK(text.find("ninety") != std::string::npos);
    CHECK(text.find("goes on") != std::string::npos);
    CHECK(result.documents.front().images.empty());
}

namespace {

// The block a page start's path leads to in an article's body.
const Block* block_at(const std::vector<Block>& body, const std::vector<int>& path) {
    const std::vector<Block>* blocks = &body;
    const Block* block = nullptr;
    for (int index : path) {
        if (index < 0 || static_cast<std::size_t>(index) >= blocks->size()) return nullptr;
        block = &(*blocks)[static_cast<std::size_t>(index)];
        blocks = &block->children;
    }
    return block;
}

// Whether a line on the page begins with `word` (a line's first glyph run
// holds its first letters; a list item's marker is a run of its own).
bool a_line_begins_with(const Page& page, const std::string& word) {
    for (const PageItem& item : page.items)
        if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text.starts_with(word))
            return true;
    return false;
}

}  // namespace

TEST_CASE("every numbered page of the body records where its text begins") {
    Typeset result = typeset_collection(source_dir / "samples" / "clinic");
    for (std::size_t e = 0; e < result.documents.size(); ++e) {
        const LaidOutDocument& doc = result.documents[e];
        const Edition& edition = result.collection.editions[e];
        CAPTURE(edition.lang);
        // Cover, one page of contents, the body, the back page: every body
        // page has a start, numbered as its footer prints it.
        REQUIRE(doc.page_starts.size() == doc.pages.size() - 3);
        for (std::size_t k = 0; k < doc.page_starts.size(); ++k) {
            const PageStart& start = doc.page_starts[k];
            CAPTURE(start.label);
            CHECK(start.page == static_cast<int>(k) + 2);
            CHECK(start.label == std::to_string(k + 1));
            if (k > 0) CHECK(doc.page_starts[k - 1].at < start.at);

            // The text at that place is the text the page begins with.
            const Article& article = edition.articles.at(static_cast<std::size_t>(start.at.article));
            const ArticleBody body = edition.body(article, result.sink);
            REQUIRE(body);
            std::string model;
            if (start.at.blocks.empty()) {
                model = article.title;
            } else {
                const Block* block = block_at(*body, start.at.blocks);
                REQUIRE(block);
                model = block->kind == BlockKind::code_block ? block->text
                                                             : plain_text(block->inlines);
            }
            REQUIRE(start.at.offset <= model.size());
            // (Not always its first line: a figure that floated past the
            // text after it may stand above it.)
            const std::string word = model.substr(start.at.offset, 6);
            CHECK_MESSAGE(
                a_line_begins_with(doc.pages[static_cast<std::size_t>(start.page)], word),
                "no line of page " << start.label << " begins with '" << word << "'");
        }
    }
}

namespace {

// Body pages (not the article's last) whose text ends more than one line
// above the bottom of the text area: the lowest baseline above the footer,
// against the bottom of the text area less a line's depth.
int short_pages(const Typeset& result, const Profile& profile) {
    int count = 0;
    for (const LaidOutDocument& doc : result.documents) {
        REQUIRE(doc.page_starts.size() >= 3);
        const double bottom = profile.margin_bottom;
        // The first page start is the body's first page; the last body page
        // ends the article.
        for (std::size_t k = 0; k + 1 < doc.page_starts.size(); ++k) {
            const Page& page = doc.pages[static_cast<std::size_t>(doc.page_starts[k].page)];
            double lowest = page.height;
            for (const PageItem& item : page.items)
                if (const auto* run = std::get_if<GlyphRun>(&item); run && run->y > bottom - 5)
                    lowest = std::min(lowest, run->y);
            if (lowest - bottom > profile.text_leading + 5) ++count;
        }
    }
    return count;
}

Typeset typeset_with(const fs::path& dir, Profile profile) {
    Typeset result;
    SourceFiles sources;
    std::optional<Collection> collection = load_collection(dir, {}, sources, result.sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(result.sink));
    result.collection = *collection;
    for (const Edition& edition : result.collection.editions) {
        // Hyphenated, as pamphlet build sets it.
        TypesetOptions options{0, "pamphlet test", {source_dir / "hyphenation"}};
        auto document = typeset_edition(result.collection, edition, profile, options, result.sink);
        REQUIRE_MESSAGE(document, format_diagnostics(result.sink));
        result.documents.push_back(std::move(*document));
    }
    return result;
}

}  // namespace

TEST_CASE("pages end at the bottom: spaces stretch, and a paragraph is set a line longer or shorter") {
    SourceFiles sources;
    DiagnosticSink sink;
    const Profile profile = handout(sources, sink);
    const fs::path knee = source_dir / "bench" / "texts" / "knee";
    const Typeset even = typeset_with(knee, profile);
    CHECK(short_pages(even, profile) == 0);

    // Neither: pages end where keeps leave them.
    Profile ragged = profile;
    ragged.space_stretch = 0;
    ragged.adjust_paragraphs = false;
    const int without = short_pages(typeset_with(knee, ragged), profile);
    CHECK(without >= 4);
    // Stretch alone leaves some that only a paragraph set again saves.
    Profile stretch_only = profile;
    stretch_only.adjust_paragraphs = false;
    const int stretched = short_pages(typeset_with(knee, stretch_only), profile);
    CHECK(stretched > 0);
    CHECK(stretched < without);
    MESSAGE("short pages: " << without << " ragged, " << stretched << " with stretch, 0 with both");
}
