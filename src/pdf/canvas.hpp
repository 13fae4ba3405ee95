// What the painter draws on. Two implementations: LibharuCanvas writes the
// PDF, TraceCanvas a stable text trace for golden tests (as SILE's debug
// outputter and podofo's painter tests do). The painter (painter.cpp) has
// already checked indices, removed .notdef glyphs and decided every piece
// of print geometry (bleed, marks, imposition) when these are called: a
// canvas draws what it is given where it is told.
#pragma once

#include "pamphlet/layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pamphlet::pdf_detail {

// A rectangle in PDF page coordinates (pt, y upwards).
struct Box {
    double left = 0, bottom = 0, right = 0, top = 0;
    double width() const { return right - left; }
    double height() const { return top - bottom; }
    friend bool operator==(const Box&, const Box&) = default;
};

// A straight stroke: crop and fold marks.
struct StrokedLine {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width = 0;
    Color color;
};

enum class Conformance { plain, pdfa_1b };

class Canvas {
public:
    virtual ~Canvas() = default;

    // pdfa_1b: the canvas adds what PDF/A-1b asks of the file itself (XMP
    // metadata, output intent, file identifier, printable annotations,
    // images without soft masks); colours are the painter's business.
    // `structure` (null: untagged) is the tree the items' `node`s index:
    // the canvas marks each item's content as its element's or as an
    // artifact and writes the tree.
    virtual void begin_document(const DocumentInfo& info, const std::vector<DocumentFont>& fonts,
                                const std::vector<DocumentImage>& images, Conformance conformance,
                                const StructureTree* structure) = 0;
    // The page's MediaBox is 0 0 width height.
    virtual void begin_page(double width, double height) = 0;
    // Where the print shop cuts, and how far the ink may reach: pages
    // written for print only.
    virtual void set_page_boxes(const Box& trim, const Box& bleed) = 0;
    // On an imposed sheet side: which page of the document (nullopt: a
    // blank that pads the booklet) the items that follow belong to, and
    // its trim on the sheet. Nothing in the PDF; the trace shows the order.
    virtual void begin_imposed_page(std::optional<int> page, const Box& trim) = 0;
    virtual void show_glyphs(const GlyphRun& run) = 0;
    virtual void fill_rect(const FilledRect& rect) = 0;
    virtual void draw_image(const PlacedImage& image) = 0;
    // Items between begin_clip and end_clip are painted only inside `box`.
    virtual void begin_clip(const Box& box) = 0;
    virtual void end_clip() = 0;
    virtual void stroke_line(const StrokedLine& line) = 0;  // always an artifact
    // `link.dest_page` is a page of the output (a sheet side when imposed).
    virtual void add_link(const LinkArea& link) = 0;
    virtual void end_page() = 0;
    // Entries arrive in document order; `level` nests each under the last
    // entry of the level above. `entry.page` is a page of the output.
    virtual void add_outline(const OutlineEntry& entry) = 0;
    virtual void set_page_labels(const std::vector<PageLabelRange>& ranges) = 0;
    // The finished output (PDF bytes or trace text), or nullopt on failure.
    virtual std::optional<std::string> finish() = 0;
};

}  // namespace pamphlet::pdf_detail
