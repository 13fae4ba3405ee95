// The build job as a library call: prepare (load, check, plan, digests),
// then run the batch (batch.cpp); or only plan.
#include "pamphlet/job.hpp"

#include "batch.hpp"
#include "manifest.hpp"
#include "prepare.hpp"

#include "pamphlet/base/dates.hpp"
#include "pamphlet/base/large_blocks.hpp"
#include "pamphlet/base/threads.hpp"
#include "pamphlet/epub.hpp"
#include "pamphlet/hyphenation.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <future>
#include <memory>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace pamphlet {

namespace {

constexpr long long zip_epoch = 315532800;  // 1980-01-01T00:00:00Z
constexpr std::size_t huge_heap_bytes = std::size_t{12} << 20;

// How the build's memory is allocated (glibc's malloc; elsewhere nothing):
// blocks of 1 MiB and more in mappings of their own, always. By default
// glibc raises that threshold to the largest such block freed, so after the
// first the large buffers of a big book (its navigation, toc.ncx and
// package.opf as they grow, their deflated copies) come from the heap,
// whose top stays behind smaller blocks made later: they stayed resident.
// Measured: EPUB of 2,000 articles 52.5 -> 51.0 MiB, of 500 43.3 -> 43.2;
// the PDF of 500 unchanged; no measurable time. (One arena for all threads,
// M_ARENA_MAX=1, saved another 1.5 MiB at every size, but would serialise
// the allocations of a batch's many worker threads on a large machine: not
// taken.)
// Setting that threshold also fixes the one for giving the heap's free top
// back to the system at glibc's 128 KiB, and a PDF run then gave back and
// faulted in again, time after time, the working memory of the subsetter
// and the typesetter (a fresh page costs this kind of virtual machine
// microseconds): with 4 MiB the PDF of the 4,600-word text takes 1,340 page
// faults instead of 1,700 (75 -> 67 ms), for 1 MiB more at the EPUBs' peaks.
// The first 12 MiB the heap grows by are advised as huge pages
// (reserve_huge_heap): a run's small blocks are faulted in 2 MiB at a time
// (the PDF of that text: 1,280 -> 780 page faults, its main thread's 818 ->
// 330, 83 -> 73 ms median; it touches 4 MiB of them); the heap's top is
// given back above 32 MiB, so that the reserve stays. A huge page counts
// whole once touched: with 16 MiB the EPUB of 500 articles peaked at 43 or
// 49 MB as the heap's high-water mark fell below or above 14 MiB; with 12,
// at 43-45 MB, as fast.
void tune_malloc() {
#if defined(__GLIBC__)
    // Hints: where one is not followed, nothing is lost.
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
    reserve_huge_heap(huge_heap_bytes);
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

}  // namespace

std::optional<long long> build_timestamp(const Collection& collection, DiagnosticSink& sink) {
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
        long long t = 0;
        std::string_view s(env);
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), t);
        if (ec != std::errc{} || p != s.data() + s.size() || t < 0) {
            sink.error({}, "invalid-source-date-epoch",
                       "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '" +
                           std::string(s) + "'");
            return std::nullopt;
        }
        return t;
    }
    if (auto t = parse_iso_date(collection.date)) return *t;
    std::optional<long long> newest;
    for (const auto& e : collection.editions)
        for (const auto& a : e.articles)
            if (auto t = parse_iso_date(a.date); t && (!newest || *t > *newest)) newest = t;
    return newest ? *newest : zip_epoch;
}

PlanResult plan_build(const BuildRequest& request, const ProfilePaths& paths, SourceFiles& sources,
                      DiagnosticSink& sink) {
    PlanResult result;
    result.exit_code = 1;
    std::optional<job::PreparedBuild> loaded =
        job::prepare_build(request, paths, sources, sink, true);
    if (!loaded) return result;
    job::digest_inputs(*loaded, request, paths, job::build_threads(request)).apply(*loaded);
    std::map<std::string, job::RecordedJob> previous;
    if (!request.force) previous = job::read_manifest(loaded->manifest, sink);
    for (std::size_t k = 0; k < loaded->mine.size(); ++k) {
        JobReport& report = loaded->reports[k];
        const job::Job& job = loaded->plan.jobs[loaded->mine[k]];
        report.status = !job.broken.empty()                 ? JobStatus::failed
                        : job::up_to_date(report, previous) ? JobStatus::unchanged
                                                            : JobStatus::pending;
    }
    result.jobs = std::move(loaded->reports);
    result.exit_code = 0;
    return result;
}

BuildResult run_build(const BuildRequest& request, const ProfilePaths& paths, SourceFiles& sources,
                      DiagnosticSink& sink) {
    tune_malloc();
    // The hyphenation patterns (and libzip, for a build with e-books) are
    // made ready on another core while the collection is read and checked
    // (the future waits for them, if need be, before the patterns go).
    HyphenationPatterns patterns;
    std::future<void> patterns_ready;
    if (usable_cores() > 1) {
        const bool epub =
            request.formats.empty() || std::find(request.formats.begin(), request.formats.end(),
                                                 OutputFormat::epub) != request.formats.end();
        patterns_ready = std::async(std::launch::async, [&, epub] {
            load_patterns_ahead(patterns, paths.hyphenation_dirs, request.languages);
            if (epub) prepare_epub_writer();
        });
    }
    std::optional<job::PreparedBuild> prepared =
        job::prepare_build(request, paths, sources, sink, request.keep_going);
    if (!prepared) {
        job::Forwarder(sink, request.observer).global();
        BuildResult result;
        result.exit_code = 1;
        return result;
    }
    auto build = std::make_shared<job::PreparedBuild>(std::move(*prepared));
    BuildResult result = job::run_batch(request, paths, *build, patterns, sink);
    result.made = std::move(build);
    return result;
}

}  // namespace pamphlet
