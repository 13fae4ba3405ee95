// write_pdf: the painter on the libharu canvas.
#include "pamphlet/pdf.hpp"

#include "imposition.hpp"
#include "libharu_canvas.hpp"
#include "painter.hpp"

namespace pamphlet {

namespace {

std::optional<std::string> paint_pdf(const LaidOutDocument& document, DiagnosticSink& sink,
                                     const std::function<void(std::size_t)>& page_painted) {
    if (document.pages.empty()) {
        sink.error({}, "pdf-no-pages", "the document has no pages to write");
        return std::nullopt;
    }
    const std::size_t errors_before = sink.error_count();
    pdf_detail::LibharuCanvas canvas(sink);
    pdf_detail::paint_document(document, canvas, sink, page_painted);
    std::optional<std::string> bytes = canvas.finish();
    // A brochure with a missing image or font is not one to print.
    if (sink.error_count() > errors_before) return std::nullopt;
    return bytes;
}

}  // namespace

std::optional<std::string> write_pdf(const LaidOutDocument& document, DiagnosticSink& sink,
                                     const PdfOptions&) {
    return paint_pdf(document, sink, {});
}

std::optional<std::string> write_pdf(LaidOutDocument&& document, DiagnosticSink& sink,
                                     const PdfOptions&) {
    return paint_pdf(document, sink, [&document](std::size_t page) {
        std::vector<PageItem>().swap(document.pages[page].items);
    });
}

int pdf_page_count(const LaidOutDocument& document) {
    const int pages = static_cast<int>(document.pages.size());
    if (!document.print.impose_booklet || pages == 0) return pages;
    return static_cast<int>(pdf_detail::booklet_sheet_sides(pages).size());
}

}  // namespace pamphlet
