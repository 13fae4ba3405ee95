// Pages of positioned items: what the typesetter (src/typeset) produces and
// the PDF writer (src/pdf) paints. Units are PostScript points; coordinates
// are PDF's: origin at the page's bottom-left, y upwards. Everything a writer
// needs is here — fonts as files plus the glyphs used, images as files — so
// src/pdf never shapes text or measures anything.
#pragma once

#include "pamphlet/color.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/page_starts.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace pamphlet {

// A glyph the document uses, with what the PDF writer needs for the font's
// /W array and its ToUnicode map.
struct UsedGlyph {
    double advance = 0;  // horizontal advance in font units
    std::string text;    // the characters it stands for ("ffi" for a ligature); may be empty
};

struct DocumentFont {
    std::filesystem::path file;  // TrueType file
    std::string postscript_name;
    int units_per_em = 1000;
    double ascender = 0, descender = 0, cap_height = 0;  // font units (descender < 0)
    double bbox[4] = {0, 0, 0, 0};                       // xMin yMin xMax yMax, font units
    double italic_angle = 0;
    bool fixed_pitch = false;
    bool serif = false;
    bool italic = false;
    std::map<std::uint32_t, UsedGlyph> glyphs;  // every glyph id placed on any page
};

// 24 bytes for every glyph of a brochure until its PDF is written: the two
// 32-bit fields side by side, and the mark offsets (zero for almost every
// glyph, a fraction of a point otherwise) in single precision.
struct PlacedGlyph {
    std::uint32_t id = 0;
    std::uint32_t cluster = 0;  // byte offset into GlyphRun::text where the characters
                                // this glyph stands for begin (HarfBuzz's cluster)
    double advance = 0;         // pt to the next glyph's origin: font advance, kerning and
                                // justification included
    float dx = 0, dy = 0;       // pt, offset of this glyph from its pen position (marks)
};

// Tagged PDF: what a painted item is to a reader. The typesetter builds a
// structure tree (LaidOutDocument::structure) as it sets the blocks, and
// every item names the element it belongs to, or is an artifact (running
// heads, footers, page numbers, rules, tints, leader dots, decoration): a
// screen reader skips artifacts and reads elements in the tree's order.
// An item holds a small integer, not the element: a brochure has hundreds
// of thousands of runs and a few thousand elements.
using StructRef = std::int32_t;
inline constexpr StructRef artifact = -1;

// The standard structure types of PDF 1.7 (14.8.4) that pamphlet uses;
// the PDF writer names them (no RoleMap needed).
enum class StructRole : std::uint8_t {
    document,
    sect,
    art,
    div,
    h1,
    h2,
    h3,
    h4,
    h5,
    h6,
    p,
    l,
    li,
    lbl,
    lbody,
    block_quote,
    figure,
    caption,
    table,
    tr,
    th,
    td,
    note,
    link,
    code,
    toc,
    toci,
    span,  // a phrase in another language than the text around it, with its /Lang
};

// Which cells a table's header cell (TH) heads: its /Scope.
enum class HeaderScope : std::uint8_t { none, column, row };

struct StructNode {
    StructRole role = StructRole::p;
    HeaderScope scope = HeaderScope::none;  // TH only; in the padding after `role`
    StructRef parent = artifact;            // artifact: the root
    std::int32_t texts = -1;                // index into StructureTree::texts; -1: none
};
static_assert(sizeof(StructNode) == 12);

// What few elements say besides their role.
struct StructTexts {
    // A Figure's alternate text; a Link's description (its annotations'
    // /Contents): the text it is set on.
    std::string alt;
    std::string lang;  // BCP 47, where it differs from the document's
};

// The elements in the order they were made: a parent before its children.
// Element 0 is the Document. The PDF writer orders each element's children
// as their content first appears on the pages. 12 bytes an element: a
// brochure of 500 articles has some 34,000.
struct StructureTree {
    std::vector<StructNode> nodes;
    std::vector<StructTexts> texts;

    StructRef add(StructRole role, StructRef parent, std::string lang = {}) {
        nodes.push_back({role, HeaderScope::none, parent, -1});
        const auto node = static_cast<StructRef>(nodes.size() - 1);
        if (!lang.empty()) texts_of(node).lang = std::move(lang);
        return node;
    }
    void set_alt(StructRef node, std::string alt) { texts_of(node).alt = std::move(alt); }
    void set_scope(StructRef node, HeaderScope scope) {
        nodes[static_cast<std::size_t>(node)].scope = scope;
    }
    const std::string& alt(StructRef node) const { return texts_for(node).alt; }
    const std::string& lang(StructRef node) const { return texts_for(node).lang; }
    bool empty() const { return nodes.empty(); }

private:
    StructTexts& texts_of(StructRef node) {
        std::int32_t& index = nodes[static_cast<std::size_t>(node)].texts;
        if (index < 0) {
            index = static_cast<std::int32_t>(texts.size());
            texts.emplace_back();
        }
        return texts[static_cast<std::size_t>(index)];
    }
    const StructTexts& texts_for(StructRef node) const {
        static const StructTexts none;
        const std::int32_t index = nodes[static_cast<std::size_t>(node)].texts;
        return index < 0 ? none : texts[static_cast<std::size_t>(index)];
    }
};

// Glyphs of one font, size and colour on one baseline.
struct GlyphRun {
    int font = 0;               // index into LaidOutDocument::fonts
    StructRef node = artifact;  // in the padding after `font`: free
    double size = 10;
    Color color;
    double x = 0, y = 0;  // pen position of the first glyph (baseline)
    // Font expansion: the glyphs drawn this much wider (> 1) or narrower
    // (< 1) than the font's; advances below already include it.
    double horizontal_scale = 1;
    std::vector<PlacedGlyph> glyphs;
    std::string text;  // the characters of the run, for traces and debugging
    SourceSpan span;
};

// A filled rectangle (rules, cover bands, list bullets drawn as shapes).
struct FilledRect {
    double x = 0, y = 0, width = 0, height = 0;  // bottom-left corner
    Color color;
    StructRef node = artifact;
};

struct PlacedImage {
    int image = 0;                               // index into LaidOutDocument::images
    double x = 0, y = 0, width = 0, height = 0;  // bottom-left corner, displayed size
    std::string alt;
    SourceSpan span;
    StructRef node = artifact;
};

struct LinkArea {
    double x = 0, y = 0, width = 0, height = 0;
    std::string uri;               // external link, or empty
    std::optional<int> dest_page;  // internal link: page index
    double dest_y = 0;             // and the y to show at the top
    StructRef node = artifact;     // its Link element (tagged PDF)
};

using PageItem = std::variant<GlyphRun, FilledRect, PlacedImage, LinkArea>;

struct Page {
    double width = 595.276, height = 841.89;
    std::vector<PageItem> items;  // painted in order
};

struct OutlineEntry {
    std::string title;
    int level = 0;  // 0 = article, 1 = its sections, ...
    int page = 0;
    double y = 0;
};

// Page labels (what a viewer shows as the page number): from `first_page`
// on, pages are labelled prefix + number, counting from `start`.
struct PageLabelRange {
    int first_page = 0;
    enum class Style { decimal, roman_lower, none } style = Style::decimal;
    std::string prefix;
    int start = 1;
};

// An image the pages place, as the collection loader loaded it: the PDF
// writer embeds its pixels (ImageAsset::pixels) and never opens the file
// by its path.
struct DocumentImage {
    std::shared_ptr<const ImageAsset> asset;
};

struct DocumentInfo {
    std::string title, author, subject, keywords, creator, producer;
    std::string lang;         // BCP 47, for /Lang
    long long timestamp = 0;  // seconds since 1970: CreationDate and ModDate
};

// How the pages go to the printer (the profile's print production keys).
// Page items stay in trim coordinates (0..Page::width); the PDF writer adds
// the bleed and crop-mark margins around them.
struct PrintSetup {
    double bleed = 0;             // pt beyond the trim on every side
    bool crop_marks = false;      // marks at the trim corners, outside the bleed
    bool pdfa = false;            // write PDF/A-1b
    bool impose_booklet = false;  // two pages per sheet side in saddle-stitch order
};

// Crop marks begin this far beyond the bleed and are this long, in pt: the
// page grows by both on every side (src/pdf/print_geometry.hpp says why).
inline constexpr double crop_mark_gap = 3;
inline constexpr double crop_mark_length = 15;

struct LaidOutDocument {
    DocumentInfo info;
    PrintSetup print;
    std::vector<DocumentFont> fonts;
    std::vector<DocumentImage> images;
    std::vector<Page> pages;
    // Empty: the PDF is not tagged (a document made by hand). An imposed
    // booklet is never tagged: its sheets show pages out of reading order.
    StructureTree structure;
    std::vector<OutlineEntry> outline;
    std::vector<PageLabelRange> page_labels;
    // Where each numbered page of the body begins in the articles' text,
    // in page order (for the EPUB's page list; the PDF does not read it).
    std::vector<PageStart> page_starts;
};

}  // namespace pamphlet
