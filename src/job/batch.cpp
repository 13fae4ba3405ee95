#include "batch.hpp"

#include "runner.hpp"
#include "staging.hpp"

#include "pamphlet/digest.hpp"

#include "pamphlet/base/threads.hpp"

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <mutex>

namespace pamphlet::job {

void Forwarder::global() {
    for (; sent_ < sink_.size(); ++sent_)
        if (observer_ != nullptr) observer_->diagnostic(sink_.diagnostics()[sent_], nullptr);
}

void Forwarder::job(const JobReport& job) {
    for (; sent_ < sink_.size(); ++sent_)
        if (observer_ != nullptr) observer_->diagnostic(sink_.diagnostics()[sent_], &job);
}

namespace {

class Batch {
public:
    Batch(const BuildRequest& request, const ProfilePaths& paths, PreparedBuild& build,
          HyphenationPatterns& patterns, DiagnosticSink& sink)
        : request_(request),
          paths_(paths),
          build_(build),
          sink_(sink),
          forward_(sink, request.observer),
          shop_{build.collection,
                build.profiles,
                build.timestamp,
                "pamphlet " + std::string(pamphlet_version()),
                paths.hyphenation_dirs,
                request.impose,
                request.stats,
                request.cancel,
                patterns,
                build.page_list ? &build.profiles.at(*build.page_list) : nullptr},
          staged_(build.mine.size()),
          own_(build.mine.size()),
          done_(build.mine.size(), 1) {}

    BuildResult run();

private:
    const Job& job(std::size_t k) const { return build_.plan.jobs[build_.mine[k]]; }
    void classify();
    std::vector<std::size_t> schedule() const;
    void expect_page_starts(const std::vector<std::size_t>& order);
    void run_job(std::size_t k);
    void report_in_order();
    void settle_outputs();
    void inputs_known();
    bool record();

    const BuildRequest& request_;
    const ProfilePaths& paths_;
    PreparedBuild& build_;
    DiagnosticSink& sink_;
    Forwarder forward_;
    Workshop shop_;
    std::map<std::string, RecordedJob> previous_;
    std::vector<std::size_t> to_run_;
    // Per job (index into build_.mine), written by the thread that runs it.
    std::vector<std::optional<StagedFile>> staged_;
    std::vector<std::vector<Diagnostic>> own_;
    // Guarded by mutex_.
    std::mutex mutex_;
    std::vector<char> done_;
    std::size_t finished_ = 0, next_report_ = 0;
    bool manifest_written_ = false;
    // The input digests, when they are made beside the jobs (classify).
    std::future<InputsDigest> digesting_;
};

// Which jobs fail for their articles, which are up to date, which must run.
void Batch::classify() {
    // What each article file said while it was read: part of every job that sets it.
    std::map<std::string, std::vector<Diagnostic>> said_about;
    for (const Diagnostic& d : sink_.diagnostics()) said_about[d.span.file].push_back(d);
    // Read even with --force: the lines of other builds' jobs are kept.
    previous_ = read_manifest(build_.manifest, sink_);
    forward_.global();
    // The input digests decide which jobs are up to date. With nothing to
    // compare them with, only the manifest needs them: they are made on
    // one thread beside the jobs (a single PDF's job leaves a core free).
    const bool compare =
        !request_.force &&
        std::any_of(build_.reports.begin(), build_.reports.end(),
                    [&](const JobReport& r) { return previous_.count(r.id) != 0; });
    if (compare) {
        digest_inputs(build_, request_, paths_, build_threads(request_)).apply(build_);
    } else {
        digesting_ = std::async(std::launch::async,
                                [this] { return digest_inputs(build_, request_, paths_, 1); });
    }

    for (std::size_t k = 0; k < build_.mine.size(); ++k) {
        JobReport& report = build_.reports[k];
        for (const std::string& file : article_files(job(k))) {
            auto found = said_about.find(file);
            if (found != said_about.end())
                report.diagnostics.insert(report.diagnostics.end(), found->second.begin(),
                                          found->second.end());
        }
        if (!job(k).broken.empty()) {
            report.status = JobStatus::failed;
        } else if (!request_.force && up_to_date(report, previous_)) {
            const JobReport& before = previous_.at(report.id).job;
            report.status = JobStatus::unchanged;
            report.sha256 = before.sha256;
            report.bytes = before.bytes;
            report.pages = before.pages;
            report.seconds = before.seconds;
            report.diagnostics = before.diagnostics;
        } else {
            to_run_.push_back(k);
            done_[k] = 0;
        }
    }
}

// Larger jobs first, so that no thread is left with a long one at the end.
// An EPUB whose page list follows a PDF this run makes takes its page
// starts from that PDF's job, when that job comes first in `order` (PDFs
// cost more, so it does): it is then running or done when the EPUB's job
// waits for it, and never waits itself.
void Batch::expect_page_starts(const std::vector<std::size_t>& order) {
    if (!build_.page_list) return;
    std::map<std::string, std::size_t> pdf_at;  // key -> place in `order`
    for (std::size_t at = 0; at < order.size(); ++at) {
        const Job& j = job(order[at]);
        const std::string key = PageStartsExchange::key(j);
        if (j.format == OutputFormat::pdf && j.profile == *build_.page_list) {
            pdf_at.emplace(key, at);
        } else if (j.format == OutputFormat::epub && pdf_at.count(key) != 0) {
            shop_.page_starts.expect(key);
        }
    }
}

std::vector<std::size_t> Batch::schedule() const {
    auto cost = [&](std::size_t k) {
        const Job& j = job(k);
        const std::size_t articles =
            j.handout() ? j.articles.size() : j.full_edition->articles.size();
        return articles * (j.format == OutputFormat::pdf ? 4 : 1);
    };
    std::vector<std::size_t> order = to_run_;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return cost(a) > cost(b); });
    return order;
}

void Batch::run_job(std::size_t k) {
    JobReport& report = build_.reports[k];
    const Job& j = job(k);
    BuildObserver* observer = request_.observer;
    if (observer != nullptr) {
        const std::lock_guard<std::mutex> lock(mutex_);
        observer->started(report);
    }
    const auto start = std::chrono::steady_clock::now();
    DiagnosticSink job_sink;
    MadeOutput made = make_output(j, shop_, job_sink);
    if (made.staged) {
        report.sha256 = made.digest.sha256;
        report.bytes = made.digest.bytes;
        report.pages = made.pages;
        report.stats = made.stats;
        if (!request_.keep_going) {
            staged_[k] = *made.staged;  // renamed into place when every job has succeeded
        } else if (auto failed = commit_staged(*made.staged)) {
            job_sink.error(SourceSpan::whole(j.output.string()), "write-failed", *failed);
        }
    }
    report.status = job_sink.has_errors() ? JobStatus::failed
                    : made.staged         ? JobStatus::written
                                          : JobStatus::skipped;  // cancelled
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    own_[k] = job_sink.diagnostics();
    report.diagnostics.insert(report.diagnostics.end(), own_[k].begin(), own_[k].end());

    const std::lock_guard<std::mutex> lock(mutex_);
    done_[k] = 1;
    ++finished_;
    if (observer != nullptr) observer->finished(report, finished_, to_run_.size());
    report_in_order();
}

// Each job's own diagnostics go to the sink and the observer in plan order,
// whatever order the threads finish in. Called with mutex_ held.
void Batch::report_in_order() {
    while (next_report_ < build_.mine.size() && done_[next_report_]) {
        for (Diagnostic& d : own_[next_report_]) sink_.report(std::move(d));
        forward_.job(build_.reports[next_report_]);
        ++next_report_;
    }
}

// Without keep-going a build is all or nothing: a failed or interrupted one
// takes its staged files back.
void Batch::settle_outputs() {
    if (request_.keep_going) return;
    const bool commit =
        !shop_.cancelled() &&
        std::none_of(build_.reports.begin(), build_.reports.end(),
                     [](const JobReport& r) { return r.status == JobStatus::failed; });
    for (std::size_t k = 0; k < build_.mine.size(); ++k) {
        if (!staged_[k]) continue;
        JobReport& report = build_.reports[k];
        if (!commit) {
            discard_staged(*staged_[k]);
            report.status = JobStatus::skipped;
        } else if (auto error = commit_staged(*staged_[k])) {
            sink_.error(SourceSpan::whole(report.output.string()), "write-failed", *error);
            report.status = JobStatus::failed;
        }
    }
}

void Batch::inputs_known() {
    if (digesting_.valid()) digesting_.get().apply(build_);
}

// The manifest, unless the build wrote nothing: then the last one still
// tells the truth about the files. False when it cannot be written.
bool Batch::record() {
    const bool failed =
        std::any_of(build_.reports.begin(), build_.reports.end(),
                    [](const JobReport& r) { return r.status == JobStatus::failed; });
    if (!request_.keep_going && (failed || shop_.cancelled())) return true;
    const ManifestContext context{build_.manifest.parent_path(), build_.plan_digest,
                                  build_.plan.jobs.size(), request_.shard};
    if (auto error = write_manifest(build_.manifest, build_.reports, context, previous_)) {
        sink_.error(SourceSpan::whole(build_.manifest.string()), "manifest-write-failed", *error);
        return false;
    }
    manifest_written_ = true;
    return true;
}

BuildResult Batch::run() {
    BuildResult result;
    result.exit_code = 1;
    classify();
    std::error_code ec;
    if (!to_run_.empty() || request_.manifest.empty())
        std::filesystem::create_directories(request_.out_dir, ec);
    if (ec) {
        sink_.error(SourceSpan::whole(request_.out_dir.string()), "output-dir",
                    "cannot create the output folder: " + ec.message());
        forward_.global();
        return result;
    }
    {
        // What a killed run left behind goes before anything new is written.
        std::vector<std::filesystem::path> targets{build_.manifest};
        for (std::size_t k = 0; k < build_.mine.size(); ++k) targets.push_back(job(k).output);
        remove_stale_temps(targets);
    }
    if (request_.observer != nullptr) request_.observer->planned(build_.reports, to_run_.size());
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        report_in_order();  // the jobs that need not run
    }
    const int threads = build_threads(request_);
    const std::vector<std::size_t> order = schedule();
    expect_page_starts(order);
    run_parallel(
        order.size(), threads, [&](std::size_t k) { run_job(order[k]); }, request_.cancel);
    result.interrupted = shop_.cancelled();
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        std::fill(done_.begin(), done_.end(), 1);  // those never started: skipped
        report_in_order();
    }
    settle_outputs();
    inputs_known();
    const bool recorded = record();
    if (manifest_written_) result.manifest = build_.manifest;
    forward_.global();

    const bool failed =
        std::any_of(build_.reports.begin(), build_.reports.end(),
                    [](const JobReport& r) { return r.status == JobStatus::failed; });
    for (const JobReport& report : build_.reports) {
        if (report.status != JobStatus::written) continue;
        result.written.push_back(report.output);
        if (report.stats) result.stats.push_back({report.output, *report.stats});
    }
    result.jobs = std::move(build_.reports);
    if (result.interrupted || !recorded || (!request_.keep_going && failed)) {
        result.exit_code = 1;
    } else {
        // With keep-going, errors in articles are in the sink but fail only their jobs.
        result.exit_code = failed ? exit_partial : 0;
    }
    return result;
}

}  // namespace

BuildResult run_batch(const BuildRequest& request, const ProfilePaths& paths, PreparedBuild& build,
                      HyphenationPatterns& patterns, DiagnosticSink& sink) {
    return Batch(request, paths, build, patterns, sink).run();
}

}  // namespace pamphlet::job
