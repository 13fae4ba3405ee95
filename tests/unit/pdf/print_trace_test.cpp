// Print production as the trace shows it: page boxes, bleed, crop marks,
// booklet imposition and PDF/A colours. Numbers chosen to come out round:
// bleed 8.5 pt, so with crop marks (3 pt gap + 15 pt) the trim sits 26.5 pt
// inside the MediaBox.
#include "document_builder.hpp"
#include "imposition.hpp"
#include "print_geometry.hpp"

#include "pamphlet/pdf.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace pamphlet;
using namespace pamphlet::pdf_detail;
using namespace pamphlet::testing;

namespace {

LaidOutDocument document_with_pages(int count) {
    LaidOutDocument doc;
    doc.info.title = "Heft";
    doc.info.lang = "de";
    doc.images.push_back({load_image("/somewhere/cover.png")});
    for (int i = 0; i < count; ++i) {
        Page page;
        page.width = 420;
        page.height = 595;
        // A small rectangle whose position says which page it is.
        page.items.push_back(FilledRect{50, 50.0 + i, 10, 10, rgb(0, 0, 0)});
        doc.pages.push_back(page);
    }
    return doc;
}

// A cover: a band across the top, a picture touching the top and both
// sides and overhanging the bottom (as front_back.cpp places it), a rule
// inside the trim and a link.
LaidOutDocument cover_document() {
    LaidOutDocument doc = document_with_pages(1);
    Page& page = doc.pages[0];
    page.items.clear();
    page.items.push_back(PlacedImage{0, 0, -35, 420, 630, "Titelbild", {}});
    page.items.push_back(FilledRect{0, 500, 420, 95, rgb(0.1, 0.3, 0.5)});
    page.items.push_back(FilledRect{50, 50, 100, 10, rgb(0, 0, 0)});
    page.items.push_back(LinkArea{10, 10, 40, 12, "https://example.org/", std::nullopt, 0});
    return doc;
}

// The trace lines that begin with `prefix`, in order.
std::vector<std::string> lines_starting(const std::string& trace, const std::string& prefix) {
    std::vector<std::string> out;
    std::istringstream in(trace);
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(prefix)) out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("without print options the pages are as before: no boxes, no marks, no clips") {
    LaidOutDocument doc = cover_document();
    const std::string trace = trace_document(doc);
    CHECK(trace ==
          "document title=\"Heft\" author=\"\" lang=de time=0\n"
          "image 0 cover.png\n"
          "page 1 420x595\n"
          "image 0 at 0,-35 420x630 alt=\"Titelbild\"\n"
          "rect 0,500 420x95 color=#1a4d80\n"
          "rect 50,50 100x10 color=#000000\n"
          "link 10,10 40x12 uri=\"https://example.org/\"\n");
}

TEST_CASE("bleed and crop marks: the page grows, items touching the trim reach the bleed edge") {
    LaidOutDocument doc = cover_document();
    doc.print.bleed = 8.5;
    doc.print.crop_marks = true;
    CHECK(trace_document(doc) ==
          "document title=\"Heft\" author=\"\" lang=de time=0\n"
          "image 0 cover.png\n"
          "page 1 473x648\n"
          "trim 26.5,26.5 420x595 bleed 18,18 437x612\n"
          // Grown about its centre (210, 280) by 218.5/210 to cover the
          // bleed at both sides; the overhang at the bottom is clipped.
          "clip 18,18 437x612\n"
          "image 0 at 18,-21.25 437x655.5 alt=\"Titelbild\"\n"
          "end clip\n"
          "rect 18,526.5 437x103.5 color=#1a4d80\n"
          "rect 76.5,76.5 100x10 color=#000000\n"
          "link 36.5,36.5 40x12 uri=\"https://example.org/\"\n"
          // Each mark begins 3 pt beyond the bleed and runs 15 pt outwards.
          "line 15,26.5 to 0,26.5 width=0.25 color=cmyk(1,1,1,1)\n"
          "line 26.5,15 to 26.5,0 width=0.25 color=cmyk(1,1,1,1)\n"
          "line 15,621.5 to 0,621.5 width=0.25 color=cmyk(1,1,1,1)\n"
          "line 26.5,633 to 26.5,648 width=0.25 color=cmyk(1,1,1,1)\n"
          "line 458,26.5 to 473,26.5 width=0.25 color=cmyk(1,1,1,1)\n"
          "line 446.5,15 to 446.5,0 width=0.25 color=cmyk(1,1,1,1)\n"
          "line 458,621.5 to 473,621.5 width=0.25 color=cmyk(1,1,1,1)\n"
          "line 446.5,633 to 446.5,648 width=0.25 color=cmyk(1,1,1,1)\n");
}

TEST_CASE("bleed without crop marks grows the page by the bleed only") {
    LaidOutDocument doc = cover_document();
    doc.print.bleed = 8.5;
    const std::string trace = trace_document(doc);
    CHECK(lines_starting(trace, "page ") == std::vector<std::string>{"page 1 437x612"});
    CHECK(lines_starting(trace, "trim ") ==
          std::vector<std::string>{"trim 8.5,8.5 420x595 bleed 0,0 437x612"});
    CHECK(lines_starting(trace, "rect 0,508.5 437x103.5").size() == 1);
    CHECK(lines_starting(trace, "line ").empty());
}

TEST_CASE("crop marks without bleed: the bleed box is the trim, marks start 3 pt out") {
    LaidOutDocument doc = cover_document();
    doc.print.crop_marks = true;
    const std::string trace = trace_document(doc);
    CHECK(lines_starting(trace, "trim ") ==
          std::vector<std::string>{"trim 18,18 420x595 bleed 18,18 420x595"});
    CHECK(lines_starting(trace, "line ").size() == 8);
    CHECK(lines_starting(trace, "line ").front() ==
          "line 15,18 to 0,18 width=0.25 color=cmyk(1,1,1,1)");
    // Nothing to reach into: the band keeps to the trim.
    CHECK(lines_starting(trace, "rect 18,518 420x95").size() == 1);
}

TEST_CASE("a picture that keeps clear of the trim is neither grown nor clipped") {
    PlacedImage inside{0, 40, 40, 100, 50, "", {}};
    const BledImage bled = bled_image(inside, 420, 595, {8.5, 8.5, 8.5, 8.5});
    CHECK_FALSE(bled.clip);
    CHECK(bled.image.x == inside.x);
    CHECK(bled.image.width == inside.width);
}

TEST_CASE("edges within 0.01 pt of the trim count as touching it") {
    const BleedSides bleed{3, 3, 3, 3};
    const FilledRect near = bled_rect(FilledRect{0.009, 100, 419.995, 10, {}}, 420, 595, bleed);
    CHECK(near.x == -3);
    CHECK(near.x + near.width == doctest::Approx(423));
    const FilledRect clear = bled_rect(FilledRect{0.02, 100, 419.9, 10, {}}, 420, 595, bleed);
    CHECK(clear.x == 0.02);
    CHECK(clear.width == 419.9);
}

TEST_CASE("booklet order: 8 and 12 pages") {
    using S = SheetSide;
    CHECK(booklet_sheet_sides(8) == std::vector<S>{{7, 0}, {1, 6}, {5, 2}, {3, 4}});
    CHECK(booklet_sheet_sides(12) ==
          std::vector<S>{{11, 0}, {1, 10}, {9, 2}, {3, 8}, {7, 4}, {5, 6}});
    CHECK(booklet_sheet_sides(4) == std::vector<S>{{3, 0}, {1, 2}});
}

TEST_CASE("a page count that is not a multiple of four is padded with blanks at the end") {
    using S = SheetSide;
    const std::optional<int> blank;
    CHECK(booklet_sheet_sides(6) == std::vector<S>{{blank, 0}, {1, blank}, {5, 2}, {3, 4}});
    CHECK(booklet_sheet_sides(1) == std::vector<S>{{blank, 0}, {blank, blank}});
    CHECK(booklet_sheet_sides(0).empty());
}

TEST_CASE("an imposed booklet: two pages per sheet side, in saddle-stitch order") {
    LaidOutDocument doc = document_with_pages(8);
    for (Page& page : doc.pages) page.width = 400;  // no office sheet fits the pair
    doc.print.impose_booklet = true;
    const std::string trace = trace_document(doc);
    CHECK(lines_starting(trace, "page ") ==
          std::vector<std::string>{"page 1 800x595", "page 2 800x595", "page 3 800x595",
                                   "page 4 800x595"});
    CHECK(lines_starting(trace, "imposed ") ==
          std::vector<std::string>{
              "imposed page 8 at 0,0 400x595", "imposed page 1 at 400,0 400x595",
              "imposed page 2 at 0,0 400x595", "imposed page 7 at 400,0 400x595",
              "imposed page 6 at 0,0 400x595", "imposed page 3 at 400,0 400x595",
              "imposed page 4 at 0,0 400x595", "imposed page 5 at 400,0 400x595"});
    // Page 8's marker (y = 57) on the left of the first sheet side, page 1's
    // (y = 50) on its right.
    CHECK(trace.find("page 1 800x595\n"
                     "imposed page 8 at 0,0 400x595\nrect 50,57 10x10 color=#000000\n"
                     "imposed page 1 at 400,0 400x595\nrect 450,50 10x10 color=#000000\n") !=
          std::string::npos);
    CHECK(trace.find("trim ") == std::string::npos);  // an untrimmed sheet needs no boxes
}

TEST_CASE("two A5 pages go on an A4 sheet, centred, so the fold falls in its middle") {
    LaidOutDocument doc = document_with_pages(4);
    for (Page& page : doc.pages) {
        page.width = 419.528;  // A5: 148 mm
        page.height = 595.276;
    }
    doc.print.impose_booklet = true;
    std::string trace = trace_document(doc);
    CHECK(lines_starting(trace, "page ") ==
          std::vector<std::string>{"page 1 841.89x595.28", "page 2 841.89x595.28"});
    CHECK(lines_starting(trace, "imposed page 4") ==
          std::vector<std::string>{"imposed page 4 at 1.42,0 419.53x595.28"});
    CHECK(lines_starting(trace, "imposed page 1") ==
          std::vector<std::string>{"imposed page 1 at 420.94,0 419.53x595.28"});
    // For the print shop (bleed), the sheet is the pair, cut to size.
    doc.print.bleed = 8.5;
    trace = trace_document(doc);
    CHECK(lines_starting(trace, "page 1 ") == std::vector<std::string>{"page 1 856.06x612.28"});
}

TEST_CASE("an imposed booklet of 12 pages") {
    LaidOutDocument doc = document_with_pages(12);
    doc.print.impose_booklet = true;
    std::vector<std::string> order;
    for (const std::string& line : lines_starting(trace_document(doc), "imposed page ")) {
        order.push_back(line.substr(13, line.find(' ', 13) - 13));
    }
    CHECK(order ==
          std::vector<std::string>{"12", "1", "2", "11", "10", "3", "4", "9", "8", "5", "6", "7"});
}

TEST_CASE("an imposed booklet of 6 pages gets two blank pages at the end") {
    LaidOutDocument doc = document_with_pages(6);
    for (Page& page : doc.pages) page.width = 400;  // no office sheet fits the pair
    doc.print.impose_booklet = true;
    const std::string trace = trace_document(doc);
    CHECK(lines_starting(trace, "imposed ") ==
          std::vector<std::string>{
              "imposed blank at 0,0 400x595", "imposed page 1 at 400,0 400x595",
              "imposed page 2 at 0,0 400x595", "imposed blank at 400,0 400x595",
              "imposed page 6 at 0,0 400x595", "imposed page 3 at 400,0 400x595",
              "imposed page 4 at 0,0 400x595", "imposed page 5 at 400,0 400x595"});
    CHECK(trace.find("error") == std::string::npos);
}

TEST_CASE("imposed: links and outline entries go to the sheet side holding their page") {
    LaidOutDocument doc = document_with_pages(8);
    doc.print.impose_booklet = true;
    doc.print.bleed = 8.5;
    // Page 3 (right half of side 3) links to page 6 (left half of side 3)
    // and to the web.
    doc.pages[2].items.push_back(LinkArea{100, 200, 50, 10, "", 5, 500});
    doc.pages[2].items.push_back(LinkArea{100, 100, 50, 10, "https://example.org/", {}, 0});
    doc.outline = {{"Eins", 0, 0, 580}, {"Sechs", 1, 5, 400}};
    doc.page_labels = {{0, PageLabelRange::Style::decimal, "", 1}};
    const std::string trace = trace_document(doc);
    CHECK(lines_starting(trace, "link ") ==
          std::vector<std::string>{"link 528.5,208.5 50x10 page=3 y=508.5",
                                   "link 528.5,108.5 50x10 uri=\"https://example.org/\""});
    CHECK(lines_starting(trace, "outline ") ==
          std::vector<std::string>{"outline \"Eins\" page=1 y=588.5",
                                   "outline   \"Sechs\" page=3 y=408.5"});
    CHECK(lines_starting(trace, "labels ").empty());
}

TEST_CASE("imposed with bleed and marks: bleed and marks go round the sheet, not the spine") {
    LaidOutDocument doc = document_with_pages(4);
    doc.print.impose_booklet = true;
    doc.print.bleed = 8.5;
    doc.print.crop_marks = true;
    // The cover (page 1, right half of side 1) has a full-bleed band, and
    // page 4 (left half) one too.
    doc.pages[0].items.push_back(FilledRect{0, 500, 420, 95, rgb(1, 0, 0)});
    doc.pages[3].items.push_back(FilledRect{0, 0, 420, 20, rgb(0, 0, 1)});
    const std::string trace = trace_document(doc);
    CHECK(lines_starting(trace, "page 1 ") == std::vector<std::string>{"page 1 893x648"});
    CHECK(lines_starting(trace, "trim ").front() == "trim 26.5,26.5 840x595 bleed 18,18 857x612");
    // Right half: no bleed at the spine (x = 446.5), bleed right and top.
    CHECK(lines_starting(trace, "rect 446.5,526.5 428.5x103.5 color=#ff0000").size() == 1);
    // Left half: bleed left and bottom, none at the spine.
    CHECK(lines_starting(trace, "rect 18,18 428.5x28.5 color=#0000ff").size() == 1);
    const std::vector<std::string> lines = lines_starting(trace, "line ");
    REQUIRE(lines.size() == 2 * 10);
    // After the eight crop marks of the sheet, fold marks at the spine.
    CHECK(lines[8] == "line 446.5,633 to 446.5,648 width=0.25 color=cmyk(1,1,1,1)");
    CHECK(lines[9] == "line 446.5,15 to 446.5,0 width=0.25 color=cmyk(1,1,1,1)");
}

TEST_CASE("PDF/A: CMYK colours become RGB (the profile check warns); marks are black") {
    LaidOutDocument doc = document_with_pages(1);
    doc.print.pdfa = true;
    doc.print.crop_marks = true;
    doc.pages[0].items.push_back(FilledRect{100, 100, 10, 10, cmyk(0, 1, 1, 0)});
    doc.pages[0].items.push_back(FilledRect{100, 200, 10, 10, cmyk(0, 0, 0, 0.5)});
    const std::string trace = trace_document(doc);
    CHECK(lines_starting(trace, "conformance ") ==
          std::vector<std::string>{"conformance PDF/A-1b"});
    CHECK(lines_starting(trace, "rect 118,118 10x10 color=#ff0000").size() == 1);
    CHECK(lines_starting(trace, "rect 118,218 10x10 color=#808080").size() == 1);
    CHECK(lines_starting(trace, "line ").front() == "line 15,18 to 0,18 width=0.25 color=#000000");
    // Where the colour was written is the profile's to say (pdfa-cmyk).
    CHECK(lines_starting(trace, "warning: ").empty());
}

TEST_CASE("without PDF/A, CMYK colours stay CMYK") {
    LaidOutDocument doc = document_with_pages(1);
    doc.pages[0].items.push_back(FilledRect{100, 100, 10, 10, cmyk(0, 1, 1, 0)});
    CHECK(lines_starting(trace_document(doc), "rect 100,100 10x10 color=cmyk(0,1,1,0)").size() ==
          1);
}
