// Walks a LaidOutDocument and paints it on a Canvas.
#pragma once

#include "canvas.hpp"

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/layout.hpp"

namespace pamphlet::pdf_detail {

// Items that point at fonts, images or pages that do not exist are the
// typesetter's bugs: they assert, and in release builds are reported and
// left out, as are .notdef glyphs (glyph 0), whose advance is kept so the
// rest of the line stays in place.
void paint_document(const LaidOutDocument& document, Canvas& canvas, DiagnosticSink& sink);

}  // namespace pamphlet::pdf_detail
