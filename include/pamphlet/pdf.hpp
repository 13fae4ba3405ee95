// The PDF writer: paints a LaidOutDocument (include/pamphlet/layout.hpp)
// onto a canvas. Only src/pdf includes libharu.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/layout.hpp"

#include <optional>
#include <string>

namespace pamphlet {

// The PDF file as bytes, or nullopt when it cannot be written (diagnostics
// say why). Deterministic: the same document gives the same bytes.
std::optional<std::string> write_pdf(const LaidOutDocument& document, DiagnosticSink& sink);

// A stable, rounded text trace of the painted document (glyphs by id and
// text, positions to 0.01 pt, rectangles, images, links, outline) for golden
// tests, in the spirit of SILE's debug outputter.
std::string trace_document(const LaidOutDocument& document);

}  // namespace pamphlet
