// Walks a LaidOutDocument and paints it on a Canvas.
#pragma once

#include "canvas.hpp"

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/layout.hpp"

#include <cstddef>
#include <functional>

namespace pamphlet::pdf_detail {

// With document.print asking for it, the painter also decides the print
// geometry: pages grown by bleed and crop-mark margins (items moved so the
// trim sits inside), items touching the trim reaching into the bleed, the
// marks, booklet imposition (from print.impose_booklet alone) and, for
// PDF/A, CMYK colours made RGB. Without print options the canvas receives
// exactly the calls it always did, so such PDFs stay byte for byte the same.
//
// Items that point at fonts, images or pages that do not exist are the
// typesetter's bugs: they assert, and in release builds are reported and
// left out, as are .notdef glyphs (glyph 0), whose advance is kept so the
// rest of the line stays in place.
//
// `page_painted(i)`, when given, is called once page i's items have been
// painted and will not be read again (a writer that owns the document may
// let them go).
void paint_document(const LaidOutDocument& document, Canvas& canvas, DiagnosticSink& sink,
                    const std::function<void(std::size_t)>& page_painted = {});

}  // namespace pamphlet::pdf_detail
