#include "runner.hpp"

#include "handout.hpp"

#include "pamphlet/epub.hpp"
#include "pamphlet/pdf.hpp"
#include "pamphlet/typeset.hpp"

#include <thread>

namespace pamphlet::job {

MadeOutput make_output(const Job& job, Workshop& shop, DiagnosticSink& sink) {
    MadeOutput made;
    std::optional<Edition> cut;
    const Edition* edition = job.edition;
    if (edition == nullptr) {
        // One article's handout: it is in the edition, so nothing to warn about.
        cut = handout_edition(shop.collection, *job.full_edition, job.articles, sink);
        edition = &*cut;
    }
    const std::size_t errors_before = sink.error_count();
    if (job.format == OutputFormat::epub) {
        // The book takes its fonts and colours from the first profile.
        EpubOptions options{shop.timestamp, shop.generator};
        EpubContents contents;
        made.bytes = write_epub(shop.collection, *edition, shop.profiles.at(job.profile), options,
                                sink, &contents);
        made.pages = contents.spine_items;
    } else {
        TypesetOptions options{shop.timestamp, shop.generator, shop.hyphenation_dirs,
                               &shop.patterns};
        options.handout = job.handout();
        TypesetStats stats;
        std::optional<LaidOutDocument> document =
            typeset_edition(shop.collection, *edition, shop.profiles.at(job.profile), options, sink,
                            shop.stats ? &stats : nullptr);
        if (!document || shop.cancelled()) return {};
        if (!shop.impose) document->print.impose_booklet = false;
        made.pages = pdf_page_count(*document);
        made.bytes = write_pdf(std::move(*document), sink, PdfOptions{});
        if (shop.stats) made.stats = stats;
    }
    if (sink.error_count() > errors_before || shop.cancelled()) made.bytes.reset();
    return made;
}

void run_on_threads(const std::vector<std::size_t>& order, int threads,
                    const std::atomic<bool>* cancel, const std::function<void(std::size_t)>& work) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (;;) {
            if (cancel != nullptr && cancel->load()) return;
            const std::size_t k = next.fetch_add(1);
            if (k >= order.size()) return;
            work(order[k]);
        }
    };
    const std::size_t helpers =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), order.size());
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < helpers; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
}

}  // namespace pamphlet::job
