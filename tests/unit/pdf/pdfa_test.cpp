// PDF/A-1b: the pieces (ICC profile, XMP packet) and the written file,
// judged by PDFBox's preflight.
#include "document_builder.hpp"
#include "icc_profile.hpp"
#include "referees.hpp"
#include "xmp_metadata.hpp"

#include "pamphlet/pdf.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <set>

using namespace pamphlet;
using namespace pamphlet::pdf_detail;
using namespace pamphlet::testing;

namespace {

std::uint32_t u32_at(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

double s15fixed16_at(const std::string& bytes, std::size_t at) {
    return static_cast<std::int32_t>(u32_at(bytes, at)) / 65536.0;
}

struct TagEntry {
    std::string signature;
    std::uint32_t offset = 0, size = 0;
};

std::vector<TagEntry> tag_table(const std::string& profile) {
    std::vector<TagEntry> tags;
    const std::uint32_t count = u32_at(profile, 128);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t at = 132 + 12 * static_cast<std::size_t>(i);
        tags.push_back({profile.substr(at, 4), u32_at(profile, at + 4), u32_at(profile, at + 8)});
    }
    return tags;
}

// A two-page document with everything PDF/A has rules for: text in two
// fonts, an image with transparency, an external and an internal link, an
// outline and metadata that needs escaping in XML.
LaidOutDocument archival_leaflet() {
    DocumentBuilder b;
    const int charis = b.add_font("CharisSIL-Regular.ttf");
    const int lato = b.add_font("Lato-Bold.ttf");
    LaidOutDocument& doc = b.document;
    doc.print.pdfa = true;
    doc.info.title = "Rücken & Schulter <Übungen>";
    doc.info.author = "Praxis \"Sonnenhof\"";
    doc.info.subject = "Physiotherapie";
    doc.info.keywords = "Rücken, Übungen";
    doc.info.creator = "pamphlet test";
    doc.info.producer = "pamphlet 0.1.0";
    doc.info.lang = "de";
    doc.info.timestamp = 1700000000;
    doc.images.push_back({load_image(image_data_dir / "gradient.png")});
    Page& page = b.add_page();
    page.items.push_back(b.shape(lato, "Rücken & Schulter", 22, 70, 760));
    page.items.push_back(b.shape(charis, "Die office-Übungen für jeden Tag.", 11, 70, 720));
    page.items.push_back(PlacedImage{0, 70, 500, 160, 120, "Verlauf", {}});
    page.items.push_back(LinkArea{70, 716, 100, 14, "https://example.org/", std::nullopt, 0});
    page.items.push_back(LinkArea{70, 700, 100, 14, "", 1, 780});
    Page& second = b.add_page();
    second.items.push_back(b.shape(charis, "Seite zwei.", 11, 70, 760));
    doc.outline = {{"Rücken & Schulter", 0, 0, 780}, {"Seite zwei", 0, 1, 780}};
    return std::move(doc);
}

// The leaflet tagged, as the typesetter tags a document: a Document with
// the heading, the paragraph, the figure (with its /Alt) and the links.
LaidOutDocument tagged_leaflet() {
    LaidOutDocument doc = archival_leaflet();
    StructureTree& tree = doc.structure;
    const StructRef document = tree.add(StructRole::document, artifact);
    const StructRef heading = tree.add(StructRole::h1, document);
    const StructRef paragraph = tree.add(StructRole::p, document);
    const StructRef figure = tree.add(StructRole::figure, document);
    tree.set_alt(figure, "Verlauf");
    const StructRef outside = tree.add(StructRole::link, paragraph);
    tree.set_alt(outside, "example.org");
    const StructRef inside = tree.add(StructRole::link, paragraph);
    tree.set_alt(inside, "Seite zwei");
    const StructRef table = tree.add(StructRole::table, document);
    const StructRef row = tree.add(StructRole::tr, table);
    const StructRef header = tree.add(StructRole::th, row);
    tree.set_scope(header, HeaderScope::column);
    const StructRef note = tree.add(StructRole::note, document);
    std::vector<PageItem>& first = doc.pages[0].items;
    std::get<GlyphRun>(first[0]).node = heading;
    std::get<GlyphRun>(first[1]).node = paragraph;
    std::get<PlacedImage>(first[2]).node = figure;
    std::get<LinkArea>(first[3]).node = outside;
    std::get<LinkArea>(first[4]).node = inside;
    GlyphRun& cell = std::get<GlyphRun>(doc.pages[1].items[0]);
    cell.node = header;
    GlyphRun footnote = cell;
    footnote.y -= 40;
    footnote.node = note;
    doc.pages[1].items.emplace_back(std::move(footnote));
    return doc;
}

}  // namespace

TEST_CASE("the sRGB ICC profile: header, tag table and colorants") {
    const std::string profile = srgb_icc_profile();
    REQUIRE(profile.size() > 132);
    CHECK(u32_at(profile, 0) == profile.size());
    CHECK(profile.substr(36, 4) == "acsp");
    CHECK(u32_at(profile, 8) == 0x02100000);
    CHECK(profile.substr(12, 12) == std::string("mntrRGB XYZ "));
    CHECK(s15fixed16_at(profile, 68) == doctest::Approx(0.9642).epsilon(1e-4));
    CHECK(s15fixed16_at(profile, 76) == doctest::Approx(0.8249).epsilon(1e-4));

    const std::vector<TagEntry> tags = tag_table(profile);
    std::set<std::string> signatures;
    for (const TagEntry& tag : tags) {
        CAPTURE(tag.signature);
        signatures.insert(tag.signature);
        CHECK(tag.offset % 4 == 0);
        CHECK(tag.offset >= 132 + 12 * tags.size());
        CHECK(tag.offset + tag.size <= profile.size());
    }
    CHECK(signatures == std::set<std::string>{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ",
                                              "rTRC", "gTRC", "bTRC"});
    double sum[3] = {0, 0, 0};
    for (const TagEntry& tag : tags) {
        const std::string type = profile.substr(tag.offset, 4);
        if (tag.signature == "desc") CHECK(type == "desc");
        if (tag.signature == "cprt") CHECK(type == "text");
        if (tag.signature.ends_with("TRC")) {
            CHECK(type == "curv");
            const std::uint32_t points = u32_at(profile, tag.offset + 8);
            CHECK(tag.size == 12 + 2 * points);
            // The curve runs from black to full white.
            CHECK(profile.substr(tag.offset + 12, 2) == std::string("\0\0", 2));
            CHECK(profile.substr(tag.offset + 12 + 2 * (points - 1), 2) == "\xFF\xFF");
        }
        if (tag.signature.ends_with("XYZ") || tag.signature == "wtpt") {
            CHECK(type == "XYZ ");
            CHECK(tag.size == 20);
        }
        if (tag.signature.ends_with("XYZ")) {
            for (int i = 0; i < 3; ++i) sum[i] += s15fixed16_at(profile, tag.offset + 8 + 4 * i);
        }
    }
    // The colorants add up to the white point, so RGB white stays white.
    CHECK(sum[0] == doctest::Approx(0.9642).epsilon(1e-4));
    CHECK(sum[1] == doctest::Approx(1.0).epsilon(1e-4));
    CHECK(sum[2] == doctest::Approx(0.8249).epsilon(1e-4));
}

TEST_CASE("the sRGB colorants are the Bradford-adapted ones every colour engine uses") {
    const auto colorants = srgb_colorants_d50();
    // lcms2's cmsCreate_sRGBProfile, to four places.
    const double expected[3][3] = {
        {0.4361, 0.2225, 0.0139}, {0.3851, 0.7169, 0.0971}, {0.1431, 0.0606, 0.7139}};
    for (int c = 0; c < 3; ++c) {
        for (int i = 0; i < 3; ++i) {
            CAPTURE(c);
            CAPTURE(i);
            CHECK(colorants[c][i] ==
                  doctest::Approx(expected[c][i]).epsilon(0.0006 / expected[c][i]));
        }
    }
}

TEST_CASE("XML escaping for the XMP packet") {
    CHECK(xml_escaped("Rücken & Schulter <Übungen> \"A\" 'B'") ==
          "Rücken &amp; Schulter &lt;Übungen&gt; &quot;A&quot; &apos;B&apos;");
    CHECK(xml_escaped(std::string("a\x01"
                                  "b\tc\n",
                                  6)) == "a b\tc\n");
    CHECK(xml_escaped("") == "");
}

TEST_CASE("XMP dates are the Info dictionary's moments") {
    CHECK(xmp_date(1700000000) == "2023-11-14T22:13:20Z");
    CHECK(xmp_date(0) == "1970-01-01T00:00:00Z");
    CHECK(xmp_date(951782400) == "2000-02-29T00:00:00Z");
}

TEST_CASE("the XMP packet says what the Info dictionary says, escaped") {
    DocumentInfo info;
    info.title = "Rücken & Schulter";
    info.author = "A <B>";
    info.subject = "S";
    info.keywords = "k1, k2";
    info.creator = "tool";
    info.timestamp = 1700000000;
    const std::string xmp = xmp_metadata(info, "pamphlet 1.0", {true, false});
    CHECK(xmp.starts_with("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"));
    CHECK(xmp.ends_with("<?xpacket end=\"w\"?>"));
    for (const char* expected :
         {"<rdf:li xml:lang=\"x-default\">Rücken &amp; Schulter</rdf:li>",
          "<dc:creator><rdf:Seq><rdf:li>A &lt;B&gt;</rdf:li></rdf:Seq></dc:creator>",
          "<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>",
          "<xmp:ModifyDate>2023-11-14T22:13:20Z</xmp:ModifyDate>",
          "<xmp:CreatorTool>tool</xmp:CreatorTool>", "<pdf:Producer>pamphlet 1.0</pdf:Producer>",
          "<pdf:Keywords>k1, k2</pdf:Keywords>", "<pdfaid:part>1</pdfaid:part>",
          "<pdfaid:conformance>B</pdfaid:conformance>"}) {
        CHECK_MESSAGE(xmp.find(expected) != std::string::npos, "missing: " << expected);
    }
    // Empty Info entries have no XMP counterpart.
    info.keywords.clear();
    CHECK(xmp_metadata(info, "p", {true, false}).find("pdf:Keywords") == std::string::npos);
}

TEST_CASE("the XMP packet names PDF/UA-1, and describes its schema for PDF/A-1") {
    DocumentInfo info;
    info.title = "T";
    const std::string extension = "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>";
    const std::string both = xmp_metadata(info, "p", {true, true});
    CHECK(both.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(both.find("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"") != std::string::npos);
    CHECK(both.find(extension) != std::string::npos);
    CHECK(both.find("<pdfaid:part>1</pdfaid:part>") != std::string::npos);
    // Without PDF/A: no pdfaid, and no extension schema, which only PDF/A asks for.
    const std::string ua = xmp_metadata(info, "p", {false, true});
    CHECK(ua.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(ua.find("pdfaid:") == std::string::npos);
    CHECK(ua.find(extension) == std::string::npos);
    const std::string a = xmp_metadata(info, "p", {true, false});
    CHECK(a.find("pdfuaid") == std::string::npos);
}

TEST_CASE("a tagged PDF/A-1b file (PDF/UA-1 too) passes PDFBox's preflight and qpdf") {
    const std::string bytes = written(tagged_leaflet());
    CHECK(bytes.find("/StructTreeRoot") != std::string::npos);
    CHECK(bytes.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);  // uncompressed
    // The header cell says what it heads; the note has an identifier, and
    // the IDTree finds it (Matterhorn 15-003, 19-003).
    CHECK(bytes.find("/S /TH") != std::string::npos);
    CHECK(bytes.find("/A <</O /Table /Scope /Column>>") != std::string::npos);
    CHECK(bytes.find("/S /Note") != std::string::npos);
    CHECK(bytes.find("/ID (note-0000000009)") != std::string::npos);
    CHECK(bytes.find("/IDTree << /Names [ (note-0000000009) ") != std::string::npos);
    const auto path = write_scratch("pdfa-ua.pdf", bytes);
    ToolRun preflight = run_pdfa_preflight(path);
    INFO(preflight.output);
    CHECK(preflight.output.find("is a valid PDF/A-1b file") != std::string::npos);
    CHECK(run_tool("qpdf", "--check " + quoted_path(path)).exit_code == 0);
}

TEST_CASE("a tagged file without PDF/A has XMP metadata naming PDF/UA-1 alone") {
    LaidOutDocument doc = tagged_leaflet();
    doc.print.pdfa = false;
    const std::string bytes = written(doc);
    CHECK(bytes.find("/Metadata") != std::string::npos);
    CHECK(bytes.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(bytes.find("pdfaid:") == std::string::npos);
    CHECK(bytes.find("/OutputIntents") == std::string::npos);
}

TEST_CASE("a PDF/A-1b file passes PDFBox's preflight and qpdf") {
    const std::string bytes = written(archival_leaflet());
    const auto path = write_scratch("pdfa.pdf", bytes);
    MESSAGE("written to " << path);
    ToolRun preflight = run_pdfa_preflight(path);
    INFO(preflight.output);
    CHECK(preflight.output.find("is a valid PDF/A-1b file") != std::string::npos);
    CHECK(run_tool("qpdf", "--check " + quoted_path(path)).exit_code == 0);
}

TEST_CASE("a PDF/A-1b file: identifier, printable links, no soft masks, CID sets") {
    const std::string bytes = written(archival_leaflet());
    CHECK(bytes == written(archival_leaflet()));
    const std::size_t id = bytes.find("/ID [");
    REQUIRE(id != std::string::npos);
    CHECK(id > bytes.rfind("trailer"));
    CHECK(bytes.find(std::string(32, '0')) == std::string::npos);
    // Another document, another identifier.
    LaidOutDocument other = archival_leaflet();
    other.info.title = "Anderer Titel";
    const std::string other_bytes = written(other);
    CHECK(other_bytes.substr(other_bytes.find("/ID ["), 80) != bytes.substr(id, 80));

    CHECK(bytes.find("/SMask") == std::string::npos);
    CHECK(bytes.find("/OutputIntents") != std::string::npos);
    CHECK(bytes.find("/GTS_PDFA1") != std::string::npos);
    CHECK(bytes.find("<pdfaid:part>1</pdfaid:part>") != std::string::npos);  // uncompressed

    const auto path = write_scratch("pdfa-objects.pdf", bytes);
    ToolRun json = run_tool("qpdf", "--json --json-key=qpdf " + quoted_path(path));
    REQUIRE(json.exit_code == 0);
    // One object after another, each beginning "obj:N 0 R".
    std::size_t annotations = 0, printable = 0;
    for (std::size_t at = json.output.find("\"obj:"); at != std::string::npos;) {
        const std::size_t next = json.output.find("\"obj:", at + 1);
        const std::string object = json.output.substr(at, next - at);
        if (object.find("\"/Subtype\": \"/Link\"") != std::string::npos) {
            ++annotations;
            if (object.find("\"/F\": 4,") != std::string::npos) ++printable;
        }
        at = next;
    }
    CHECK(annotations == 2);
    CHECK(printable == annotations);
    CHECK(json.output.find("\"/CIDSet\"") != std::string::npos);
}

TEST_CASE("without PDF/A, none of its objects are written") {
    LaidOutDocument doc = archival_leaflet();
    doc.print.pdfa = false;
    const std::string bytes = written(doc);
    for (const char* absent : {"/ID", "/OutputIntents", "/Metadata", "/CIDSet", "/F 4"}) {
        CHECK_MESSAGE(bytes.find(absent) == std::string::npos, "present: " << absent);
    }
    CHECK(bytes.find("/SMask") != std::string::npos);
}

TEST_CASE("PDF/A: a CMYK JPEG is an error at its place") {
    LaidOutDocument doc = archival_leaflet();
    doc.images.push_back({load_image(image_data_dir / "cmyk.jpg")});
    doc.pages[0].items.push_back(
        PlacedImage{1, 300, 500, 100, 75, "CMYK", SourceSpan::at("articles/a.md", 3, 1)});
    DiagnosticSink sink;
    CHECK_FALSE(write_pdf(doc, sink));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics()[0].code == "pdf-image");
    CHECK(sink.diagnostics()[0].span.begin.line == 3);
    CHECK(sink.diagnostics()[0].message.find("CMYK JPEG") != std::string::npos);
}
