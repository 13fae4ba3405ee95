// The build job: what `pamphlet build` does, as a library call (the CLI is a
// thin shell over it, like qpdf's main over QPDFJob).
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/typeset.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

enum class OutputFormat { epub, pdf };

// One process's share of a build split across processes or machines:
// the jobs whose id hashes to `index` modulo `count` (plan.cpp says how).
struct Shard {
    int index = 0;
    int count = 1;
    friend bool operator==(const Shard&, const Shard&) = default;
};

class BuildObserver;

struct BuildRequest {
    std::filesystem::path collection;
    std::filesystem::path out_dir = "out";
    std::vector<std::string> profiles;   // names or paths; empty: "a4-handout"
    std::vector<std::string> languages;  // empty: every language of the collection
    std::vector<OutputFormat> formats;   // empty: every format (EPUB and PDF)
    bool stats = false;                  // measure the typeset body text of each PDF
    // Only these articles (ids, in the collection's order), as a handout:
    // no cover and no table of contents; the clinic's header on the first
    // page and its contact details with a QR code at the end. Empty: all.
    // "all" alone: one handout per article (and language, format, profile).
    std::vector<std::string> articles;
    bool impose = true;  // false (--no-impose): booklet profiles write the plain page sequence

    // The batch side.
    int threads = 0;          // jobs run at once; 0: one per core
    bool keep_going = false;  // a job with errors fails alone; the others are written
    bool force = false;       // rebuild jobs the manifest says are up to date
    // The manifest; empty: OUT/pamphlet-manifest.jsonl (with a shard of N > 1:
    // OUT/pamphlet-manifest-K-of-N.jsonl, so that shards in one folder
    // do not overwrite each other's).
    std::filesystem::path manifest;
    Shard shard;
    // Set (from a signal handler, say) to stop: no new job starts, and
    // what runs is finished or dropped without a trace (see run_build).
    const std::atomic<bool>* cancel = nullptr;
    BuildObserver* observer = nullptr;
};

// The pseudo-article id that asks for one handout per article.
inline constexpr std::string_view every_article = "all";

// pending: only in `pamphlet plan`, a job that a build would run.
enum class JobStatus { written, unchanged, failed, skipped, pending };
std::string_view job_status_name(JobStatus status);  // "written", ...

// One output file of a build and what became of it: a line of the manifest.
struct JobReport {
    // The output's file name ("clinic-de-a4-handout.pdf"): unique within a
    // build, stable whatever the order of flags and whatever else is built.
    std::string id;
    std::filesystem::path output;  // OUT/id
    std::string lang;
    OutputFormat format = OutputFormat::epub;
    std::string profile;                // an EPUB's: the one it takes fonts and colours from
    std::vector<std::string> articles;  // a handout's; empty: the whole edition
    std::string inputs;                 // SHA-256 of everything the output depends on
    JobStatus status = JobStatus::skipped;
    std::string sha256;   // of the output file (written or unchanged)
    long long bytes = 0;  // of the output file
    int pages = 0;        // a PDF's pages (sheet sides when imposed), an EPUB's spine items
    double seconds = 0;   // spent making it (unchanged: when it was made)
    // Its article files' diagnostics and its own; for an unchanged job,
    // those of the run that made it.
    std::vector<Diagnostic> diagnostics;
    std::optional<TypesetStats> stats;  // with BuildRequest::stats, for PDFs
};

// Told what a build does as it goes, for progress displays and streamed
// diagnostics. Calls come from any thread, one at a time.
class BuildObserver {
public:
    virtual ~BuildObserver() = default;
    // The jobs of this process (after sharding), how many must run.
    virtual void planned(const std::vector<JobReport>& jobs, std::size_t to_run) {
        (void)jobs;
        (void)to_run;
    }
    virtual void started(const JobReport& job) { (void)job; }
    // As each job ends, in the order they end; `done` of `to_run` have.
    virtual void finished(const JobReport& job, std::size_t done, std::size_t to_run) {
        (void)job;
        (void)done;
        (void)to_run;
    }
    // Each diagnostic once, in a fixed order whatever the threads did: the
    // collection's and profiles', then each job's own in plan order (job
    // null for the former).
    virtual void diagnostic(const Diagnostic& d, const JobReport* job) {
        (void)d;
        (void)job;
    }
};

// The measured quality of one PDF's body text.
struct DocumentStats {
    std::filesystem::path pdf;
    TypesetStats stats;
};

struct BuildResult {
    std::vector<std::filesystem::path> written;
    std::vector<DocumentStats> stats;  // with BuildRequest::stats: each PDF written, in order
    std::vector<JobReport> jobs;       // this process's jobs, in plan order
    std::filesystem::path manifest;    // where the manifest was written (empty: not written)
    bool interrupted = false;          // BuildRequest::cancel was set
    // What the build read and made (the collection, its articles' bodies,
    // the images): freed with the result, or left to the end of the process
    // (the command line exits without freeing it; the system takes it back
    // at once, where freeing it piece by piece took milliseconds).
    std::shared_ptr<const void> made;
    // 0 ok (maybe with warnings); 1 errors in the input or output, nothing
    // written; 3 keep-going: some jobs failed, the others were written.
    int exit_code = 0;
};

inline constexpr int exit_partial = 3;

// Loads the collection and profiles once, plans one job per output, and
// runs the jobs that are not up to date on a pool of threads. Every output
// is written atomically (never half-written; a good file is replaced only by
// a good one). Without keep_going a build is all or nothing: outputs are
// staged and renamed into place when every job has succeeded, so any error
// (or cancel) writes nothing. With it, each output goes into place when it
// is done and only jobs whose inputs have errors fail; errors in
// collection.yaml or a profile still stop everything. Diagnostics go to
// `sink` (the jobs' in plan order) and to the observer.
BuildResult run_build(const BuildRequest& request, const ProfilePaths& paths, SourceFiles& sources,
                      DiagnosticSink& sink);

// What `pamphlet plan` shows: the jobs the build would run, their inputs'
// digests, and which are up to date (status unchanged; failed: an article
// has errors; pending: the others).
struct PlanResult {
    std::vector<JobReport> jobs;
    int exit_code = 0;
};
PlanResult plan_build(const BuildRequest& request, const ProfilePaths& paths, SourceFiles& sources,
                      DiagnosticSink& sink);

// `--shard K/N`, or `auto`: the index and count from the environment of a
// job array (Slurm, Kubernetes Indexed Jobs, AWS Batch). `shards` is
// `--shards N` (0: not given; else PAMPHLET_SHARDS may give it). Under
// Slurm without a count, K is the task's place in the array and N the
// array's size; with one, K is the task id. `getenv` looks up a variable
// (null: unset).
struct ShardChoice {
    std::optional<Shard> shard;
    std::string error;  // when shard is empty: one line saying what is wrong
};
ShardChoice choose_shard(std::string_view text, int shards,
                         const std::function<const char*(const char*)>& getenv);

// A diagnostic as one line of JSON (no newline): severity, code, file,
// line, column, message, notes, and the job's id when it has one.
std::string diagnostic_json(const Diagnostic& d, std::string_view job = {});
// A job as one line of JSON, as the manifest holds it.
std::string job_json(const JobReport& job);

// `pamphlet manifest merge`: the shards' manifests as one, jobs sorted by
// id. Fails (errors in `sink`, nullopt) when a line is not a manifest line,
// the files come from different builds, a job is in two of them, or a job
// of the plan is in none.
std::optional<std::string> merge_manifests(const std::vector<std::filesystem::path>& files,
                                           DiagnosticSink& sink);

// The layouts/ and fonts/ folders: $PAMPHLET_DATA_DIR, the installed share
// folder next to the executable, or the source tree the program was built from.
ProfilePaths find_data_paths();

// Seconds since 1970 for every date written into outputs: SOURCE_DATE_EPOCH
// when set, else the collection's date, else the newest article date, else
// 1980-01-01 (the earliest time a zip file can hold). Never the clock.
std::optional<long long> build_timestamp(const Collection& collection, DiagnosticSink& sink);

// Replaces `path` with `bytes` through a temporary file in the same folder
// and a rename. Returns an error message on failure (the old file is kept).
std::optional<std::string> write_file_atomically(const std::filesystem::path& path,
                                                 std::string_view bytes);

// `stats` as a small table: one aligned row per count, then the worst line's
// place ("worst line: file:line:col (badness N)").
std::string format_stats(const DocumentStats& stats);

std::string_view pamphlet_version();

}  // namespace pamphlet
