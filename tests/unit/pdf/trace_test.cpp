#include "document_builder.hpp"

#include "pamphlet/pdf.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;
using namespace pamphlet::testing;

namespace {

// Glyph ids and advances written out, so the golden trace below is the
// whole story.
LaidOutDocument small_document() {
    LaidOutDocument doc;
    doc.info.title = "Über uns";
    doc.info.author = "Praxis Sonnenhof";
    doc.info.lang = "de";
    doc.info.timestamp = 1700000000;
    DocumentFont font;
    font.file = "/somewhere/CharisSIL-Regular.ttf";
    font.postscript_name = "CharisSIL";
    font.units_per_em = 2048;
    font.glyphs[615] = {2208, "ffi"};
    font.glyphs[83] = {1120, "c"};
    font.glyphs[800] = {0, ""};
    doc.fonts.push_back(font);
    doc.images.push_back({load_image("/somewhere/photo.jpg")});

    Page first;
    GlyphRun run;
    run.font = 0;
    run.size = 11;
    run.color = rgb(0.133, 0.133, 0.133);
    run.x = 70.866;
    run.y = 700.1234;
    run.text = "ffic\"";
    run.glyphs = {{615, 0, 11.86, 0, 0}, {83, 3, 6.0149, 0, 0}, {800, 3, 0, -2.5, 1.25}};
    first.items.push_back(run);
    FilledRect rule;
    rule.x = 70.866;
    rule.y = 690;
    rule.width = 453.544;
    rule.height = 0.5;
    rule.color.space = Color::Space::cmyk;
    rule.color.v[3] = 0.4;
    first.items.push_back(rule);
    first.items.push_back(PlacedImage{0, 70.866, 500, 200, 150, "Der Empfang", {}});
    first.items.push_back(LinkArea{70, 690, 50, 12, "https://example.org/a", std::nullopt, 0});
    first.items.push_back(LinkArea{70, 600, 50, 12, "", 1, 800.5});
    doc.pages.push_back(first);
    doc.pages.push_back(Page{420, 595.276, {}});
    doc.outline = {{"Über uns", 0, 0, 800}, {"Öffnungszeiten", 1, 0, 400}, {"Anfahrt", 0, 1, 500}};
    doc.page_labels = {{0, PageLabelRange::Style::roman_lower, "", 1},
                       {1, PageLabelRange::Style::decimal, "S. ", 3}};
    return doc;
}

}  // namespace

TEST_CASE("the trace lists every painted item, rounded to 0.01 pt") {
    CHECK(trace_document(small_document()) ==
          "document title=\"Über uns\" author=\"Praxis Sonnenhof\" lang=de time=1700000000\n"
          "font 0 CharisSIL upem=2048 glyphs=3\n"
          "image 0 photo.jpg\n"
          "page 1 595.28x841.89\n"
          "glyphs font=0 size=11 color=#222222 at 70.87,700.12 \"ffic\\\"\" "
          "[615:11.86 83:6.01 800:0@-2.5,1.25]\n"
          "rect 70.87,690 453.54x0.5 color=cmyk(0,0,0,0.4)\n"
          "image 0 at 70.87,500 200x150 alt=\"Der Empfang\"\n"
          "link 70,690 50x12 uri=\"https://example.org/a\"\n"
          "link 70,600 50x12 page=2 y=800.5\n"
          "page 2 420x595.28\n"
          "outline \"Über uns\" page=1 y=800\n"
          "outline   \"Öffnungszeiten\" page=1 y=400\n"
          "outline \"Anfahrt\" page=2 y=500\n"
          "labels from page 1 roman prefix=\"\" start=1\n"
          "labels from page 2 decimal prefix=\"S. \" start=3\n");
}

TEST_CASE("the trace is the same every time") {
    CHECK(trace_document(small_document()) == trace_document(small_document()));
}

// .notdef on a page is the typesetter's bug: an assertion in debug builds,
// a warning and a gap in release builds.
#ifdef NDEBUG
TEST_CASE("release builds leave .notdef out, keep its advance and say so") {
    LaidOutDocument doc = small_document();
    GlyphRun& run = std::get<GlyphRun>(doc.pages[0].items[0]);
    run.glyphs.insert(run.glyphs.begin() + 1, PlacedGlyph{.id = 0, .cluster = 3, .advance = 4.5});
    const std::string trace = trace_document(doc);
    CHECK(trace.find("[615:16.36 83:6.01 800:0@-2.5,1.25]") != std::string::npos);
    CHECK(trace.find("warning: font 'CharisSIL' has no glyph for some characters of "
                     "\"ffic\"\"; they are left out of the PDF\n") != std::string::npos);
}
#endif
