// The PDF canvas: libharu 2.3.0 writes the objects (pages, images, links,
// outlines, page labels, xref, compression); text goes around libharu's
// font machinery as Type0/CIDFontType2 fonts and raw TJ operators, so the
// page shows exactly the glyphs HarfBuzz chose: libharu's own TrueType
// support maps characters through the cmap (no ligatures, no kerning) and
// writes a malformed ToUnicode CMap. Only this canvas includes hpdf.h.
#pragma once

#include "canvas.hpp"

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/image.hpp"

#include <memory>

namespace pamphlet::pdf_detail {

class LibharuCanvas final : public Canvas {
public:
    // `images`, when given, decodes the images (shared with other writers).
    explicit LibharuCanvas(DiagnosticSink& sink);
    ~LibharuCanvas() override;
    LibharuCanvas(const LibharuCanvas&) = delete;
    LibharuCanvas& operator=(const LibharuCanvas&) = delete;

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
    void end_page() override;
    void add_outline(const OutlineEntry& entry) override;
    void set_page_labels(const std::vector<PageLabelRange>& ranges) override;
    // The PDF bytes, written to memory (the job layer writes files).
    std::optional<std::string> finish() override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pamphlet::pdf_detail
