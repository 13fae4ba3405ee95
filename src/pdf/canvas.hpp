// What the painter draws on. Two implementations: LibharuCanvas writes the
// PDF, TraceCanvas a stable text trace for golden tests (as SILE's debug
// outputter and podofo's painter tests do). The painter (painter.cpp) has
// already checked indices and removed .notdef glyphs when these are called.
#pragma once

#include "pamphlet/layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pamphlet::pdf_detail {

class Canvas {
public:
    virtual ~Canvas() = default;

    virtual void begin_document(const DocumentInfo& info, const std::vector<DocumentFont>& fonts,
                                const std::vector<DocumentImage>& images) = 0;
    virtual void begin_page(double width, double height) = 0;
    virtual void show_glyphs(const GlyphRun& run) = 0;
    virtual void fill_rect(const FilledRect& rect) = 0;
    virtual void draw_image(const PlacedImage& image) = 0;
    virtual void add_link(const LinkArea& link) = 0;
    virtual void end_page() = 0;
    // Entries arrive in document order; `level` nests each under the last
    // entry of the level above.
    virtual void add_outline(const OutlineEntry& entry) = 0;
    virtual void set_page_labels(const std::vector<PageLabelRange>& ranges) = 0;
    // The finished output (PDF bytes or trace text), or nullopt on failure.
    virtual std::optional<std::string> finish() = 0;
};

}  // namespace pamphlet::pdf_detail
