// Print production in the written PDF, as poppler and qpdf read it: page
// boxes, imposed sheets, CMYK operators.
#include "document_builder.hpp"
#include "referees.hpp"

#include "pamphlet/pdf.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;
using namespace pamphlet::testing;

namespace {

// `pages` A5 pages, each with a line of CMYK text, a band across the top
// and a link to the next page.
LaidOutDocument a5_brochure(int pages) {
    DocumentBuilder b;
    const int charis = b.add_font("CharisSIL-Regular.ttf");
    LaidOutDocument& doc = b.document;
    doc.info.title = "Heft";
    doc.info.timestamp = 1700000000;
    for (int i = 0; i < pages; ++i) {
        GlyphRun line =
            b.shape(charis, "Seite " + std::to_string(i + 1), 11, 60, 500, cmyk(0, 0.9, 0.85, 0));
        Page& page = b.add_page();
        page.width = 420;
        page.height = 595;
        page.items.reserve(3);
        page.items.emplace_back(FilledRect{0, 545, 420, 50, cmyk(0.8, 0.2, 0, 0.1)});
        page.items.emplace_back(std::move(line));
        page.items.emplace_back(LinkArea{60, 495, 60, 14, "", (i + 1) % pages, 580});
    }
    doc.outline = {{"Anfang", 0, 0, 580}};
    return std::move(doc);
}

// pdfinfo -box for page 1.
std::string boxes(const std::filesystem::path& pdf) {
    ToolRun run = run_tool("pdfinfo", "-box -f 1 -l 1 " + quoted_path(pdf));
    REQUIRE(run.exit_code == 0);
    return run.output;
}

// The file with its streams uncompressed, to read the content operators.
std::string uncompressed(const std::filesystem::path& pdf) {
    const auto out = scratch_dir() / (pdf.stem().string() + "-uncompressed.pdf");
    ToolRun run = run_tool("qpdf", "--stream-data=uncompress --object-streams=disable " +
                                       quoted_path(pdf) + " " + quoted_path(out));
    REQUIRE(run.exit_code == 0);
    std::ifstream in(out, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("bleed and crop marks: MediaBox, TrimBox and BleedBox as pdfinfo reads them") {
    LaidOutDocument doc = a5_brochure(2);
    doc.print.bleed = 8.5;
    doc.print.crop_marks = true;
    const auto path = write_scratch("bled.pdf", written(doc));
    CHECK(run_tool("qpdf", "--check " + quoted_path(path)).exit_code == 0);
    const std::string info = boxes(path);
    INFO(info);
    CHECK(info.find("Page    1 MediaBox:      0.00     0.00   473.00   648.00") !=
          std::string::npos);
    CHECK(info.find("Page    1 BleedBox:     18.00    18.00   455.00   630.00") !=
          std::string::npos);
    CHECK(info.find("Page    1 TrimBox:      26.50    26.50   446.50   621.50") !=
          std::string::npos);
    const std::string content = uncompressed(path);
    // The band reaches the bleed at the top and both sides.
    CHECK(content.find("18 571.5 437 58.5 re f") != std::string::npos);
}

TEST_CASE("without print options no page has boxes beyond its MediaBox") {
    const std::string bytes = written(a5_brochure(2));
    CHECK(bytes.find("/TrimBox") == std::string::npos);
    CHECK(bytes.find("/BleedBox") == std::string::npos);
}

TEST_CASE("CMYK colours are written as CMYK: text, rectangles and crop marks") {
    LaidOutDocument doc = a5_brochure(1);
    doc.print.crop_marks = true;
    const std::string content = uncompressed(write_scratch("cmyk-ops.pdf", written(doc)));
    CHECK(content.find("0.8 0.2 0 0.1 k\n") != std::string::npos);     // the band
    CHECK(content.find("0 0.9 0.85 0 k\nBT\n") != std::string::npos);  // the text
    CHECK(content.find("q 0.25 w 1 1 1 1 K\n") != std::string::npos);  // registration
    CHECK(content.find(" rg\n") == std::string::npos);
}

TEST_CASE("an imposed booklet: sheet sides twice the page width, links and outline kept") {
    LaidOutDocument doc = a5_brochure(8);
    doc.print.impose_booklet = true;
    doc.print.bleed = 8.5;
    doc.print.crop_marks = true;
    const auto path = write_scratch("booklet.pdf", written(doc));
    ToolRun check = run_tool("qpdf", "--check " + quoted_path(path));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    ToolRun info = run_tool("pdfinfo", quoted_path(path));
    CHECK(info.output.find("Pages:           4\n") != std::string::npos);
    const std::string page_boxes = boxes(path);
    INFO(page_boxes);
    CHECK(page_boxes.find("Page    1 MediaBox:      0.00     0.00   893.00   648.00") !=
          std::string::npos);
    CHECK(page_boxes.find("Page    1 TrimBox:      26.50    26.50   866.50   621.50") !=
          std::string::npos);
    ToolRun json = run_tool("qpdf", "--json --json-key=outlines " + quoted_path(path));
    INFO(json.output);
    // Page 1 is on the first sheet side (qpdf counts from 0).
    CHECK(json.output.find("\"destpageposfrom1\": 1") != std::string::npos);
}
