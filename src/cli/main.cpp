// pamphlet's command line: a thin shell over the build job.
// Exit status: 0 success (warnings allowed), 1 errors in the input (nothing
// written), 2 usage, 3 keep-going with failed jobs (the others written);
// killed by SIGINT or SIGTERM, it dies of that signal once it has tidied up.
#include "reporter.hpp"

#include "pamphlet/job.hpp"
#include "pamphlet/profile.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>
#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace {

namespace fs = std::filesystem;
using pamphlet::cli::DiagnosticFormat;

constexpr int exit_usage = 2;

std::atomic<bool> cancel_requested{false};
volatile std::sig_atomic_t cancel_signal = 0;

extern "C" void on_cancel_signal(int sig) {
    cancel_signal = sig;
    cancel_requested.store(true);
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

int usage_error(const std::string& message) {
    std::cerr << "pamphlet: " << message << '\n';
    return exit_usage;
}

int run_profiles(bool keys, bool markdown) {
    if (keys) {
        std::cout << pamphlet::profile_keys_reference(markdown);
        return 0;
    }
    pamphlet::ProfilePaths paths = pamphlet::find_data_paths();
    for (const auto& p : pamphlet::list_profiles(paths)) {
        std::cout << p.id;
        if (!p.name.empty()) std::cout << "  " << p.name;
        if (!p.description.empty()) std::cout << " — " << p.description;
        std::cout << '\n';
    }
    return 0;
}

// What build and plan choose from the same flags, before it is checked.
struct Selection {
    pamphlet::BuildRequest request;
    std::vector<std::string> formats;
    std::string shard;
    int shards = 0;
    std::string manifest;
};

void add_selection(CLI::App* command, Selection& s) {
    pamphlet::BuildRequest& request = s.request;
    command->add_option("COLLECTION", request.collection, "Folder holding collection.yaml")
        ->required();
    command->add_option("-o,--output", request.out_dir, "Output folder")->capture_default_str();
    command->add_option(
        "-p,--profile", request.profiles,
        "Layout profile: a name listed by `pamphlet profiles` or a path to a .yaml file "
        "(repeatable; default a4-handout)");
    command->add_option("-l,--lang", request.languages, "Build only this language (repeatable)");
    command
        ->add_option("-f,--format", s.formats,
                     "Output format (repeatable; default: both): epub, pdf")
        ->check(CLI::IsMember({"epub", "pdf"}));
    command->add_option("--article", request.articles,
                        "Export only this article, as a handout: in the PDF no cover, contents or "
                        "back page, the clinic's header first, its contact details and a QR code "
                        "last; the EPUB holds just the article (repeatable; files "
                        "OUT/<id>-<lang>[-<profile>]-<article>[+<article>...]). `all`: one "
                        "handout per article");
    command->add_flag_callback(
        "--no-impose", [&request] { request.impose = false; },
        "Write booklet profiles' pages in reading order, one per sheet side, "
        "instead of imposed for saddle-stitch printing (still padded with blank pages to a "
        "multiple of four, ready for the print shop's own imposition)");
    command->add_option("--manifest", s.manifest,
                        "The build's manifest, one JSON line per output (default "
                        "OUT/pamphlet-manifest.jsonl; with --shard K/N "
                        "OUT/pamphlet-manifest-K-of-N.jsonl)");
    command->add_flag("--force", request.force,
                      "Make every output again, even those the manifest says are up to date");
    command->add_option("--shard", s.shard,
                        "Run only shard K of N (K/N, counted from 0), or `auto` from a job "
                        "array's environment (Slurm, Kubernetes Indexed Job, AWS Batch)");
    command->add_option("--shards", s.shards,
                        "With --shard auto: the number of shards, where the engine does not "
                        "say it (Kubernetes, AWS Batch; or set PAMPHLET_SHARDS)");
}

// The checks CLI11 cannot make; a usage error message, or empty.
std::string finish_selection(Selection& s) {
    for (const auto& f : s.formats)
        s.request.formats.push_back(f == "pdf" ? pamphlet::OutputFormat::pdf
                                               : pamphlet::OutputFormat::epub);
    const bool all = std::find(s.request.articles.begin(), s.request.articles.end(),
                               pamphlet::every_article) != s.request.articles.end();
    if (all && s.request.articles.size() > 1)
        return "--article all makes a handout of every article; it cannot be combined with "
               "article ids";
    // Outputs are named after the profile's file name: two profiles of one
    // name would write the same files.
    for (std::size_t i = 0; i < s.request.profiles.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (fs::path(s.request.profiles[i]).stem() == fs::path(s.request.profiles[k]).stem())
                return "-p " + s.request.profiles[k] + " and -p " + s.request.profiles[i] +
                       " would write the same files (outputs are named after the profile's "
                       "file name); rename one of them";
    if (s.shards < 0) return "--shards " + std::to_string(s.shards) + ": must be at least 1";
    if (!s.shard.empty()) {
        pamphlet::ShardChoice choice = pamphlet::choose_shard(
            s.shard, s.shards, [](const char* name) { return std::getenv(name); });
        if (!choice.shard) return choice.error;
        s.request.shard = *choice.shard;
    } else if (s.shards > 0) {
        return "--shards needs --shard auto";
    }
    if (!s.manifest.empty()) {
        const fs::path file = s.manifest;
        const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
        std::error_code ec;
        // The output folder is made by the build; any other must exist.
        const bool out_folder =
            fs::weakly_canonical(folder, ec) == fs::weakly_canonical(s.request.out_dir, ec);
        if (!fs::is_directory(folder, ec) && !out_folder)
            return "--manifest " + s.manifest + ": the folder " + folder.string() +
                   " does not exist";
        if (fs::is_directory(folder, ec) && ::access(folder.c_str(), W_OK) != 0)
            return "--manifest " + s.manifest + ": cannot write into " + folder.string();
        if (fs::is_directory(file, ec)) return "--manifest " + s.manifest + ": is a folder";
        if (fs::exists(file, ec) && ::access(file.c_str(), W_OK) != 0)
            return "--manifest " + s.manifest + ": the file is not writable";
        s.request.manifest = file;
    }
    return {};
}

// "-j N": a whole number of at least 1.
std::optional<int> parse_jobs(const std::string& text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < 1)
        return std::nullopt;
    return value;
}

void print_summary(const pamphlet::BuildResult& result, const pamphlet::DiagnosticSink& sink,
                   bool quiet) {
    std::size_t written = 0, unchanged = 0, failed = 0, skipped = 0;
    for (const auto& job : result.jobs) {
        switch (job.status) {
            case pamphlet::JobStatus::written:
                ++written;
                break;
            case pamphlet::JobStatus::unchanged:
                ++unchanged;
                break;
            case pamphlet::JobStatus::failed:
                ++failed;
                break;
            case pamphlet::JobStatus::skipped:
                ++skipped;
                break;
            case pamphlet::JobStatus::pending:
                break;
        }
    }
    if (result.exit_code == pamphlet::exit_partial) {
        std::cerr << "pamphlet: " << failed << " of " << plural(result.jobs.size(), "output")
                  << " failed; " << (written + unchanged) << " written or up to date\n";
        for (const auto& job : result.jobs) {
            if (job.status != pamphlet::JobStatus::failed) continue;
            std::cerr << "  failed: " << job.id;
            for (const auto& d : job.diagnostics) {
                if (d.severity != pamphlet::Severity::error) continue;
                std::cerr << " (" << d.span.file;
                if (d.span.has_position())
                    std::cerr << ':' << d.span.begin.line << ':' << d.span.begin.column;
                std::cerr << ": " << d.message << ')';
                break;
            }
            std::cerr << '\n';
        }
    } else if (sink.has_errors() && result.exit_code == 0) {
        // Keep-going, and no output of this build holds the broken articles.
        std::cerr << "pamphlet: " << plural(sink.error_count(), "error")
                  << " in articles that no output of this build holds; every output was "
                     "written or is up to date\n";
    } else if (sink.has_errors()) {
        std::cerr << "pamphlet: " << plural(sink.error_count(), "error");
        if (result.written.empty()) std::cerr << "; no file was written";
        std::cerr << '\n';
    }
    if (result.interrupted)
        std::cerr << "pamphlet: interrupted; "
                  << (written > 0 ? plural(written, "finished output") + " kept"
                                  : std::string("no file was written"))
                  << '\n';
    if (!quiet && result.exit_code == 0 && (unchanged > 0 || skipped > 0)) {
        std::cout << plural(result.jobs.size(), "output") << ": " << written << " written, "
                  << unchanged << " up to date\n";
    }
}

// Every output is in place, every message written: the process ends here
// without freeing what the build made (as clang's -disable-free), which the
// system takes back at once. Sanitizer builds return and free everything,
// so that a leak is still found.
void exit_without_freeing(int code) {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
#else
    (void)code;
#endif
}

int run_build(Selection& s, int jobs, bool quiet, DiagnosticFormat format) {
    pamphlet::DiagnosticSink sink;
    pamphlet::SourceFiles sources;
    const bool progress = !quiet && format == DiagnosticFormat::human && ::isatty(STDERR_FILENO);
    pamphlet::cli::Reporter reporter(sources, format, progress);
    s.request.threads = jobs;
    s.request.observer = &reporter;
    s.request.cancel = &cancel_requested;
    struct sigaction action {};
    action.sa_handler = on_cancel_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    pamphlet::BuildResult result =
        pamphlet::run_build(s.request, pamphlet::find_data_paths(), sources, sink);
    reporter.stop();
    if (!quiet)
        for (const auto& path : result.written) std::cout << "wrote " << path.string() << '\n';
    for (const auto& stats : result.stats) std::cout << pamphlet::format_stats(stats);
    // JSON diagnostics keep stderr machine-readable: the exit status and
    // the manifest tell the rest.
    if (format == DiagnosticFormat::human) print_summary(result, sink, quiet);
    std::cout.flush();
    if (result.interrupted && cancel_signal != 0) {
        // Tidied up: now die of the signal, so the caller knows what happened.
        std::signal(cancel_signal, SIG_DFL);
        std::raise(cancel_signal);
    }
    exit_without_freeing(result.exit_code);
    return result.exit_code;
}

int run_plan(Selection& s, bool json) {
    pamphlet::DiagnosticSink sink;
    pamphlet::SourceFiles sources;
    pamphlet::PlanResult plan =
        pamphlet::plan_build(s.request, pamphlet::find_data_paths(), sources, sink);
    std::cerr << pamphlet::format_diagnostics(sink, &sources);
    if (plan.exit_code != 0) return plan.exit_code;
    std::size_t stale = 0;
    for (const auto& job : plan.jobs) {
        if (json) {
            std::cout << pamphlet::job_json(job) << '\n';
            continue;
        }
        const char* state = job.status == pamphlet::JobStatus::unchanged ? "up to date"
                            : job.status == pamphlet::JobStatus::failed  ? "has errors"
                                                                         : "to build";
        if (job.status != pamphlet::JobStatus::unchanged) ++stale;
        std::cout << job.inputs.substr(0, 12) << "  " << state << "  " << job.output.string()
                  << '\n';
    }
    if (!json) std::cout << plural(plan.jobs.size(), "output") << ", " << stale << " to build\n";
    return 0;
}

int run_manifest_merge(const std::vector<std::string>& files, const std::string& output) {
    pamphlet::DiagnosticSink sink;
    std::vector<fs::path> paths(files.begin(), files.end());
    std::optional<std::string> merged = pamphlet::merge_manifests(paths, sink);
    std::cerr << pamphlet::format_diagnostics(sink);
    if (!merged) return 1;
    if (output.empty() || output == "-") {
        std::cout << *merged;
        return 0;
    }
    if (auto error = pamphlet::write_file_atomically(output, *merged)) {
        std::cerr << output << ": error: " << *error << '\n';
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) must fail a write with EFBIG, which the
    // writers report and tidy up after, not kill the process mid-file.
    std::signal(SIGXFSZ, SIG_IGN);
    // Every time pamphlet writes is UTC (SOURCE_DATE_EPOCH); libzip turns
    // each EPUB entry's time into local time and back (mktime, localtime).
    // In UTC that round trip is exact on any machine (no daylight-saving gap
    // moves a time), and glibc stops looking at /etc/localtime again for
    // every entry. Set before any thread starts.
    ::setenv("TZ", "UTC0", 1);
    ::tzset();
    CLI::App app{
        "pamphlet turns an article collection (Markdown + collection.yaml) into EPUB books and "
        "typeset PDF brochures.",
        "pamphlet"};
    app.set_version_flag("--version", "pamphlet " + std::string(pamphlet::pamphlet_version()));
    app.require_subcommand(1);

    Selection selection;
    std::string jobs_text;
    std::string diagnostics = "human";
    bool quiet = false;
    auto* build = app.add_subcommand("build",
                                     "Export a collection: OUT/<id>-<lang>.epub and "
                                     "OUT/<id>-<lang>-<profile>.pdf for each language");
    add_selection(build, selection);
    build->add_option("-j,--jobs", jobs_text,
                      "Make this many outputs at once (default: one per core)");
    build->add_flag("-k,--keep-going", selection.request.keep_going,
                    "An output whose inputs have errors fails alone; every other one is "
                    "written (exit status 3 when some failed)");
    build
        ->add_option("--diagnostics", diagnostics,
                     "How messages are written to stderr: human (file:line:col, with the "
                     "source line) or json (one JSON object per line)")
        ->check(CLI::IsMember({"human", "json"}));
    build->add_flag("-q,--quiet", quiet, "No progress line; do not list the files written");
    build->add_flag("--stats", selection.request.stats,
                    "Report the quality of each PDF's body text: hyphenated, loose, tight and "
                    "overfull lines, and the worst line's place");

    bool plan_json = false;
    auto* plan = app.add_subcommand(
        "plan",
        "List the outputs a build with the same flags would make: id, digest of its "
        "inputs, whether it is up to date");
    add_selection(plan, selection);
    plan->add_flag("--json", plan_json, "One JSON object per output");

    auto* manifest = app.add_subcommand("manifest", "Work with build manifests");
    manifest->require_subcommand(1);
    std::vector<std::string> merge_files;
    std::string merge_output;
    auto* merge = manifest->add_subcommand(
        "merge",
        "Join the manifests of a sharded build into one (written to stdout); fails "
        "when a job is missing or in two of them");
    merge->add_option("MANIFEST", merge_files, "The shards' manifests")->required();
    merge->add_option("-o,--output", merge_output, "Write the merged manifest to this file");

    bool keys = false, markdown = false;
    auto* profiles =
        app.add_subcommand("profiles", "List the layout profiles, or describe their keys");
    profiles->add_flag("--keys", keys, "Describe every profile key: type, default, meaning");
    profiles->add_flag("--markdown", markdown, "With --keys: print a Markdown table");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : exit_usage;
    }
    if (*profiles) return run_profiles(keys, markdown);
    if (*manifest) return run_manifest_merge(merge_files, merge_output);

    if (std::string error = finish_selection(selection); !error.empty()) return usage_error(error);
    if (*plan) return run_plan(selection, plan_json);
    int jobs = 0;
    if (!jobs_text.empty()) {
        std::optional<int> parsed = parse_jobs(jobs_text);
        if (!parsed)
            return usage_error("-j " + jobs_text +
                               ": the number of outputs made at once must be a whole number, "
                               "at least 1");
        jobs = *parsed;
    }
    return run_build(selection, jobs, quiet,
                     diagnostics == "json" ? DiagnosticFormat::json : DiagnosticFormat::human);
}
