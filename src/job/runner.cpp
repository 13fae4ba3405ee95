#include "runner.hpp"

#include "handout.hpp"

#include "pamphlet/digest.hpp"
#include "pamphlet/edition_info.hpp"
#include "pamphlet/epub.hpp"
#include "pamphlet/pdf.hpp"
#include "pamphlet/typeset.hpp"


namespace pamphlet::job {

namespace {

void write_failed(const Job& job, const std::string& error, DiagnosticSink& sink) {
    sink.error(SourceSpan::whole(job.output.string()), "write-failed", error);
}

TypesetOptions typeset_options(const Job& job, Workshop& shop) {
    TypesetOptions options{shop.timestamp, shop.generator, shop.hyphenation_dirs, &shop.patterns};
    options.handout = job.handout();
    options.keep_run_text = false;  // only traces read them
    options.impose = shop.impose;
    return options;
}

// Where the pages of the printed brochure begin: the edition typeset with
// the page list's profile, as that profile's PDF of it is. Its problems
// are the PDF's to report; the EPUB says only that it has no page list.
void add_page_list(const Job& job, const Edition& edition, Workshop& shop, EpubOptions& options,
                   DiagnosticSink& sink) {
    if (shop.page_list == nullptr) return;
    const Profile& print = *shop.page_list;
    // The PDF job of that profile typesets it anyway, when the build has one.
    std::optional<std::vector<PageStart>> starts;
    const std::string key = PageStartsExchange::key(job);
    if (shop.page_starts.expected(key)) starts = shop.page_starts.take(key);
    if (!starts) {
        DiagnosticSink print_sink;
        std::optional<LaidOutDocument> document = typeset_edition(
            shop.collection, edition, print, typeset_options(job, shop), print_sink);
        if (!document) {
            sink.warning(SourceSpan::whole(print.file.generic_string()), "no-page-list",
                         "the e-book has no page list: the brochure of profile '" + print.id +
                             "' cannot be typeset");
            return;
        }
        starts = std::move(document->page_starts);
    }
    options.page_starts = std::move(*starts);
    options.page_source = edition_info(shop.collection, edition).title + " (" +
                          (print.name.empty() ? print.id : print.name) + ")";
}

// The EPUB writer streams the book into the temporary file: no copy of
// the whole book is ever in memory.
void make_epub(const Job& job, const Edition& edition, Workshop& shop, MadeOutput& made,
               DiagnosticSink& sink) {
    StagedFile staged;
    if (auto error = create_staged(job.output, staged)) return write_failed(job, *error, sink);
    // The book takes its fonts and colours from the first profile.
    EpubOptions options{shop.timestamp, shop.generator, shop.hyphenation_dirs, &shop.patterns};
    add_page_list(job, edition, shop, options, sink);
    EpubContents contents;
    const std::size_t errors_before = sink.error_count();
    const bool written = write_epub(shop.collection, edition, shop.profiles.at(job.profile),
                                    options, staged.temp, sink, &contents);
    if (!written || sink.error_count() > errors_before || shop.cancelled()) {
        discard_staged(staged);
        return;
    }
    if (auto error = seal_staged(staged, made.digest)) return write_failed(job, *error, sink);
    made.staged = staged;
    made.pages = contents.spine_items;
}

void stage_bytes(const Job& job, const std::string& bytes, MadeOutput& made,
                 DiagnosticSink& sink) {
    StagedFile staged;
    if (auto error = stage_file(job.output, bytes, staged)) return write_failed(job, *error, sink);
    made.staged = staged;
    made.digest = {sha256_hex(bytes), static_cast<long long>(bytes.size())};
}

}  // namespace

std::string PageStartsExchange::key(const Job& job) {
    std::string key = job.lang;
    for (const std::string& id : job.articles) key += "\n" + id;
    return key;
}

void PageStartsExchange::give(const std::string& key,
                              std::optional<std::vector<PageStart>> starts) {
    slots_.at(key).promise.set_value(std::move(starts));
}

std::optional<std::vector<PageStart>> PageStartsExchange::take(const std::string& key) {
    return slots_.at(key).future.get();
}

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
        make_epub(job, *edition, shop, made, sink);
    } else {
        const TypesetOptions options = typeset_options(job, shop);
        TypesetStats stats;
        std::optional<LaidOutDocument> document =
            typeset_edition(shop.collection, *edition, shop.profiles.at(job.profile), options, sink,
                            shop.stats ? &stats : nullptr);
        // The EPUB of these articles waits for where these pages begin.
        const std::string key = PageStartsExchange::key(job);
        if (&shop.profiles.at(job.profile) == shop.page_list && shop.page_starts.expected(key)) {
            shop.page_starts.give(key, document ? std::optional(document->page_starts)
                                                : std::nullopt);
        }
        if (!document || shop.cancelled()) return {};
        const int pages = pdf_page_count(*document);
        std::optional<std::string> bytes =
            write_pdf(std::move(*document), sink, PdfOptions{});
        if (!bytes || sink.error_count() > errors_before || shop.cancelled()) return {};
        stage_bytes(job, *bytes, made, sink);
        made.pages = pages;
        if (shop.stats) made.stats = stats;
    }
    if (made.staged && (sink.error_count() > errors_before || shop.cancelled())) {
        discard_staged(*made.staged);
        made.staged.reset();
    }
    return made;
}

}  // namespace pamphlet::job
