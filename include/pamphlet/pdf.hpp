// The PDF writer: paints a LaidOutDocument (include/pamphlet/layout.hpp)
// onto a canvas. Only src/pdf includes libharu.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/layout.hpp"

#include <optional>
#include <string>

namespace pamphlet {

// Nothing to choose at present: a document's images come with it, loaded
// (LaidOutDocument::images), and their pixels from their assets.
struct PdfOptions {};

// The PDF file as bytes, or nullopt when it cannot be written (diagnostics
// say why). Deterministic: the same document gives the same bytes.
std::optional<std::string> write_pdf(const LaidOutDocument& document, DiagnosticSink& sink,
                                     const PdfOptions& options = {});
// The same, letting each page's items go once they are painted: a long
// brochure never holds its laid-out pages and their PDF at once.
std::optional<std::string> write_pdf(LaidOutDocument&& document, DiagnosticSink& sink,
                                     const PdfOptions& options = {});

// The number of pages the PDF of `document` has: its pages, or its sheet
// sides when they are imposed as a booklet.
int pdf_page_count(const LaidOutDocument& document);

// A stable, rounded text trace of the painted document (glyphs by id and
// text, positions to 0.01 pt, rectangles, images, links, outline) for golden
// tests, in the spirit of SILE's debug outputter.
std::string trace_document(const LaidOutDocument& document);

}  // namespace pamphlet
