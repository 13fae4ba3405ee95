#include "painter.hpp"

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
    if (notdef) {
        assert(false && "the typesetter placed glyph 0 (.notdef)");
        sink.warning(run.span, "pdf-notdef",
                     "font '" + font.postscript_name + "' has no glyph for some characters of \"" +
                         run.text + "\"; they are left out of the PDF");
    }
    if (unlisted) {
        report_internal(sink, run.span,
                        "glyph run \"" + run.text +
                            "\" uses glyphs missing from the glyph list of font '" +
                            font.postscript_name + "'");
    }
    return kept;
}

void paint_page(const LaidOutDocument& document, const Page& page, Canvas& canvas,
                DiagnosticSink& sink) {
    canvas.begin_page(page.width, page.height);
    for (const PageItem& item : page.items) {
        std::visit(
            [&](const auto& it) {
                using T = std::decay_t<decltype(it)>;
                if constexpr (std::is_same_v<T, GlyphRun>) {
                    if (!in_range(it.font, document.fonts.size())) {
                        report_internal(sink, it.span,
                                        "glyph run refers to font " + std::to_string(it.font) +
                                            ", which the document does not have");
                        return;
                    }
                    GlyphRun run = paintable_glyphs(it, document.fonts[it.font], sink);
                    if (!run.glyphs.empty()) canvas.show_glyphs(run);
                } else if constexpr (std::is_same_v<T, FilledRect>) {
                    canvas.fill_rect(it);
                } else if constexpr (std::is_same_v<T, PlacedImage>) {
                    if (!in_range(it.image, document.images.size())) {
                        report_internal(sink, it.span,
                                        "image item refers to image " + std::to_string(it.image) +
                                            ", which the document does not have");
                        return;
                    }
                    canvas.draw_image(it);
                } else {
                    static_assert(std::is_same_v<T, LinkArea>);
                    if (it.dest_page && !in_range(*it.dest_page, document.pages.size())) {
                        report_internal(sink, SourceSpan{},
                                        "link points at page " + std::to_string(*it.dest_page) +
                                            " of a document with " +
                                            std::to_string(document.pages.size()) + " pages");
                        return;
                    }
                    canvas.add_link(it);
                }
            },
            item);
    }
    canvas.end_page();
}

}  // namespace

void paint_document(const LaidOutDocument& document, Canvas& canvas, DiagnosticSink& sink) {
    canvas.begin_document(document.info, document.fonts, document.images);
    for (const Page& page : document.pages) paint_page(document, page, canvas, sink);
    for (const OutlineEntry& entry : document.outline) {
        if (!in_range(entry.page, document.pages.size())) {
            report_internal(sink, SourceSpan{},
                            "outline entry '" + entry.title + "' points at page " +
                                std::to_string(entry.page) + " of a document with " +
                                std::to_string(document.pages.size()) + " pages");
            continue;
        }
        canvas.add_outline(entry);
    }
    if (!document.page_labels.empty()) canvas.set_page_labels(document.page_labels);
}

}  // namespace pamphlet::pdf_detail
