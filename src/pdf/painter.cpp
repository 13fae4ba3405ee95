#include "painter.hpp"

#include "imposition.hpp"
#include "print_geometry.hpp"

#include <cassert>
#include <string>
#include <type_traits>

namespace pamphlet::pdf_detail {

namespace {

bool in_range(int index, std::size_t size) {
    return index >= 0 && static_cast<std::size_t>(index) < size;
}

void report_internal(DiagnosticSink& sink, const SourceSpan& span, const std::string& message) {
    assert(false && "the typesetter produced an item the PDF writer cannot paint");
    sink.error(span, "pdf-internal", message);
}

// The run without glyphs that must not reach the page: .notdef (glyph 0)
// and glyphs missing from the font's list of used glyphs (they would have
// no /W width and no ToUnicode entry). A dropped glyph's advance goes to the
// glyph before it (or moves the run's start), so nothing after it moves.
GlyphRun paintable_glyphs(const GlyphRun& run, const DocumentFont& font, DiagnosticSink& sink) {
    GlyphRun kept = run;
    kept.glyphs.clear();
    bool notdef = false, unlisted = false;
    for (const PlacedGlyph& glyph : run.glyphs) {
        const bool is_notdef = glyph.id == 0;
        const bool is_unlisted = !is_notdef && !font.glyphs.contains(glyph.id);
        if (!is_notdef && !is_unlisted) {
            kept.glyphs.push_back(glyph);
            continue;
        }
        notdef = notdef || is_notdef;
        unlisted = unlisted || is_unlisted;
        if (kept.glyphs.empty()) {
            kept.x += glyph.advance;
        } else {
            kept.glyphs.back().advance += glyph.advance;
        }
    }
    // A build's runs carry no text (TypesetOptions::keep_run_text); the
    // span still says where.
    const std::string quoted = run.text.empty() ? std::string() : " \"" + run.text + "\"";
    if (notdef) {
        assert(false && "the typesetter placed glyph 0 (.notdef)");
        sink.warning(run.span, "pdf-notdef",
                     "font '" + font.postscript_name + "' has no glyph for some characters" +
                         (quoted.empty() ? std::string() : " of" + quoted) +
                         "; they are left out of the PDF");
    }
    if (unlisted) {
        report_internal(sink, run.span,
                        "glyph run" + quoted + " uses glyphs missing from the glyph list of font '" +
                            font.postscript_name + "'");
    }
    return kept;
}

// Where a page of the document lands in the output: on which output page,
// with its trim's bottom-left corner where, reaching how far into the bleed.
struct Placement {
    int output_page = 0;
    double dx = 0, dy = 0;
    BleedSides bleed;
};

// PDF/A-1b with an sRGB output intent allows no device CMYK. A profile that
// asks for both gets its CMYK colours converted naively (as the EPUB's CSS
// does) and one warning: an archival copy that looks slightly different
// serves better than none, and the print copy keeps its CMYK.
// PDF/A-1b with an sRGB output intent cannot hold device CMYK: such colours
// are converted to RGB without colour management. The profile's checks warn
// about it where the colour was written (pdfa-cmyk).
class ColorPolicy {
public:
    explicit ColorPolicy(bool pdfa) : pdfa_(pdfa) {}

    Color operator()(const Color& color, const SourceSpan&) const {
        if (!pdfa_ || color.space != Color::Space::cmyk) return color;
        Color rgb;
        for (int i = 0; i < 3; ++i) rgb.v[i] = (1 - color.v[i]) * (1 - color.v[3]);
        return rgb;
    }

private:
    bool pdfa_;
};

// Everything the items of one page are painted with.
struct PagePainter {
    const LaidOutDocument& document;
    const std::vector<Placement>& placements;
    bool print_geometry;  // bleed, marks or imposition: items may reach into the bleed
    Canvas& canvas;
    DiagnosticSink& sink;
    const ColorPolicy& colors;

    bool valid_node(StructRef node, const SourceSpan& span) const {
        if (node == artifact || in_range(node, document.structure.nodes.size())) return true;
        report_internal(sink, span,
                        "item belongs to structure element " + std::to_string(node) +
                            ", which the document does not have");
        return false;
    }

    void paint(const Page& page, const Placement& at) const {
        for (const PageItem& item : page.items) {
            std::visit([&](const auto& it) { paint_item(page, at, it); }, item);
        }
    }

    void paint_item(const Page&, const Placement& at, const GlyphRun& item) const {
        if (!valid_node(item.node, item.span)) return;
        if (!in_range(item.font, document.fonts.size())) {
            report_internal(sink, item.span,
                            "glyph run refers to font " + std::to_string(item.font) +
                                ", which the document does not have");
            return;
        }
        GlyphRun run = paintable_glyphs(item, document.fonts[item.font], sink);
        if (run.glyphs.empty()) return;
        run.x += at.dx;
        run.y += at.dy;
        run.color = colors(run.color, run.span);
        canvas.show_glyphs(run);
    }

    void paint_item(const Page& page, const Placement& at, const FilledRect& item) const {
        if (!valid_node(item.node, SourceSpan{})) return;
        FilledRect rect =
            print_geometry ? bled_rect(item, page.width, page.height, at.bleed) : item;
        rect.x += at.dx;
        rect.y += at.dy;
        rect.color = colors(rect.color, SourceSpan{});
        canvas.fill_rect(rect);
    }

    void paint_item(const Page& page, const Placement& at, const PlacedImage& item) const {
        if (!valid_node(item.node, item.span)) return;
        if (!in_range(item.image, document.images.size())) {
            report_internal(sink, item.span,
                            "image item refers to image " + std::to_string(item.image) +
                                ", which the document does not have");
            return;
        }
        BledImage bled = print_geometry ? bled_image(item, page.width, page.height, at.bleed)
                                        : BledImage{item, std::nullopt};
        bled.image.x += at.dx;
        bled.image.y += at.dy;
        if (bled.clip) {
            const Box clip = *bled.clip;
            canvas.begin_clip(
                {clip.left + at.dx, clip.bottom + at.dy, clip.right + at.dx, clip.top + at.dy});
        }
        canvas.draw_image(bled.image);
        if (bled.clip) canvas.end_clip();
    }

    void paint_item(const Page&, const Placement& at, const LinkArea& item) const {
        if (!valid_node(item.node, SourceSpan{})) return;
        if (item.dest_page && !in_range(*item.dest_page, document.pages.size())) {
            report_internal(sink, SourceSpan{},
                            "link points at page " + std::to_string(*item.dest_page) +
                                " of a document with " + std::to_string(document.pages.size()) +
                                " pages");
            return;
        }
        LinkArea link = item;
        link.x += at.dx;
        link.y += at.dy;
        if (link.dest_page) {
            const Placement& target = placements[static_cast<std::size_t>(*link.dest_page)];
            link.dest_page = target.output_page;
            link.dest_y += target.dy;
        }
        canvas.add_link(link);
    }
};

Box trim_of(const Page& page, double dx, double dy) {
    return {dx, dy, dx + page.width, dy + page.height};
}

Box grown(const Box& box, double by) {
    return {box.left - by, box.bottom - by, box.right + by, box.top + by};
}

// One output page per document page; with bleed or crop marks each grows
// by the print margin on every side.
void paint_pages(const LaidOutDocument& document, PagePainter& painter,
                 std::vector<Placement>& placements,
                 const std::function<void(std::size_t)>& page_painted) {
    const PrintSetup& print = document.print;
    const bool print_geometry = print.bleed > 0 || print.crop_marks;
    const double margin = print_geometry ? print_margin(print) : 0;
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        placements[i] = {static_cast<int>(i),
                         margin,
                         margin,
                         {print.bleed, print.bleed, print.bleed, print.bleed}};
    }
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        const Page& page = document.pages[i];
        Canvas& canvas = painter.canvas;
        canvas.begin_page(page.width + 2 * margin, page.height + 2 * margin);
        const Box trim = trim_of(page, margin, margin);
        if (print_geometry) canvas.set_page_boxes(trim, grown(trim, print.bleed));
        painter.paint(page, placements[i]);
        if (page_painted) page_painted(i);
        if (print.crop_marks) {
            for (const StrokedLine& mark :
                 crop_marks(trim, print.bleed, registration_color(print.pdfa))) {
                canvas.stroke_line(mark);
            }
        }
        canvas.end_page();
    }
}

// The office printer's sheet for two pages side by side: two A5 pages
// measure 296 mm across, A4 landscape is 297 mm, and a printer given a
// 296 mm page would scale it or place it off centre, moving the fold.
// A pair within a few millimetres of a standard sheet goes on that sheet,
// centred, so the fold falls in its middle; anything else keeps the pair's
// own size.
struct SheetSize {
    double width = 0, height = 0;
};
SheetSize office_sheet(double pair_width, double height) {
    constexpr double slack = 8.6;  // pt, about 3 mm
    constexpr SheetSize landscape_sheets[] = {
        {841.89, 595.276},   // A4
        {1190.551, 841.89},  // A3
        {792, 612},          // US Letter
        {1224, 792},         // US Tabloid (Ledger)
    };
    for (const SheetSize& sheet : landscape_sheets) {
        const double spare_width = sheet.width - pair_width;
        const double spare_height = sheet.height - height;
        if (spare_width > -0.01 && spare_width < slack && spare_height > -0.01 &&
            spare_height < slack) {
            return sheet;
        }
    }
    return {pair_width, height};
}

// Two document pages side by side on each output page, in booklet order.
// The bleed and the marks go around the whole sheet: the print shop cuts
// the sheet, then folds it; the pages meet at the spine without bleed.
void paint_booklet(const LaidOutDocument& document, PagePainter& painter,
                   std::vector<Placement>& placements,
                   const std::function<void(std::size_t)>& page_painted) {
    const PrintSetup& print = document.print;
    const double margin = print_margin(print);
    const double bleed = print.bleed;
    // All pages of a booklet share one size; the first page's is the cell's.
    const double cell_width = document.pages.front().width;
    const double cell_height = document.pages.front().height;
    const std::vector<SheetSide> sides =
        booklet_sheet_sides(static_cast<int>(document.pages.size()));
    // A trimmed sheet (bleed or marks: a print margin) is cut to the pair's
    // size anyway; an untrimmed one is the paper in the printer.
    const bool trimmed = margin > 0;
    const SheetSize paper = trimmed ? SheetSize{2 * cell_width, cell_height}
                                    : office_sheet(2 * cell_width, cell_height);
    const double left_x = margin + (paper.width - 2 * cell_width) / 2;
    const double bottom_y = margin + (paper.height - cell_height) / 2;
    for (std::size_t side = 0; side < sides.size(); ++side) {
        const int output_page = static_cast<int>(side);
        if (sides[side].left) {
            placements[static_cast<std::size_t>(*sides[side].left)] = {
                output_page, left_x, bottom_y, {bleed, bleed, 0, bleed}};
        }
        if (sides[side].right) {
            placements[static_cast<std::size_t>(*sides[side].right)] = {
                output_page, left_x + cell_width, bottom_y, {0, bleed, bleed, bleed}};
        }
    }
    Canvas& canvas = painter.canvas;
    for (const SheetSide& side : sides) {
        const Box sheet{left_x, bottom_y, left_x + 2 * cell_width, bottom_y + cell_height};
        canvas.begin_page(paper.width + 2 * margin, paper.height + 2 * margin);
        if (trimmed) canvas.set_page_boxes(sheet, grown(sheet, bleed));
        for (const bool left : {true, false}) {
            const std::optional<int>& slot = left ? side.left : side.right;
            if (!slot) {
                const double dx = left ? left_x : left_x + cell_width;
                canvas.begin_imposed_page(std::nullopt,
                                          {dx, bottom_y, dx + cell_width, bottom_y + cell_height});
                continue;
            }
            const Page& page = document.pages[static_cast<std::size_t>(*slot)];
            const Placement& at = placements[static_cast<std::size_t>(*slot)];
            canvas.begin_imposed_page(*slot, trim_of(page, at.dx, at.dy));
            painter.paint(page, at);
            if (page_painted) page_painted(static_cast<std::size_t>(*slot));
        }
        if (print.crop_marks) {
            const Color registration = registration_color(print.pdfa);
            for (const StrokedLine& mark : crop_marks(sheet, bleed, registration)) {
                canvas.stroke_line(mark);
            }
            for (const StrokedLine& mark :
                 fold_marks(left_x + cell_width, sheet, bleed, registration)) {
                canvas.stroke_line(mark);
            }
        }
        canvas.end_page();
    }
}

}  // namespace

void paint_document(const LaidOutDocument& document, Canvas& canvas, DiagnosticSink& sink,
                    const std::function<void(std::size_t)>& page_painted) {
    const PrintSetup& print = document.print;
    // An imposed booklet is the print shop's file: its sheets show pages
    // side by side and out of order, which no reading order fits.
    const bool tagged = !document.structure.empty() && !print.impose_booklet;
    canvas.begin_document(document.info, document.fonts, document.images,
                          print.pdfa ? Conformance::pdfa_1b : Conformance::plain,
                          tagged ? &document.structure : nullptr);
    ColorPolicy colors(print.pdfa);
    std::vector<Placement> placements(document.pages.size());
    const bool print_geometry = print.bleed > 0 || print.crop_marks || print.impose_booklet;
    PagePainter painter{document, placements, print_geometry, canvas, sink, colors};
    const bool impose = print.impose_booklet && !document.pages.empty();
    if (impose) {
        paint_booklet(document, painter, placements, page_painted);
    } else {
        paint_pages(document, painter, placements, page_painted);
    }
    for (const OutlineEntry& entry : document.outline) {
        if (!in_range(entry.page, document.pages.size())) {
            report_internal(sink, SourceSpan{},
                            "outline entry '" + entry.title + "' points at page " +
                                std::to_string(entry.page) + " of a document with " +
                                std::to_string(document.pages.size()) + " pages");
            continue;
        }
        const Placement& target = placements[static_cast<std::size_t>(entry.page)];
        OutlineEntry placed = entry;
        placed.page = target.output_page;
        placed.y += target.dy;
        canvas.add_outline(placed);
    }
    // A sheet side shows two pages: no single label fits it, and a viewer's
    // plain sheet count is the honest one.
    if (!document.page_labels.empty() && !impose) canvas.set_page_labels(document.page_labels);
}

}  // namespace pamphlet::pdf_detail
