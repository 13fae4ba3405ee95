#include "document_builder.hpp"
#include "referees.hpp"

#include "pamphlet/image.hpp"
#include "pamphlet/pdf.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace pamphlet;
using namespace pamphlet::testing;

namespace {

const std::string nbsp = "\xC2\xA0";

// A one-page leaflet with two fonts; `with_extras` adds images, links,
// a second page, outlines and page labels.
LaidOutDocument leaflet(bool with_extras) {
    DocumentBuilder b;
    const int charis = b.add_font("CharisSIL-Regular.ttf");
    const int lato = b.add_font("Lato-Bold.ttf");
    LaidOutDocument& doc = b.document;
    doc.info.title = "Über die Praxis – Öffnungszeiten";
    doc.info.author = "Praxis Sonnenhof";
    doc.info.subject = "Physiotherapie";
    doc.info.keywords = "Rücken, Übungen";
    doc.info.creator = "pamphlet test";
    doc.info.producer = "pamphlet 0.1.0";
    doc.info.lang = "de-DE";
    doc.info.timestamp = 1700000000;  // 2023-11-14 22:13:20 UTC

    Page& page = b.add_page();
    const Color teal = rgb(0.0, 0.4, 0.45);
    page.items.push_back(b.shape(lato, "Über die Praxis", 22, 70.87, 760, teal));
    FilledRect rule;
    rule.x = 70.87;
    rule.y = 748;
    rule.width = 453.54;
    rule.height = 1;
    rule.color = teal;
    page.items.push_back(rule);
    page.items.push_back(b.shape(charis, "Die office-Räume: Wasser soll fließen.", 11, 70.87, 720));
    page.items.push_back(b.shape(
        charis, "„Anführungszeichen“ – 10" + nbsp + "km zu Fuß, AVATAR Tee.", 11, 70.87, 704));
    Color cmyk_red;
    cmyk_red.space = Color::Space::cmyk;
    cmyk_red.v[1] = 0.9;
    cmyk_red.v[2] = 0.85;
    page.items.push_back(b.shape(lato, "Termine: www.example.org", 11, 70.87, 680, cmyk_red));

    if (with_extras) {
        doc.images.push_back({load_image(image_data_dir / "gradient.png")});
        doc.images.push_back({load_image(image_data_dir / "photo.jpg")});
        page.items.push_back(PlacedImage{0, 70.87, 500, 160, 120, "Verlauf", {}});
        page.items.push_back(PlacedImage{1, 260, 500, 160, 106.67, "Empfang", {}});
        page.items.push_back(PlacedImage{0, 450, 560, 40, 30, "Verlauf, klein", {}});
        page.items.push_back(
            LinkArea{140, 677, 120, 14, "https://www.example.org/", std::nullopt, 0});
        page.items.push_back(LinkArea{70.87, 700, 200, 14, "", 1, 780});
        Page& second = b.add_page();
        second.items.push_back(b.shape(lato, "Anfahrt", 22, 70.87, 760, teal));
        second.items.push_back(b.shape(charis, "Mit dem Bus bis „Sonnenhof“.", 11, 70.87, 730));
        doc.outline = {
            {"Über die Praxis", 0, 0, 780}, {"Öffnungszeiten", 1, 0, 700}, {"Anfahrt", 0, 1, 780}};
        doc.page_labels = {{0, PageLabelRange::Style::roman_lower, "", 1},
                           {1, PageLabelRange::Style::decimal, "Seite ", 2}};
    }
    return std::move(doc);
}

// The page's text as pdftotext reads it, lines joined with one space each.
std::string extracted_text(const std::filesystem::path& pdf) {
    ToolRun run = run_tool("pdftotext", "-enc UTF-8 -layout " + quoted_path(pdf) + " -");
    REQUIRE(run.exit_code == 0);
    return run.output;
}

}  // namespace

TEST_CASE("the same document gives the same bytes") {
    const LaidOutDocument doc = leaflet(true);
    const std::string first = written(doc);
    const std::string second = written(leaflet(true));
    CHECK(first == second);
    CHECK(first.starts_with("%PDF-1.4\n"));
    CHECK(first.find("/ID") == std::string::npos);
    CHECK(first.find("Haru") == std::string::npos);
}

TEST_CASE("qpdf, pdffonts, pdftotext and pdfinfo accept the PDF") {
    const std::string bytes = written(leaflet(true));
    const auto path = write_scratch("leaflet.pdf", bytes);
    MESSAGE("written to " << path << " (" << bytes.size() << " bytes)");

    ToolRun check = run_tool("qpdf", "--check " + quoted_path(path));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("No syntax or stream encoding errors found") != std::string::npos);

    ToolRun fonts = run_tool("pdffonts", quoted_path(path));
    INFO(fonts.output);
    REQUIRE(fonts.exit_code == 0);
    std::istringstream lines(fonts.output);
    std::string line;
    int font_lines = 0;
    while (std::getline(lines, line)) {
        if (line.find("CID TrueType") == std::string::npos) continue;
        ++font_lines;
        CHECK(line.find("Identity-H") != std::string::npos);
        CHECK(line.find(" yes yes yes ") != std::string::npos);  // emb sub uni
        CHECK(line[6] == '+');
    }
    CHECK(font_lines == 2);
    CHECK(fonts.output.find("+CharisSIL ") != std::string::npos);
    CHECK(fonts.output.find("+Lato-Bold ") != std::string::npos);

    const std::string text = extracted_text(path);
    INFO(text);
    for (const char* expected :
         {"Über die Praxis", "Die office-Räume: Wasser soll fließen.", "„Anführungszeichen“ – 10",
          "km zu Fuß, AVATAR Tee.", "Termine: www.example.org", "Mit dem Bus bis „Sonnenhof“."}) {
        CHECK_MESSAGE(text.find(expected) != std::string::npos, "missing: " << expected);
    }

    ToolRun info = run_tool("pdfinfo", quoted_path(path));
    INFO(info.output);
    CHECK(info.output.find("Title:           Über die Praxis – Öffnungszeiten\n") !=
          std::string::npos);
    CHECK(info.output.find("Author:          Praxis Sonnenhof\n") != std::string::npos);
    CHECK(info.output.find("Keywords:        Rücken, Übungen\n") != std::string::npos);
    CHECK(info.output.find("Producer:        pamphlet 0.1.0\n") != std::string::npos);
    CHECK(info.output.find("Pages:           2\n") != std::string::npos);
    CHECK(info.output.find("PDF version:     1.4\n") != std::string::npos);
    CHECK(info.output.find("Tue Nov 14 22:13:20 2023 UTC") != std::string::npos);

    ToolRun urls = run_tool("pdfinfo", "-url " + quoted_path(path));
    CHECK(urls.output.find("https://www.example.org/") != std::string::npos);

    ToolRun json =
        run_tool("qpdf", "--json --json-key=outlines --json-key=pagelabels " + quoted_path(path));
    INFO(json.output);
    CHECK(json.output.find("\"title\": \"Über die Praxis\"") != std::string::npos);
    CHECK(json.output.find("\"title\": \"Öffnungszeiten\"") != std::string::npos);
    CHECK(json.output.find("\"/S\": \"/r\"") != std::string::npos);
    CHECK(json.output.find("\"/St\": 2") != std::string::npos);
}

TEST_CASE("a one-page, two-font leaflet is small") {
    const std::string bytes = written(leaflet(false));
    MESSAGE("one page, two fonts: " << bytes.size() << " bytes");
    CHECK(bytes.size() < 20000);
    const auto path = write_scratch("one-page.pdf", bytes);
    CHECK(run_tool("qpdf", "--check " + quoted_path(path)).exit_code == 0);
}

TEST_CASE("an image that cannot be decoded is a warning at its place, not the end of the PDF") {
    LaidOutDocument doc = leaflet(false);
    doc.images.push_back({load_image(image_data_dir / "make_png_fixtures.py")});
    PlacedImage placed{0, 70, 400, 100, 100, "Skript", SourceSpan::at("articles/praxis.md", 12, 3)};
    doc.pages[0].items.push_back(placed);
    DiagnosticSink sink;
    const std::optional<std::string> bytes = write_pdf(doc, sink);
    REQUIRE(bytes);
    REQUIRE(sink.diagnostics().size() == 1);
    const Diagnostic& d = sink.diagnostics()[0];
    CHECK(d.code == "pdf-image");
    CHECK(d.severity == Severity::warning);
    CHECK(d.span == placed.span);
    CHECK(d.message ==
          "image 'make_png_fixtures.py' cannot be embedded (not an image in a format pamphlet "
          "takes: PNG, JPEG, GIF or SVG); its place on the page stays empty");
    CHECK(run_tool("qpdf", "--check " + quoted_path(write_scratch("no-image.pdf", *bytes)))
              .exit_code == 0);
}

TEST_CASE("a font file that cannot be read is an error") {
    LaidOutDocument doc = leaflet(false);
    doc.fonts[1].file = image_data_dir / "rgb8.png";
    DiagnosticSink sink;
    CHECK_FALSE(write_pdf(doc, sink));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics()[0].code == "pdf-font");
}

TEST_CASE("a document without pages is not written") {
    DiagnosticSink sink;
    CHECK_FALSE(write_pdf(LaidOutDocument{}, sink));
    CHECK(sink.diagnostics().at(0).code == "pdf-no-pages");
}

TEST_CASE("CMYK JPEGs: Adobe's inverted samples get a /Decode array, others none") {
    const std::string adobe = [] {
        std::ifstream in(image_data_dir / "cmyk.jpg", std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }();
    // The fixture's APP14 "Adobe" segment follows SOI: FF EE, length 14.
    REQUIRE(adobe.substr(2, 2) == "\xFF\xEE");
    REQUIRE(adobe.substr(6, 5) == "Adobe");
    const auto plain = write_scratch("cmyk-plain.jpg", adobe.substr(0, 2) + adobe.substr(18));

    for (const bool is_adobe : {true, false}) {
        LaidOutDocument doc = leaflet(false);
        doc.images.push_back({load_image(is_adobe ? image_data_dir / "cmyk.jpg" : plain)});
        doc.pages[0].items.push_back(PlacedImage{0, 70, 400, 160, 120, "CMYK", {}});
        const std::string bytes = written(doc);
        CHECK(bytes.find("/ColorSpace /DeviceCMYK") != std::string::npos);
        CHECK((bytes.find("/Decode [ 1 0 1 0 1 0 1 0 ]") != std::string::npos) == is_adobe);
        const auto path = write_scratch(is_adobe ? "cmyk-adobe.pdf" : "cmyk-plain.pdf", bytes);
        CHECK(run_tool("qpdf", "--check " + quoted_path(path)).exit_code == 0);
    }
}

TEST_CASE("a libharu error becomes a diagnostic") {
    LaidOutDocument doc = leaflet(false);
    doc.pages[0].width = 20000;  // beyond PDF's 200-inch page limit that libharu enforces
    DiagnosticSink sink;
    CHECK_FALSE(write_pdf(doc, sink));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics()[0].code == "pdf-writer");
    CHECK(sink.diagnostics()[0].message.starts_with(
        "libharu failed while writing the PDF (error 0x"));
}

TEST_CASE("an opaque PNG's own compressed rows go into the PDF as they are, and decode the same") {
    // A real encoder's file, with every PNG row filter (Sub, Up, Average,
    // Paeth), which the PDF reader must undo through /Predictor 15.
    const std::filesystem::path png =
        std::filesystem::path(PAMPHLET_SOURCE_DIR) / "samples/clinic/images/desk-ergonomics.png";
    ImageVerdict original = judge_image(png, PixelNeed::always);
    REQUIRE(original.decoded);
    REQUIRE_FALSE(original.decoded->png_stream.empty());

    LaidOutDocument doc;
    doc.info.title = "Bild";
    doc.images.push_back({load_image(png)});
    Page page;
    page.items.push_back(PlacedImage{0, 70, 400, 240, 150, "Schreibtisch", {}});
    doc.pages.push_back(page);
    const std::string bytes = written(doc);
    CHECK(bytes.find("/Predictor 15") != std::string::npos);
    CHECK(bytes.find(original.decoded->png_stream) != std::string::npos);  // not re-compressed

    const auto pdf = write_scratch("predicted.pdf", bytes);
    const auto prefix = pdf.parent_path() / "predicted-image";
    ToolRun extract = run_tool("pdfimages", "-png " + quoted_path(pdf) + " " + quoted_path(prefix));
    INFO(extract.output);
    REQUIRE(extract.exit_code == 0);
    ImageVerdict extracted = judge_image(prefix.string() + "-000.png", PixelNeed::always);
    REQUIRE(extracted.decoded);
    CHECK(extracted.decoded->info.width == 1200);
    CHECK(extracted.decoded->data == original.decoded->data);
}
