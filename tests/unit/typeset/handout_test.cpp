// Handouts, the back page's QR code and booklet padding, through the whole
// typesetter with the clinic sample and a4-handout.
#include "pamphlet/collection.hpp"
#include "pamphlet/locale.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/qr.hpp"
#include "pamphlet/typeset.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace pamphlet;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = PAMPHLET_SOURCE_DIR;

struct Sample {
    SourceFiles sources;
    DiagnosticSink sink;
    Profile profile;
    Collection collection;
};

Sample load_sample() {
    Sample s;
    ProfilePaths paths{{source_dir / "layouts"}, {source_dir / "fonts"}};
    std::optional<Profile> profile = load_profile("a4-handout", paths, s.sources, s.sink);
    REQUIRE_MESSAGE(profile, format_diagnostics(s.sink));
    s.profile = *profile;
    CollectionOptions options;
    options.languages = {"de"};
    std::optional<Collection> collection =
        load_collection(source_dir / "samples" / "clinic", options, s.sources, s.sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(s.sink));
    s.collection = std::move(*collection);
    REQUIRE(s.collection.editions.size() == 1);
    return s;
}

Edition only(const Edition& edition, const std::vector<std::string>& ids) {
    Edition cut = edition;
    cut.articles.clear();
    for (const Article& article : edition.articles)
        if (std::find(ids.begin(), ids.end(), article.id) != ids.end())
            cut.articles.push_back(article);
    REQUIRE(cut.articles.size() == ids.size());
    return cut;
}

LaidOutDocument typeset(Sample& s, const Edition& edition, const Profile& profile, bool handout) {
    TypesetOptions options{0, "pamphlet test"};
    options.handout = handout;
    std::optional<LaidOutDocument> document =
        typeset_edition(s.collection, edition, profile, options, s.sink);
    REQUIRE_MESSAGE(document, format_diagnostics(s.sink));
    CHECK_MESSAGE(!s.sink.has_errors(), format_diagnostics(s.sink));
    return std::move(*document);
}

std::string page_text(const Page& page) {
    std::string text;
    for (const PageItem& item : page.items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) text += run->text + " ";
    return text;
}

// The highest baseline of a run holding `words` on `page` (nullopt: none).
std::optional<double> baseline_of(const Page& page, std::string_view words) {
    std::optional<double> y;
    for (const PageItem& item : page.items)
        if (const auto* run = std::get_if<GlyphRun>(&item))
            if (run->text.find(words) != std::string::npos && (!y || run->y > *y)) y = run->y;
    return y;
}

// The QR code drawn on `page`, read back into modules: the light square of
// the quiet zone, then the dark runs inside it. nullopt: no code there.
std::optional<QrCode> drawn_qr(const Page& page) {
    const Color white{Color::Space::rgb, {1, 1, 1, 0}};
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        const auto* square = std::get_if<FilledRect>(&page.items[i]);
        if (!square || !(square->color == white) || square->width != square->height) continue;
        // Module size: the height of the first dark run after the square.
        if (i + 1 >= page.items.size()) continue;
        const auto* first = std::get_if<FilledRect>(&page.items[i + 1]);
        if (!first) continue;
        const double module = first->height;
        const double size = square->width / module - 2 * qr_quiet_zone;
        if (std::abs(size - std::round(size)) > 1e-6 || size < 21) continue;
        QrCode code;
        code.size = static_cast<int>(std::lround(size));
        code.version = (code.size - 17) / 4;
        code.modules.assign(static_cast<std::size_t>(code.size * code.size), 0);
        const double left = square->x + qr_quiet_zone * module;
        const double top = square->y + square->height - qr_quiet_zone * module;
        for (std::size_t k = i + 1; k < page.items.size(); ++k) {
            const auto* run = std::get_if<FilledRect>(&page.items[k]);
            if (!run || run->height != module || run->y < square->y ||
                run->y >= square->y + square->height)
                break;
            const int row = static_cast<int>(std::lround((top - run->y - module) / module));
            const int column = static_cast<int>(std::lround((run->x - left) / module));
            const int length = static_cast<int>(std::lround(run->width / module));
            for (int c = column; c < column + length; ++c)
                code.modules[static_cast<std::size_t>(row * code.size + c)] = 1;
        }
        return code;
    }
    return std::nullopt;
}

bool links_to(const Page& page, const std::string& uri) {
    return std::any_of(page.items.begin(), page.items.end(), [&](const PageItem& item) {
        const auto* link = std::get_if<LinkArea>(&item);
        return link && link->uri == uri;
    });
}

}  // namespace

TEST_CASE("the back page carries a QR code of the clinic's website") {
    Sample s = load_sample();
    const LaidOutDocument doc = typeset(s, s.collection.editions.front(), s.profile, false);
    const Page& back = doc.pages.back();
    const std::string url = web_uri(s.collection.publisher.website);
    std::optional<QrCode> drawn = drawn_qr(back);
    REQUIRE(drawn);
    std::optional<QrCode> expected = encode_qr(url).code;
    REQUIRE(expected);
    CHECK(drawn->size == expected->size);
    CHECK(drawn->modules == expected->modules);
    // The address printed under it, for people, and the code a link, for viewers.
    CHECK(page_text(back).find("www.physio-lindenhof.example") != std::string::npos);
    CHECK(links_to(back, url));
    // Beside the contact lines, inside the text area.
    for (const PageItem& item : back.items)
        if (const auto* run = std::get_if<GlyphRun>(&item))
            CHECK(run->x >= s.profile.margin_inner - 0.01);

    SUBCASE("no website, no code") {
        s.collection.publisher.website.clear();
        const LaidOutDocument without = typeset(s, s.collection.editions.front(), s.profile, false);
        CHECK_FALSE(drawn_qr(without.pages.back()));
    }
}

TEST_CASE("a handout: the clinic's letterhead, the article, its contact block and QR code") {
    Sample s = load_sample();
    const Edition& full = s.collection.editions.front();
    const Edition fascia = only(full, {"fascia"});
    const Article& article = fascia.articles.front();
    REQUIRE(!article.url.empty());
    const LaidOutDocument doc = typeset(s, fascia, s.profile, true);
    const LaidOutDocument brochure = typeset(s, fascia, s.profile, false);

    // No cover, no contents, no back page: the brochure of the same article
    // has two more pages, and the handout's labels are plain numbers.
    CHECK(doc.pages.size() + 2 == brochure.pages.size());
    REQUIRE(doc.page_labels.size() == 1);
    CHECK(doc.page_labels.front().first_page == 0);
    CHECK(doc.page_labels.front().style == PageLabelRange::Style::decimal);
    REQUIRE(!doc.outline.empty());
    CHECK(doc.outline.front().title == article.title);
    CHECK(doc.outline.front().page == 0);

    // The letterhead: logo and name above the title, inside the text area.
    const Page& first = doc.pages.front();
    const std::optional<double> title = baseline_of(first, "Faszien");
    const std::optional<double> name = baseline_of(first, "Physiotherapie Lindenhof");
    REQUIRE(title);
    REQUIRE(name);
    CHECK(*name > *title);
    CHECK(*name < first.height - s.profile.margin_top);
    const auto logo = std::find_if(first.items.begin(), first.items.end(), [](const PageItem& i) {
        return std::holds_alternative<PlacedImage>(i);
    });
    REQUIRE(logo != first.items.end());
    const PlacedImage& image = std::get<PlacedImage>(*logo);
    CHECK(image.y > *title);
    CHECK(image.y + image.height <= first.height - s.profile.margin_top + 0.01);
    CHECK(image.height <= 3 * s.profile.header_size + 0.01);

    // The end: the clinic's details and a QR code of the article's own page.
    const Page& last = doc.pages.back();
    const std::string text = page_text(last);
    CHECK(text.find("Lindenstraße 12") != std::string::npos);
    CHECK(text.find("+49 30 555 01234") != std::string::npos);
    CHECK(text.find("praxis@physio-lindenhof.example") != std::string::npos);
    std::optional<QrCode> drawn = drawn_qr(last);
    REQUIRE(drawn);
    CHECK(drawn->modules == encode_qr(article.url).code->modules);
    CHECK(links_to(last, article.url));
    // Below the article's last words (the code's caption, from the front
    // matter too, stands at the right).
    const std::optional<double> address = baseline_of(last, "Lindenstraße 12");
    REQUIRE(address);
    for (const PageItem& item : last.items)
        if (const auto* run = std::get_if<GlyphRun>(&item))
            if (run->span.file == article.span.file && run->x < last.width / 2)
                CHECK(run->y > *address);

    SUBCASE("an article without a web address: the clinic's website") {
        Edition no_url = fascia;
        no_url.articles.front().url.clear();
        const LaidOutDocument other = typeset(s, no_url, s.profile, true);
        std::optional<QrCode> code = drawn_qr(other.pages.back());
        REQUIRE(code);
        CHECK(code->modules == encode_qr(web_uri(s.collection.publisher.website)).code->modules);
    }
    SUBCASE("several articles: the clinic's website, the letterhead once") {
        const Edition two = only(full, {"fascia", "stretching"});
        const LaidOutDocument other = typeset(s, two, s.profile, true);
        std::optional<QrCode> code = drawn_qr(other.pages.back());
        REQUIRE(code);
        CHECK(code->modules == encode_qr(web_uri(s.collection.publisher.website)).code->modules);
        int logos = 0;
        for (const Page& page : other.pages)
            for (const PageItem& item : page.items)
                if (std::holds_alternative<PlacedImage>(item) &&
                    std::get<PlacedImage>(item).alt == s.collection.publisher.name)
                    ++logos;
        CHECK(logos == 1);
    }
    SUBCASE("neither an article address nor a website: no code") {
        Edition no_url = fascia;
        no_url.articles.front().url.clear();
        s.collection.publisher.website.clear();
        const LaidOutDocument other = typeset(s, no_url, s.profile, true);
        CHECK_FALSE(drawn_qr(other.pages.back()));
        CHECK(page_text(other.pages.back()).find("Lindenstraße 12") != std::string::npos);
    }
}

TEST_CASE("booklets are padded to a multiple of four with blank pages before the back page") {
    Sample s = load_sample();
    Profile booklet = s.profile;
    booklet.imposition = Imposition::booklet;
    const Edition& full = s.collection.editions.front();

    for (const std::vector<std::string>& ids :
         {std::vector<std::string>{"fascia"}, std::vector<std::string>{"fascia", "stretching"},
          std::vector<std::string>{"massage-vs-physiotherapy", "fascia", "stretching",
                                   "back-at-the-desk"}}) {
        for (bool handout : {false, true}) {
            CAPTURE(ids.size());
            CAPTURE(handout);
            const Edition edition = only(full, ids);
            const LaidOutDocument plain = typeset(s, edition, s.profile, handout);
            const LaidOutDocument padded = typeset(s, edition, booklet, handout);
            const std::size_t n = plain.pages.size();
            const std::size_t blanks = (4 - n % 4) % 4;
            REQUIRE(padded.pages.size() == n + blanks);
            CHECK(padded.pages.size() % 4 == 0);
            CHECK(padded.print.impose_booklet);
            CHECK_FALSE(plain.print.impose_booklet);
            // The pages before the blanks are the plain ones; the back page
            // (a brochure's) stays last.
            const std::size_t body_end = handout ? n : n - 1;
            for (std::size_t p = 0; p < body_end; ++p)
                CHECK(padded.pages[p].items.size() == plain.pages[p].items.size());
            for (std::size_t p = body_end; p < body_end + blanks; ++p) {
                CHECK(padded.pages[p].items.empty());  // no head, no number
                CHECK(padded.pages[p].width == plain.pages.front().width);
                CHECK(padded.pages[p].height == plain.pages.front().height);
            }
            if (!handout) CHECK(page_text(padded.pages.back()) == page_text(plain.pages.back()));
            // The outline and the labels still name the same pages.
            REQUIRE(padded.outline.size() == plain.outline.size());
            for (std::size_t o = 0; o < plain.outline.size(); ++o)
                CHECK(padded.outline[o].page == plain.outline[o].page);
        }
    }
}

TEST_CASE("an address too long for a scannable code beside the contact details gets none") {
    Sample s = load_sample();
    Edition fascia = only(s.collection.editions.front(), {"fascia"});
    fascia.articles.front().url =
        "https://www.physio-lindenhof.example/de/faszien?ref=" + std::string(1200, 'a');
    TypesetOptions options{0, "pamphlet test"};
    options.handout = true;
    std::optional<LaidOutDocument> doc =
        typeset_edition(s.collection, fascia, s.profile, options, s.sink);
    REQUIRE(doc);
    CHECK_FALSE(drawn_qr(doc->pages.back()));
    INFO(format_diagnostics(s.sink));
    const auto& all = s.sink.diagnostics();
    const auto qr = std::find_if(all.begin(), all.end(),
                                 [](const Diagnostic& d) { return d.code == "qr-code"; });
    REQUIRE(qr != all.end());
    CHECK(qr->message.find("do not fit beside the contact details") != std::string::npos);
    CHECK_FALSE(s.sink.has_errors());
    // The contact details keep their full measure and stay on the page.
    CHECK(page_text(doc->pages.back()).find("Lindenstraße 12") != std::string::npos);
}
