// A canvas that writes one line per painted item, numbers rounded to
// 0.01 pt: the golden-file view of a typeset document. Pages are counted
// from 1 in the trace, as a reader counts them.
#pragma once

#include "canvas.hpp"

#include <string>

namespace pamphlet::pdf_detail {

class TraceCanvas final : public Canvas {
public:
    void begin_document(const DocumentInfo& info, const std::vector<DocumentFont>& fonts,
                        const std::vector<DocumentImage>& images, Conformance conformance,
                        const StructureTree* structure) override;
    void begin_page(double width, double height) override;
    void set_page_boxes(const Box& trim, const Box& bleed) override;
    void begin_imposed_page(std::optional<int> page, const Box& trim) override;
    void show_glyphs(const GlyphRun& run) override;
    void fill_rect(const FilledRect& rect) override;
    void draw_image(const PlacedImage& image) override;
    void begin_clip(const Box& box) override;
    void end_clip() override;
    void stroke_line(const StrokedLine& line) override;
    void add_link(const LinkArea& link) override;
    void end_page() override {}
    void add_outline(const OutlineEntry& entry) override;
    void set_page_labels(const std::vector<PageLabelRange>& ranges) override;
    // The structure tree, when the document is tagged, after the pages.
    std::optional<std::string> finish() override;

private:
    void line(const std::string& text);
    // " tag=P#12" (the item's element and its index) or " artifact";
    // nothing for an untagged document.
    std::string tag(StructRef node) const;
    const StructureTree* structure_ = nullptr;
    std::string out_;
    int page_number_ = 0;
};

// "#rrggbb" or "cmyk(c,m,y,k)".
std::string trace_color(const Color& color);

}  // namespace pamphlet::pdf_detail
