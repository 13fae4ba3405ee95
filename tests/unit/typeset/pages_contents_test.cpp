// The table of contents and the running heads, on the clinic sample typeset
// with a4-handout: what the contents print must be what the pages print.
#include "document/contents.hpp"
#include "document/furniture.hpp"

#include "pamphlet/collection.hpp"
#include "pamphlet/locale.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/typeset.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>

using namespace pamphlet;
using namespace pamphlet::typeset;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = PAMPHLET_SOURCE_DIR;

struct Brochure {
    Collection collection;
    LaidOutDocument document;  // the first edition's
    DiagnosticSink sink;
};

Brochure clinic_brochure(const std::string& profile_yaml = {}) {
    Brochure result;
    SourceFiles sources;
    ProfilePaths paths{{source_dir / "layouts"}, {source_dir / "fonts"}, {}};
    std::string name = "a4-handout";
    if (!profile_yaml.empty()) {
        const fs::path file = fs::temp_directory_path() / "pamphlet-pages-contents-test.yaml";
        std::ofstream(file) << profile_yaml;
        name = file.string();
    }
    std::optional<Profile> profile = load_profile(name, paths, sources, result.sink);
    REQUIRE_MESSAGE(profile, format_diagnostics(result.sink));
    std::optional<Collection> collection =
        load_collection(source_dir / "samples" / "clinic", {}, sources, result.sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(result.sink));
    result.collection = *collection;
    auto document = typeset_edition(result.collection, result.collection.editions.front(), *profile,
                                    TypesetOptions{0, "pamphlet test"}, result.sink);
    REQUIRE_MESSAGE(document, format_diagnostics(result.sink));
    result.document = std::move(*document);
    return result;
}

std::vector<const GlyphRun*> runs_of(const Page& page) {
    std::vector<const GlyphRun*> runs;
    for (const PageItem& item : page.items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) runs.push_back(run);
    return runs;
}

bool all_digits(const std::string& text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

TEST_CASE("leader dots stand on a fixed grid") {
    CHECK(leader_positions(10, 40, 7) == std::vector<double>{14, 21, 28});
    CHECK(leader_positions(0, 14, 7) == std::vector<double>{0, 7});
    CHECK(leader_positions(20, 26, 7).empty());  // no whole cell fits
    CHECK(leader_positions(0, 100, 0).empty());
}

TEST_CASE("page labels count the contents in roman numerals") {
    std::vector<PageLabelRange> labels = page_labels(8, true, true, "en", 2);
    REQUIRE(labels.size() == 4);
    CHECK(labels[1].first_page == 1);
    CHECK(labels[1].style == PageLabelRange::Style::roman_lower);
    CHECK(labels[2].first_page == 3);
    CHECK(labels[2].style == PageLabelRange::Style::decimal);
    CHECK(labels[2].start == 1);
    CHECK(labels[3].first_page == 7);
}

TEST_CASE("the contents list every article with the page its footer prints") {
    Brochure brochure = clinic_brochure();
    const LaidOutDocument& doc = brochure.document;
    const Edition& edition = brochure.collection.editions.front();
    REQUIRE(edition.articles.size() >= 2);

    const Page& contents = doc.pages.at(1);
    std::set<std::string> numbers_printed;
    std::set<int> pages_linked;
    std::vector<double> dots;
    for (const PageItem& item : contents.items) {
        if (const auto* run = std::get_if<GlyphRun>(&item)) {
            if (all_digits(run->text)) numbers_printed.insert(run->text);
            if (run->text == ".") dots.push_back(run->x);
        }
        if (const auto* link = std::get_if<LinkArea>(&item))
            if (link->dest_page) pages_linked.insert(*link->dest_page);
    }
    CHECK(runs_of(contents).front()->text == std::string(words_for(edition.lang).contents));

    const int body_first = 2;  // cover, one page of contents
    CHECK(doc.page_labels.at(1).style == PageLabelRange::Style::roman_lower);
    CHECK(doc.page_labels.at(2).first_page == body_first);
    int articles_seen = 0;
    for (const OutlineEntry& entry : doc.outline) {
        if (entry.level != 0 || entry.page < body_first) continue;
        ++articles_seen;
        const std::string number = std::to_string(entry.page - body_first + 1);
        CAPTURE(entry.title);
        CHECK(numbers_printed.count(number) == 1);
        CHECK(pages_linked.count(entry.page) == 1);
        // The footer of that page prints the same number.
        bool in_footer = false;
        for (const GlyphRun* run : runs_of(doc.pages.at(static_cast<std::size_t>(entry.page))))
            if (run->text == number && run->y < 60) in_footer = true;
        CHECK(in_footer);
    }
    CHECK(articles_seen == static_cast<int>(edition.articles.size()));

    // Leaders of all entries line up: every dot is a whole number of steps
    // from the leftmost.
    REQUIRE(dots.size() > 10);
    std::sort(dots.begin(), dots.end());
    double step = 1e9;
    for (std::size_t i = 1; i < dots.size(); ++i)
        if (dots[i] - dots[i - 1] > 0.01) step = std::min(step, dots[i] - dots[i - 1]);
    for (double x : dots) {
        const double steps = (x - dots.front()) / step;
        CHECK(std::abs(steps - std::round(steps)) < 0.01);
    }
}

TEST_CASE("no contents when the profile turns them off") {
    Brochure brochure = clinic_brochure("name: no contents\ntoc:\n  enabled: false\n");
    const LaidOutDocument& doc = brochure.document;
    REQUIRE(!doc.outline.empty());
    CHECK(doc.outline.front().title == brochure.collection.editions.front().articles.front().title);
    CHECK(doc.outline.front().page == 1);
}

TEST_CASE("running heads name the article on its later pages only") {
    Brochure brochure = clinic_brochure();
    const LaidOutDocument& doc = brochure.document;
    const Edition& edition = brochure.collection.editions.front();
    std::set<int> first_pages;
    for (const OutlineEntry& entry : doc.outline)
        if (entry.level == 0) first_pages.insert(entry.page);
    const double text_top = doc.pages.front().height - 25 * 72 / 25.4;
    int heads = 0;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        bool head = false;
        for (const GlyphRun* run : runs_of(doc.pages[p]))
            if (run->y > text_top) head = true;
        CAPTURE(p);
        if (first_pages.count(static_cast<int>(p)) || p == 0 || p + 1 == doc.pages.size()) {
            CHECK_FALSE(head);
        } else if (head) {
            ++heads;
            bool names_article = false;
            for (const GlyphRun* run : runs_of(doc.pages[p]))
                for (const Article& article : edition.articles)
                    if (run->y > text_top && article.title.find(run->text) != std::string::npos)
                        names_article = true;
            CHECK(names_article);
        }
    }
    CHECK(heads > 0);
}
