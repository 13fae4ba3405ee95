// trace_document: the painter on a TraceCanvas. What the painter reports
// (left-out glyphs, broken references) ends the trace, so a golden file
// shows it too.
#include "pamphlet/pdf.hpp"

#include "painter.hpp"
#include "trace_canvas.hpp"

namespace pamphlet {

std::string trace_document(const LaidOutDocument& document) {
    pdf_detail::TraceCanvas canvas;
    DiagnosticSink sink;
    pdf_detail::paint_document(document, canvas, sink);
    std::string trace = canvas.finish().value_or("");
    for (const Diagnostic& d : sink.diagnostics()) {
        trace += (d.severity == Severity::error ? "error: " : "warning: ") + d.message + "\n";
    }
    return trace;
}

}  // namespace pamphlet
