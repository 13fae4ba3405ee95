// The printed brochure's page starts in the EPUB: page-break spans at the
// very places the typesetter reported, a page list in the navigation, and
// the print edition in the package metadata.
#include "epub/epub_test_support.hpp"
#include "pages.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>

using namespace pamphlet;
using namespace pamphlet::test;

namespace {

pugi::xml_document parse_item(const std::vector<ZipItem>& items, const std::string& name) {
    const ZipItem* item = find_item(items, name);
    REQUIRE_MESSAGE(item, name);
    pugi::xml_document doc;
    REQUIRE(doc.load_buffer(item->data.data(), item->data.size()));
    return doc;
}

// Every character of `node`'s text, page-break spans left out.
std::string all_text(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) out += child.value();
        if (child.type() == pugi::node_element) out += all_text(child);
    }
    return out;
}

// The text that follows the break with `id` in its page, up to `length` bytes.
std::string text_after(const pugi::xml_document& page, const std::string& id, std::size_t length) {
    const pugi::xml_node span = page.select_node(("//*[@id='" + id + "']").c_str()).node();
    REQUIRE_MESSAGE(span, id);
    std::string out;
    for (pugi::xml_node at = span; out.size() < length;) {
        if (at.first_child() && at != span) {
            at = at.first_child();
        } else {
            while (at && !at.next_sibling()) at = at.parent();
            if (!at) break;
            at = at.next_sibling();
        }
        if (at.type() == pugi::node_pcdata) out += at.value();
    }
    std::erase(out, '\n');
    std::string plain;  // without soft hyphens
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 2, "\u00AD") == 0) {
            ++i;
            continue;
        }
        plain += out[i];
    }
    return plain.substr(0, length);
}

std::size_t offset_of(const Block& block, const std::string& words) {
    const std::size_t at = plain_text(block.inlines).find(words);
    REQUIRE(at != std::string::npos);
    return at;
}

struct Book {
    std::vector<ZipItem> items;
    pugi::xml_document knee, back, nav, package;
};

void write_book(const Collection& collection, EpubOptions options, Book& book) {
    options.hyphenation_dirs = {std::filesystem::path(PAMPHLET_SOURCE_DIR) / "hyphenation"};
    Profile profile = test_profile();
    profile.epub_soft_hyphens = true;
    profile.hyphenation_min_word = 5;
    DiagnosticSink sink;
    std::optional<std::string> bytes =
        write_epub(collection, collection.editions.front(), profile, options, sink);
    REQUIRE_MESSAGE(bytes, format_diagnostics(sink));
    book.items = unzip(*bytes);
    book.knee = parse_item(book.items, "EPUB/text/knie.xhtml");
    book.back = parse_item(book.items, "EPUB/text/ruecken.xhtml");
    book.nav = parse_item(book.items, "EPUB/nav.xhtml");
    book.package = parse_item(book.items, "EPUB/package.opf");
}

}  // namespace

TEST_CASE("page breaks of the printed brochure go where its pages begin") {
    const Collection collection = sample_collection();
    const std::vector<Block>& knee = *collection.editions.front().articles.front().body;
    EpubOptions options = sample_options();
    options.page_source = "Gesund in Bewegung (A4 handout)";
    // Inside a word: "Ope|ration" (a page that begins with a hyphenated
    // word's second half); a tight list's item; a quote; a code block's
    // second line; before a figure; the next article's heading.
    const std::size_t word = offset_of(knee[0], "Operation") + 3;
    options.page_starts = {
        {1, "1", {0, {}, 0}},
        {2, "2", {0, {0}, word}},
        {3, "3", {0, {3, 1, 0}, 0}},
        {4, "4", {0, {6, 0}, 0}},
        {5, "5", {0, {8}, knee[8].text.find("Dienstag")}},
        {6, "6", {0, {11}, 0}},
        {7, "7", {1, {0}, 0}},
    };
    Book book;
    write_book(collection, options, book);

    // The first break opens the chapter, before its title.
    const pugi::xml_node section = book.knee.select_node("//section").node();
    CHECK(std::string(section.first_child().attribute("id").value()) == "page-1");
    CHECK(std::string(section.first_child().attribute("epub:type").value()) == "pagebreak");
    CHECK(std::string(section.first_child().attribute("role").value()) == "doc-pagebreak");
    CHECK(std::string(section.first_child().attribute("aria-label").value()) == "1");
    CHECK(section.first_child().text().empty());

    CHECK(text_after(book.knee, "page-2", 6) == "ration");
    CHECK(text_after(book.knee, "page-3", 11) == "Knie beugen");
    CHECK(text_after(book.knee, "page-4", 8) == "Bewegung");
    CHECK(text_after(book.knee, "page-5", 8) == "Dienstag");
    CHECK(text_after(book.knee, "page-6", 10) == "Abbildung ");
    CHECK(text_after(book.back, "page-7", 7) == "Haltung");
    // Where they are: the item's break in the item, the figure's before it.
    CHECK(std::string(book.knee.select_node("//*[@id='page-3']").node().parent().name()) == "li");
    CHECK(std::string(book.knee.select_node("//*[@id='page-5']").node().parent().name()) == "code");
    CHECK(std::string(book.knee.select_node("//*[@id='page-6']").node().next_sibling().name()) ==
          "figure");
    // Before the heading, not in it (the heading's name stays its text).
    CHECK(std::string(book.back.select_node("//*[@id='page-7']").node().next_sibling().name()) ==
          "h2");

    // The break inside "Operation" leaves the word's soft hyphens as they
    // were: the paragraph reads the same as in a book without breaks, and
    // the text before the break ends in the soft hyphen where print broke.
    Book plain;
    write_book(collection, sample_options(), plain);
    const char* const first_paragraph = "//section/p[not(@class)][1]";
    const std::string with_break = all_text(book.knee.select_node(first_paragraph).node());
    const std::string without = all_text(plain.knee.select_node(first_paragraph).node());
    REQUIRE(!without.empty());
    CHECK(with_break == without);
    CHECK_MESSAGE(without.find("Ope\u00ADra") != std::string::npos, without);
    const pugi::xml_node before = book.knee.select_node("//*[@id='page-2']").node().previous_sibling();
    const std::string before_text = before.value();
    CHECK(before_text.ends_with("Ope\u00AD"));

    // The page list names every page, in order, and each target exists.
    const pugi::xpath_node_set entries = book.nav.select_nodes("//nav[@epub:type='page-list']//a");
    REQUIRE(entries.size() == 7);
    CHECK(std::string(book.nav.select_node("//nav[@epub:type='page-list']").node()
                          .attribute("hidden").value()) == "hidden");
    int n = 1;
    for (const pugi::xpath_node& entry : entries) {
        CHECK(std::string(entry.node().text().get()) == std::to_string(n));
        const std::string href = entry.node().attribute("href").value();
        const std::string file = href.substr(0, href.find('#'));
        CHECK(file == (n < 7 ? "text/knie.xhtml" : "text/ruecken.xhtml"));
        CHECK(href.substr(href.find('#') + 1) == "page-" + std::to_string(n));
        ++n;
    }

    // The package says where the pages come from and what the book offers.
    CHECK(std::string(book.package.select_node("//dc:source").node().text().get()) ==
          "Gesund in Bewegung (A4 handout)");
    CHECK(book.package.select_node(
        "//meta[@property='source-of' and @refines='#pagination-source' and text()='pagination']"));
    CHECK(book.package.select_node("//meta[@property='schema:accessibilityFeature' and "
                                   "text()='pageBreakMarkers']"));
    CHECK(book.package.select_node("//meta[@property='schema:accessibilityFeature' and "
                                   "text()='pageNavigation']"));

    // Without page starts, none of it.
    CHECK(!plain.knee.select_node("//*[@epub:type='pagebreak']"));
    CHECK(!plain.nav.select_node("//nav[@epub:type='page-list']"));
    CHECK(!plain.package.select_node("//dc:source"));
    CHECK(!plain.package.select_node("//meta[text()='pageBreakMarkers']"));
}

TEST_CASE("a page break's id never takes a section's") {
    CHECK(epub::page_break_id("5", {}) == "page-5");
    CHECK(epub::page_break_id("5", {"page-5"}) == "pamphlet-page-5");
}
