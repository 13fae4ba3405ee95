// write_epub as a whole: the archive's layout, the package document against
// the archive, navigation, determinism, diagnostics for images.
#include "epub/epub_test_support.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

using namespace pamphlet;
using namespace pamphlet::test;

namespace {

std::string write_sample(DiagnosticSink& sink, const Collection& collection) {
    std::optional<std::string> bytes =
        write_epub(collection, collection.editions.front(), test_profile(), sample_options(), sink);
    REQUIRE(bytes);
    return *bytes;
}

pugi::xml_document parse_item(const std::vector<ZipItem>& items, const std::string& name) {
    const ZipItem* item = find_item(items, name);
    REQUIRE_MESSAGE(item, name);
    pugi::xml_document doc;
    pugi::xml_parse_result result = doc.load_buffer(item->data.data(), item->data.size());
    REQUIRE_MESSAGE(result, name << ": " << result.description());
    return doc;
}

std::string text_of(const pugi::xml_document& doc, const char* xpath) {
    return doc.select_node(xpath).node().text().get();
}

bool has_code(const DiagnosticSink& sink, const std::string& code) {
    const auto& all = sink.diagnostics();
    return std::any_of(all.begin(), all.end(), [&](const Diagnostic& d) { return d.code == code; });
}

}  // namespace

TEST_CASE("the archive starts with an uncompressed mimetype without extra field") {
    DiagnosticSink sink;
    const std::string bytes = write_sample(sink, sample_collection());
    REQUIRE(bytes.size() > 58);
    auto u16 = [&](std::size_t at) {
        return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) |
               static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 8;
    };
    CHECK(bytes.compare(0, 4, "PK\x03\x04") == 0);
    CHECK(u16(8) == 0);   // compression method: stored
    CHECK(u16(26) == 8);  // file name length
    CHECK(u16(28) == 0);  // extra field length
    CHECK(bytes.compare(30, 8, "mimetype") == 0);
    CHECK(bytes.compare(38, 20, "application/epub+zip") == 0);

    std::vector<ZipItem> items = unzip(bytes);
    REQUIRE(items.size() > 3);
    CHECK(items[0].name == "mimetype");
    CHECK(items[1].name == "META-INF/container.xml");
    // The pages come first, in reading order, as they are made; what
    // depends on all of them (fonts, the package document) comes last.
    std::vector<std::string> names;
    for (const ZipItem& item : items) names.push_back(item.name);
    const std::vector<std::string> pages = {"EPUB/text/cover.xhtml", "EPUB/text/title.xhtml",
                                            "EPUB/nav.xhtml", "EPUB/text/knie.xhtml",
                                            "EPUB/text/ruecken.xhtml", "EPUB/text/colophon.xhtml"};
    CHECK(std::vector<std::string>(names.begin() + 2, names.begin() + 8) == pages);
    CHECK(names.back() == "EPUB/package.opf");
    // Compressed images are stored; everything else is deflated.
    for (std::size_t i = 1; i < items.size(); ++i) {
        CAPTURE(items[i].name);
        const bool png = items[i].name.ends_with(".png");
        CHECK(items[i].method == (png ? ZIP_CM_STORE : ZIP_CM_DEFLATE));
    }
    CHECK(find_item(items, "EPUB/images/diagram.svg")->method == ZIP_CM_DEFLATE);
}

TEST_CASE("a book written to a file is the book written to memory") {
    DiagnosticSink sink;
    const Collection collection = sample_collection();
    const std::string bytes = write_sample(sink, collection);
    const auto file = std::filesystem::temp_directory_path() / "pamphlet-epub-book-file.epub";
    EpubContents contents;
    REQUIRE(write_epub(collection, collection.editions.front(), test_profile(), sample_options(),
                       file, sink, &contents));
    CHECK(contents.spine_items == 6);
    std::ifstream in(file, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) ==
          bytes);
    std::filesystem::remove(file);

    // A folder that is not there: an error at the file, not an exception.
    DiagnosticSink failed;
    CHECK_FALSE(write_epub(collection, collection.editions.front(), test_profile(),
                           sample_options(), "/nonexistent-folder-for-pamphlet/book.epub",
                           failed));
    REQUIRE(failed.has_errors());
    CHECK(failed.diagnostics().back().code == "epub-write-failed");
    CHECK(failed.diagnostics().back().span.file == "/nonexistent-folder-for-pamphlet/book.epub");
}

TEST_CASE("the same input gives the same bytes") {
    DiagnosticSink sink;
    const std::string first = write_sample(sink, sample_collection());
    const std::string second = write_sample(sink, sample_collection());
    CHECK(first == second);
    EpubOptions later = sample_options();
    later.timestamp += 3600;
    Collection collection = sample_collection();
    auto third = write_epub(collection, collection.editions.front(), test_profile(), later, sink);
    REQUIRE(third);
    CHECK(*third != first);
}

TEST_CASE("the package document describes the book and lists every file") {
    DiagnosticSink sink;
    const std::vector<ZipItem> items = unzip(write_sample(sink, sample_collection()));
    CHECK(sink.diagnostics().empty());
    pugi::xml_document opf = parse_item(items, "EPUB/package.opf");

    CHECK(text_of(opf, "/package/metadata/dc:identifier") ==
          "urn:uuid:0b6d3c1e-2f7a-4c55-9a43-6c1f1d2e3a4b");
    CHECK(std::string(opf.child("package").attribute("unique-identifier").value()) ==
          opf.select_node("//dc:identifier").node().attribute("id").value());
    CHECK(text_of(opf, "//dc:title[@id='title-main']") == "Gesund in Bewegung");
    CHECK(text_of(opf, "//dc:title[@id='title-sub']") == "Übungen und Tipps aus der Praxis");
    CHECK(text_of(opf, "//meta[@refines='#title-sub']") == "subtitle");
    CHECK(text_of(opf, "//dc:language") == "de");
    CHECK(opf.select_nodes("//dc:creator").size() == 2);
    CHECK(text_of(opf, "//dc:publisher") == "Physiotherapie am Markt");
    CHECK(text_of(opf, "//dc:rights") == "© 2024 Physiotherapie am Markt");
    CHECK(text_of(opf, "//dc:date") == "2024-03-12");
    CHECK(opf.select_nodes("//dc:subject").size() == 3);  // Knie, Übungen, Rücken
    CHECK(text_of(opf, "//meta[@property='dcterms:modified']") == "2024-03-12T12:00:00Z");
    CHECK(opf.select_nodes("//meta[@property='schema:accessMode']").size() == 2);
    CHECK(
        opf.select_node("//meta[@property='schema:accessibilityFeature' and "
                        "text()='alternativeText']"));
    CHECK(text_of(opf, "//meta[@property='schema:accessibilityHazard']") == "none");
    CHECK(std::string(
              opf.select_node("//meta[@name='generator']").node().attribute("content").value()) ==
          "pamphlet 0.1.0");

    std::set<std::string> manifest;
    for (const pugi::xpath_node& item : opf.select_nodes("//manifest/item")) {
        std::string href = item.node().attribute("href").value();
        CHECK_MESSAGE(find_item(items, "EPUB/" + href), "manifest entry without file: " << href);
        CHECK(manifest.insert("EPUB/" + href).second);
    }
    for (const ZipItem& item : items) {
        if (item.name == "mimetype" || item.name == "META-INF/container.xml" ||
            item.name == "EPUB/package.opf") {
            continue;
        }
        CHECK_MESSAGE(manifest.count(item.name) == 1, "file not in manifest: " << item.name);
    }
    CHECK(std::string(
              opf.select_node("//item[@properties='nav']").node().attribute("href").value()) ==
          "nav.xhtml");
    CHECK(std::string(opf.select_node("//item[@properties='cover-image']")
                          .node()
                          .attribute("media-type")
                          .value()) == "image/png");
    CHECK(std::string(opf.select_node("//item[@href='images/diagram.svg']")
                          .node()
                          .attribute("media-type")
                          .value()) == "image/svg+xml");
    CHECK(std::string(opf.select_node("//item[@href='fonts/body-regular.ttf']")
                          .node()
                          .attribute("media-type")
                          .value()) == "font/ttf");
    // The monospaced bold face shows no text, so it is not embedded.
    CHECK_FALSE(find_item(items, "EPUB/fonts/mono-bold.ttf"));

    std::vector<std::string> spine;
    for (const pugi::xpath_node& ref : opf.select_nodes("//spine/itemref")) {
        spine.push_back(ref.node().attribute("idref").value());
    }
    CHECK(spine == std::vector<std::string>{"page-cover", "page-title", "nav", "text-knie",
                                            "text-ruecken", "page-colophon"});
    CHECK(std::string(opf.select_node("//spine").node().attribute("toc").value()) == "ncx");

    // Every XHTML file is well-formed and declares its language.
    for (const ZipItem& item : items) {
        if (item.name.size() < 6 || item.name.substr(item.name.size() - 6) != ".xhtml") continue;
        pugi::xml_document page = parse_item(items, item.name);
        CHECK(std::string(page.child("html").attribute("xml:lang").value()) == "de");
        CHECK(page.select_node("/html/head/title"));
        for (const pugi::xpath_node& img : page.select_nodes("//img")) {
            CHECK(img.node().attribute("alt"));
        }
    }
}

TEST_CASE("navigation lists the articles with their sections, and the landmarks") {
    DiagnosticSink sink;
    const std::vector<ZipItem> items = unzip(write_sample(sink, sample_collection()));
    pugi::xml_document nav = parse_item(items, "EPUB/nav.xhtml");
    pugi::xml_node toc = nav.select_node("//nav[@epub:type='toc']").node();
    REQUIRE(toc);
    CHECK(std::string(toc.attribute("role").value()) == "doc-toc");
    CHECK(std::string(toc.child("h1").text().get()) == "Inhalt");
    std::vector<std::string> top;
    for (const pugi::xml_node& li : toc.child("ol").children("li")) {
        top.push_back(li.child("a").attribute("href").value());
    }
    CHECK(top ==
          std::vector<std::string>{"text/knie.xhtml", "text/ruecken.xhtml", "text/colophon.xhtml"});
    pugi::xml_node first = toc.child("ol").child("li");
    std::vector<std::string> sections;
    for (const pugi::xml_node& li : first.child("ol").children("li")) {
        sections.push_back(li.child("a").attribute("href").value());
    }
    // h3 "zeiten" is not listed.
    CHECK(sections ==
          std::vector<std::string>{"text/knie.xhtml#aufwaermen", "text/knie.xhtml#dehnen"});

    pugi::xml_node landmarks = nav.select_node("//nav[@epub:type='landmarks']").node();
    REQUIRE(landmarks);
    CHECK(landmarks.attribute("hidden"));
    std::vector<std::string> types;
    for (const pugi::xpath_node& a : landmarks.select_nodes(".//a")) {
        types.push_back(a.node().attribute("epub:type").value());
    }
    CHECK(types == std::vector<std::string>{"cover", "toc", "bodymatter"});

    pugi::xml_document ncx = parse_item(items, "EPUB/toc.ncx");
    CHECK(std::string(
              ncx.select_node("//meta[@name='dtb:uid']").node().attribute("content").value()) ==
          "urn:uuid:0b6d3c1e-2f7a-4c55-9a43-6c1f1d2e3a4b");
    std::vector<std::string> orders;
    for (const pugi::xpath_node& point : ncx.select_nodes("//navPoint")) {
        orders.push_back(point.node().attribute("playOrder").value());
    }
    CHECK(orders == std::vector<std::string>{"1", "2", "3", "4", "5", "6"});
}

TEST_CASE("an English edition without cover, logo or images") {
    Collection collection = sample_collection();
    collection.cover.reset();
    collection.publisher.logo.reset();
    Edition& edition = collection.editions.front();
    edition.lang = "en";
    edition.subtitle.clear();
    edition.articles.pop_back();
    Article& only = edition.articles.front();
    only.lang = "en";
    only.body = make_body({only.body->at(0), only.body->at(1)});  // first paragraph and a heading; no links or images
    DiagnosticSink sink;
    const std::vector<ZipItem> items = unzip(write_sample(sink, collection));
    CHECK(sink.diagnostics().empty());
    CHECK_FALSE(find_item(items, "EPUB/text/cover.xhtml"));
    pugi::xml_document opf = parse_item(items, "EPUB/package.opf");
    CHECK(opf.select_nodes("//dc:title").size() == 1);
    CHECK(opf.select_nodes("//meta[@property='schema:accessMode']").size() == 1);
    CHECK_FALSE(opf.select_node("//item[starts-with(@href, 'images/')]"));
    pugi::xml_document nav = parse_item(items, "EPUB/nav.xhtml");
    CHECK(text_of(nav, "//nav[@epub:type='toc']/h1") == "Contents");
    pugi::xml_document colophon = parse_item(items, "EPUB/text/colophon.xhtml");
    CHECK(text_of(colophon, "//h1") == "Colophon");
    CHECK(std::string(colophon.select_node("//a[starts-with(@href, 'tel:')]")
                          .node()
                          .attribute("href")
                          .value()) == "tel:+49301234567");
    CHECK(colophon.select_node("//a[@href='mailto:praxis@example.org']"));
    CHECK(colophon.select_node("//a[@href='https://www.example.org']"));
    CHECK(text_of(colophon, "//p[@class='generator']") == "Made with pamphlet 0.1.0");
}

TEST_CASE("article pages render blocks and inlines as XHTML") {
    DiagnosticSink sink;
    const std::vector<ZipItem> items = unzip(write_sample(sink, sample_collection()));
    pugi::xml_document page = parse_item(items, "EPUB/text/knie.xhtml");
    pugi::xml_node section = page.select_node("//section").node();
    CHECK(std::string(section.attribute("epub:type").value()) == "chapter");
    CHECK(std::string(section.attribute("aria-labelledby").value()) ==
          section.child("h1").attribute("id").value());
    CHECK(text_of(page, "//p[@class='summary']") ==
          "Fünf einfache Übungen, die Sie zu Hause machen können.");
    CHECK(std::string(
              page.select_node("//p[@class='byline']/time").node().attribute("datetime").value()) ==
          "2024-02-01");
    CHECK(page.select_node("//h2[@id='aufwaermen']"));
    CHECK(page.select_node("//h3[@id='zeiten']"));
    CHECK(std::string(page.select_node("//ol").node().attribute("start").value()) == "3");
    CHECK_FALSE(page.select_node("//ul").node().attribute("start"));
    CHECK(text_of(page, "//ul/li[1]") == "Fersen heben");  // tight: no <p>
    CHECK(page.select_node("//ol/li/p"));                  // loose
    CHECK(page.select_node("//blockquote/p"));
    CHECK(text_of(page, "//pre/code[@class='language-text']") ==
          "Montag   10 Wiederholungen\nDienstag 12 Wiederholungen");
    CHECK(text_of(page, "//p/code") == "x < 3 && y > 2");
    CHECK(page.select_node("//hr"));
    CHECK(page.select_node("//p/br"));
    CHECK(text_of(page, "//sub") == "2");
    CHECK(text_of(page, "//sup") == "2");
    CHECK(
        page.select_node("//figure/img[@src='../images/knee.png' and @alt='Ein gebeugtes Knie']"));
    CHECK(page.select_node("//figure/figcaption/em"));
    CHECK(page.select_node("//a[@href='ruecken.xhtml#haltung']"));
    CHECK(page.select_node("//a[@href='#dehnen']"));
    CHECK(page.select_node("//a[@href='https://www.example.org/knie?a=1&b=2']"));
    // The same file twice is stored once; another file with the same name is renamed.
    pugi::xml_document back = parse_item(items, "EPUB/text/ruecken.xhtml");
    CHECK(back.select_node("//figure[@class='lead']/img[@src='../images/knee.png']"));
    CHECK(page.select_node("//p/img[@src='../images/knee-2.png']"));
    CHECK(find_item(items, "EPUB/images/knee-2.png")->data !=
          find_item(items, "EPUB/images/knee.png")->data);
}

TEST_CASE("an image of a format no output takes shows its alt text") {
    Collection collection = sample_collection();
    Article& knee = collection.editions.front().articles.front();
    add_block(knee, paragraph({image(epub_data_dir / "pixel.webp", "WebP", 50)}));
    CHECK(knee.body->back().inlines.front().image().asset->verdict().problem ==
          "WebP is not a format every e-book reader shows; save it as PNG or JPEG");
    DiagnosticSink sink;
    const std::vector<ZipItem> webp_items = unzip(write_sample(sink, collection));
    // The loader said so where the image is named; the book does not say it again.
    CHECK(sink.diagnostics().empty());
    CHECK(text_of(parse_item(webp_items, "EPUB/text/knie.xhtml"), "//section/p[last()]") == "WebP");
    for (const ZipItem& item : webp_items) CHECK(item.name.find("pixel") == std::string::npos);

    // A missing image was reported by the loader: only its alt text is shown.
    replace_last_block(knee, paragraph({image(epub_data_dir / "gone.png", "Verschwunden", 51)}));
    DiagnosticSink quiet;
    const std::vector<ZipItem> items = unzip(write_sample(quiet, collection));
    CHECK(quiet.diagnostics().empty());
    pugi::xml_document page = parse_item(items, "EPUB/text/knie.xhtml");
    CHECK(text_of(page, "//section/p[last()]") == "Verschwunden");
}

// A copy of `font` whose OS/2 fsType says "restricted licence embedding".
std::filesystem::path restricted_copy(const std::filesystem::path& font) {
    std::ifstream in(font, std::ios::binary);
    std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(data[at]) << 8 |
                                        static_cast<unsigned char>(data[at + 1]));
    };
    auto u32 = [&](std::size_t at) { return u16(at) << 16 | u16(at + 2); };
    for (std::size_t table = 0; table < u16(4); ++table) {
        std::size_t record = 12 + table * 16;
        if (data.compare(record, 4, "OS/2") == 0) {
            std::size_t fs_type = u32(record + 8) + 8;
            data[fs_type] = 0;
            data[fs_type + 1] = 2;
        }
    }
    auto copy = std::filesystem::temp_directory_path() / "pamphlet-restricted-font.ttf";
    std::ofstream(copy, std::ios::binary) << data;
    return copy;
}

TEST_CASE("fonts that may not be embedded are left out with a warning") {
    Profile profile = test_profile();
    profile.body_bold = FontFile{"Restricted.ttf", restricted_copy(profile.body_bold.path)};
    Collection collection = sample_collection();
    DiagnosticSink sink;
    auto bytes =
        write_epub(collection, collection.editions.front(), profile, sample_options(), sink);
    std::filesystem::remove(profile.body_bold.path);
    REQUIRE(bytes);
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics().front().code == "font-not-embeddable");
    CHECK(sink.diagnostics().front().span.file == "layouts/test.yaml");
    std::vector<ZipItem> items = unzip(*bytes);
    CHECK_FALSE(find_item(items, "EPUB/fonts/body-bold.ttf"));
    CHECK(find_item(items, "EPUB/css/book.css")->data.find("body-bold") == std::string::npos);
}

TEST_CASE("a font file that is not a font is an error") {
    Profile profile = test_profile();
    profile.body_bold = FontFile{"Fake.ttf", epub_data_dir / "logo.png"};
    Collection collection = sample_collection();
    DiagnosticSink sink;
    CHECK_FALSE(
        write_epub(collection, collection.editions.front(), profile, sample_options(), sink));
    CHECK(has_code(sink, "font-subset-failed"));
}

TEST_CASE("characters a font lacks are reported") {
    Collection collection = sample_collection();
    add_block(collection.editions.front().articles.front(), paragraph({text("中文")}));
    DiagnosticSink sink;
    write_sample(sink, collection);
    REQUIRE(has_code(sink, "font-missing-glyphs"));
    CHECK(sink.diagnostics().front().message.find("U+4E2D") != std::string::npos);
}

TEST_CASE("a damaged image is never packed into the book") {
    const auto dir = std::filesystem::temp_directory_path() / "pamphlet-epub-images";
    std::filesystem::create_directories(dir);
    std::ifstream in(epub_data_dir / "knee.png", std::ios::binary);
    std::string png{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto cut = dir / "cut.png";
    std::ofstream(cut, std::ios::binary) << png.substr(0, png.size() - 30);
    Collection collection = sample_collection();
    Article& knee = collection.editions.front().articles.front();
    add_block(knee, paragraph({image(cut, "Halbes Knie", 60)}));
    CHECK(knee.body->back().inlines.front().image().asset->verdict().problem.starts_with(
        "corrupt PNG: "));
    DiagnosticSink sink;
    const std::vector<ZipItem> items = unzip(write_sample(sink, collection));
    CHECK(sink.diagnostics().empty());  // said by the loader
    CHECK_FALSE(find_item(items, "EPUB/images/cut.png"));
    CHECK(text_of(parse_item(items, "EPUB/text/knie.xhtml"), "//section/p[last()]") ==
          "Halbes Knie");
}

TEST_CASE("an SVG goes into the book without its script, with one warning") {
    const auto dir = std::filesystem::temp_directory_path() / "pamphlet-epub-images";
    std::filesystem::create_directories(dir);
    const auto svg = dir / "scripted.svg";
    std::ofstream(svg, std::ios::binary)
        << R"x(<svg xmlns="http://www.w3.org/2000/svg" onload="go()" width="10" height="10">)x"
           R"x(<script>go()</script><rect width="10" height="10"/></svg>)x";
    Collection collection = sample_collection();
    Article& knee = collection.editions.front().articles.front();
    add_block(knee, paragraph({image(svg, "Zeichnung", 70)}));
    add_block(knee, paragraph({image(svg, "Noch einmal", 71)}));
    DiagnosticSink sink;
    const std::vector<ZipItem> items = unzip(write_sample(sink, collection));
    REQUIRE(sink.diagnostics().size() == 1);  // once per image, not per use
    CHECK(sink.diagnostics().back().code == "svg-sanitised");
    CHECK(sink.diagnostics().back().message ==
          "image 'scripted.svg': removed what an e-book must not run or fetch: <script>, the "
          "attribute 'onload'");
    const ZipItem* packed = find_item(items, "EPUB/images/scripted.svg");
    REQUIRE(packed);
    CHECK(packed->data.find("script") == std::string::npos);
    CHECK(packed->data.find("onload") == std::string::npos);
    CHECK(packed->data.find("<rect") != std::string::npos);
}

TEST_CASE("the lead image shown as a figure keeps the front matter's longer description") {
    Collection collection = sample_collection();
    Article& knee = collection.editions.front().articles.front();
    const std::string description =
        "Ein Knie im Profil, leicht gebeugt; Pfeile zeigen, wie weit es sich beugen soll.";
    knee.image = ArticleImage{};
    knee.image->source = image_source(epub_data_dir / "knee.png");
    knee.image->alt = description;
    note_body(knee, *knee.body);  // the figure shows the lead image: no picture above the text
    REQUIRE(knee.lead_image_in_body);
    DiagnosticSink sink;
    pugi::xml_document page =
        parse_item(unzip(write_sample(sink, collection)), "EPUB/text/knie.xhtml");
    CHECK_FALSE(page.select_node("//figure[@class='lead']"));
    const pugi::xpath_node img = page.select_node("//figure/img[@src='../images/knee.png']");
    REQUIRE(img);
    CHECK(std::string(img.node().attribute("alt").value()) == description);

    // A shorter front matter text does not replace the figure's own.
    knee.image->alt = "Knie";
    DiagnosticSink again;
    pugi::xml_document short_page =
        parse_item(unzip(write_sample(again, collection)), "EPUB/text/knie.xhtml");
    CHECK(short_page.select_node("//figure/img[@alt='Ein gebeugtes Knie']"));
}

TEST_CASE("a phrase in another language is marked for screen readers") {
    Collection collection = sample_collection();
    Article& knee = collection.editions.front().articles.front();
    Inline english = wrap(InlineKind::language, {text("stretching")});
    english.text = "en";
    add_block(knee, paragraph({text("Beim "), english, text(" gilt das auch.")}));
    DiagnosticSink sink;
    pugi::xml_document page =
        parse_item(unzip(write_sample(sink, collection)), "EPUB/text/knie.xhtml");
    const pugi::xpath_node span = page.select_node("//p/span[@lang='en']");
    REQUIRE(span);
    CHECK(std::string(span.node().attribute("xml:lang").value()) == "en");
    CHECK(text_of(page, "//p/span[@lang='en']") == "stretching");
}

TEST_CASE("body text gets soft hyphens from pamphlet's patterns, headings, code and table cells none") {
    Collection collection = sample_collection();
    Article& knee = collection.editions.front().articles.front();
    Inline english = wrap(InlineKind::language, {text("physiotherapy")});
    english.text = "en";
    add_block(knee, heading(2, "behandlung", "Behandlungsmöglichkeiten"));
    add_block(knee, paragraph({text("Die Physiotherapie hilft, auf Englisch "), english,
                               text(". Siehe "), code("Konfigurationsdatei"), text(" und "),
                               link_external("https://www.physiotherapie.example/behandlung",
                                             "https://www.physiotherapie.example/behandlung"),
                               text(".")}));
    Block cell;
    cell.kind = BlockKind::table_cell;
    cell.inlines = {text("Physiotherapie")};
    Block row;
    row.kind = BlockKind::table_row;
    row.children = {cell};
    Block table;
    table.kind = BlockKind::table;
    table.children = {row};
    add_block(knee, table);
    EpubOptions options = sample_options();
    options.hyphenation_dirs = {std::filesystem::path(PAMPHLET_SOURCE_DIR) / "hyphenation"};
    auto page_of = [&](const Profile& profile) {
        DiagnosticSink sink;
        std::optional<std::string> bytes =
            write_epub(collection, collection.editions.front(), profile, options, sink);
        REQUIRE(bytes);
        return parse_item(unzip(*bytes), "EPUB/text/knie.xhtml");
    };
    const std::string shy = "\u00AD";
    Profile profile = test_profile();  // as the shipped profiles say
    profile.hyphenate = true;
    profile.epub_soft_hyphens = true;
    profile.hyphenation_min_word = 5;
    pugi::xml_document page = page_of(profile);
    const std::string paragraph_text = text_of(page, "//section/p[last()]");
    // A table cell keeps its words whole (narrow columns).
    CHECK(text_of(page, "//td") == "Physiotherapie");
    CHECK(paragraph_text.find("Phy" + shy + "sio" + shy + "the" + shy + "ra" + shy + "pie") !=
          std::string::npos);
    // The phrase in English by the English patterns.
    CHECK(text_of(page, "//span[@lang='en']") ==
          "phys" + shy + "io" + shy + "ther" + shy + "apy");
    CHECK(text_of(page, "//h2[@id='behandlung']") == "Behandlungsmöglichkeiten");
    CHECK(text_of(page, "//section/p[last()]/code") == "Konfigurationsdatei");
    CHECK(text_of(page, "//section/p[last()]/a") == "https://www.physiotherapie.example/behandlung");
    CHECK(text_of(page, "//h1").find(shy) == std::string::npos);

    // The profile's key switches them off; so does switching hyphenation off.
    Profile no_soft = profile;
    no_soft.epub_soft_hyphens = false;
    CHECK(text_of(page_of(no_soft), "//section/p[last()]").find(shy) == std::string::npos);
    Profile no_hyphenation = profile;
    no_hyphenation.hyphenate = false;
    CHECK(text_of(page_of(no_hyphenation), "//section/p[last()]").find(shy) == std::string::npos);
}

TEST_CASE("the book claims WCAG 2.2 AA only when its own checks hold") {
    auto package_of = [](const Collection& collection, DiagnosticSink& sink) {
        return parse_item(unzip(write_sample(sink, collection)), "EPUB/package.opf");
    };
    const char* claim = "//meta[@property='dcterms:conformsTo']";
    {
        DiagnosticSink sink;
        pugi::xml_document opf = package_of(sample_collection(), sink);
        CHECK(text_of(opf, claim) == "EPUB Accessibility 1.1 - WCAG 2.2 Level AA");
        CHECK(text_of(opf, "//meta[@property='a11y:certifiedBy']") ==
              sample_collection().publisher.name);
        CHECK_FALSE(has_code(sink, "no-accessibility-claim"));
    }
    {
        // Who evaluated it, when the collection says so.
        Collection collection = sample_collection();
        collection.accessibility = {"Barrierefrei Prüfen GmbH", "BFSG-Prüfstelle"};
        DiagnosticSink sink;
        pugi::xml_document opf = package_of(collection, sink);
        CHECK(text_of(opf, "//meta[@property='a11y:certifiedBy' and @id='certifier']") ==
              "Barrierefrei Prüfen GmbH");
        CHECK(text_of(opf, "//meta[@property='a11y:certifierCredential' and @refines='#certifier']") ==
              "BFSG-Prüfstelle");
    }
    {
        // An image without alt text.
        Collection collection = sample_collection();
        add_block(collection.editions.front().articles.front(),
                  paragraph({image(epub_data_dir / "knee.png", "", 60)}));
        DiagnosticSink sink;
        pugi::xml_document opf = package_of(collection, sink);
        CHECK_FALSE(opf.select_node(claim));
        REQUIRE(has_code(sink, "no-accessibility-claim"));
        CHECK(sink.diagnostics().back().message.find("article 'knie' (de): image "
                                                     "'images/knee.png' has no alt text") !=
              std::string::npos);
    }
    {
        // A skipped heading level (h2 -> h4).
        Collection collection = sample_collection();
        add_block(collection.editions.front().articles.back(), heading(4, "details", "Details"));
        DiagnosticSink sink;
        pugi::xml_document opf = package_of(collection, sink);
        CHECK_FALSE(opf.select_node(claim));
        REQUIRE(has_code(sink, "no-accessibility-claim"));
        CHECK(sink.diagnostics().back().message.find("heading 'Details' is an h4 after an h2") !=
              std::string::npos);
    }
}
