// write_pdf: the painter on the libharu canvas.
#include "pamphlet/pdf.hpp"

#include "libharu_canvas.hpp"
#include "painter.hpp"

namespace pamphlet {

std::optional<std::string> write_pdf(const LaidOutDocument& document, DiagnosticSink& sink) {
    if (document.pages.empty()) {
        sink.error({}, "pdf-no-pages", "the document has no pages to write");
        return std::nullopt;
    }
    const std::size_t errors_before = sink.error_count();
    pdf_detail::LibharuCanvas canvas(sink);
    pdf_detail::paint_document(document, canvas, sink);
    std::optional<std::string> bytes = canvas.finish();
    // A brochure with a missing image or font is not one to print.
    if (sink.error_count() > errors_before) return std::nullopt;
    return bytes;
}

}  // namespace pamphlet
