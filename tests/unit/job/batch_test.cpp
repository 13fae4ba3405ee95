// The batch side of the build job: the plan and its ids, shards, the
// manifest, incremental builds, keep-going, threads.
#include "manifest.hpp"
#include "plan.hpp"
#include "scratch_files.hpp"
#include "staging.hpp"

#include "pamphlet/digest.hpp"
#include "pamphlet/job.hpp"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <set>

using namespace pamphlet;
using namespace pamphlet::testing;
namespace fs = std::filesystem;

namespace {

const fs::path clinic = fs::path(PAMPHLET_SOURCE_DIR) / "samples" / "clinic";

// A copy of the sample collection that a test may edit.
fs::path copy_of_clinic(const TempDir& dir) {
    const fs::path copy = dir.path / "clinic";
    fs::copy(clinic, copy, fs::copy_options::recursive);
    return copy;
}

void append_to(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::app);
    out << text;
}

struct Run {
    BuildResult result;
    DiagnosticSink sink;
    std::string messages() const { return format_diagnostics(sink); }
    std::map<std::string, JobStatus> statuses() const {
        std::map<std::string, JobStatus> out;
        for (const JobReport& job : result.jobs) out[job.id] = job.status;
        return out;
    }
};

Run build(const BuildRequest& request) {
    Run run;
    SourceFiles sources;
    run.result = run_build(request, find_data_paths(), sources, run.sink);
    return run;
}

std::vector<JobReport> plan(const BuildRequest& request) {
    SourceFiles sources;
    DiagnosticSink sink;
    PlanResult result = plan_build(request, find_data_paths(), sources, sink);
    INFO(format_diagnostics(sink));
    REQUIRE(result.exit_code == 0);
    return result.jobs;
}

std::map<std::string, std::string> inputs_by_id(const std::vector<JobReport>& jobs) {
    std::map<std::string, std::string> out;
    for (const JobReport& job : jobs) out[job.id] = job.inputs;
    return out;
}

std::vector<std::string> lines_of(const fs::path& file) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Records what the observer is told, as a CLI would print it.
class Recorder final : public BuildObserver {
public:
    void diagnostic(const Diagnostic& d, const JobReport* job) override {
        said.push_back((job != nullptr ? job->id : std::string("-")) + " " + d.code);
    }
    void finished(const JobReport&, std::size_t done, std::size_t to_run) override {
        last_done = done;
        total = to_run;
    }
    std::vector<std::string> said;
    std::size_t last_done = 0, total = 0;
};

}  // namespace

TEST_CASE("a job's id is its output's name, whatever the order of the flags") {
    BuildRequest a;
    a.collection = clinic;
    a.out_dir = "out";
    a.profiles = {"a4-handout", "large-print"};
    a.formats = {OutputFormat::pdf, OutputFormat::epub};
    BuildRequest b = a;
    b.profiles = {"large-print", "a4-handout"};
    b.formats = {OutputFormat::epub, OutputFormat::pdf};
    b.languages = {"en", "de"};
    const auto ids_a = inputs_by_id(plan(a));
    const auto ids_b = inputs_by_id(plan(b));
    std::set<std::string> ids;
    for (const auto& [id, inputs] : ids_a) {
        ids.insert(id);
        CHECK(inputs.size() == 64);
        REQUIRE(ids_b.count(id) == 1);
        // The same jobs, the same inputs; but an EPUB takes the first profile's
        // fonts and colours, and the first profile is another one in `b`.
        CHECK((inputs == ids_b.at(id)) == id.ends_with(".pdf"));
    }
    CHECK(ids_a.size() == ids_b.size());
    CHECK(ids == std::set<std::string>{"clinic-de.epub", "clinic-de-a4-handout.pdf",
                                       "clinic-de-large-print.pdf", "clinic-en.epub",
                                       "clinic-en-a4-handout.pdf", "clinic-en-large-print.pdf"});
    // The plan lists the build's order: language, format, profile.
    const std::vector<JobReport> jobs = plan(a);
    CHECK(jobs.front().id == "clinic-de-a4-handout.pdf");
    CHECK(jobs.front().output == fs::path("out") / "clinic-de-a4-handout.pdf");
}

TEST_CASE("--article all plans one handout per article, language, format and profile") {
    BuildRequest request;
    request.collection = clinic;
    request.articles = {"all"};
    request.profiles = {"a4-handout", "a5-booklet"};
    const std::vector<JobReport> jobs = plan(request);
    CHECK(jobs.size() == 4 * 2 * 3);
    std::set<std::string> ids;
    for (const JobReport& job : jobs) {
        ids.insert(job.id);
        CHECK(job.articles.size() == 1);
    }
    CHECK(ids.size() == jobs.size());
    CHECK(ids.count("clinic-de-fascia.epub") == 1);
    CHECK(ids.count("clinic-en-a5-booklet-stretching.pdf") == 1);

    SourceFiles sources;
    DiagnosticSink sink;
    request.articles = {"all", "fascia"};
    CHECK(plan_build(request, find_data_paths(), sources, sink).exit_code == 1);
    CHECK(sink.diagnostics().back().code == "article-all-and-ids");
}

TEST_CASE("a job's inputs digest follows exactly what its output depends on") {
    TempDir dir;
    BuildRequest request;
    request.collection = copy_of_clinic(dir);
    request.articles = {"all"};
    request.formats = {OutputFormat::pdf};
    const auto before = inputs_by_id(plan(request));
    append_to(request.collection / "articles" / "fascia.de.md", "\nEin neuer Satz.\n");
    const auto after = inputs_by_id(plan(request));
    REQUIRE(before.size() == after.size());
    for (const auto& [id, inputs] : before) {
        CAPTURE(id);
        CHECK((inputs != after.at(id)) == (id == "clinic-de-a4-handout-fascia.pdf"));
    }
    // The collection file is part of every job.
    append_to(request.collection / "collection.yaml", "\n# a comment\n");
    for (const auto& [id, inputs] : inputs_by_id(plan(request))) CHECK(inputs != after.at(id));
}

TEST_CASE("shards split the jobs by id alone: each job in exactly one, stable as jobs are added") {
    std::vector<std::string> ids;
    for (int i = 0; i < 400; ++i)
        ids.push_back("clinic-de-a4-handout-article-" + std::to_string(i) + ".pdf");
    for (int count : {1, 2, 3, 4, 7}) {
        std::vector<int> sizes(static_cast<std::size_t>(count), 0);
        for (const std::string& id : ids) {
            int owners = 0;
            for (int k = 0; k < count; ++k) {
                if (job::in_shard(id, Shard{k, count})) {
                    ++owners;
                    ++sizes[static_cast<std::size_t>(k)];
                }
            }
            CHECK(owners == 1);
        }
        // Roughly even: no shard gets less than half its share.
        for (int size : sizes) CHECK(size * 2 * count >= 400);
    }
    // Adding jobs moves none of the others: membership is a function of the id.
    std::vector<bool> before;
    for (const std::string& id : ids) before.push_back(job::in_shard(id, Shard{1, 4}));
    ids.push_back("clinic-de-a4-handout-a-new-article.pdf");
    for (std::size_t i = 0; i + 1 < ids.size(); ++i)
        CHECK(job::in_shard(ids[i], Shard{1, 4}) == before[i]);
}

TEST_CASE("--shard K/N and auto from Slurm, Kubernetes and AWS Batch") {
    std::map<std::string, std::string> env;
    auto getenv = [&env](const char* name) -> const char* {
        auto found = env.find(name);
        return found == env.end() ? nullptr : found->second.c_str();
    };
    auto shard = [&](std::string_view text, int shards = 0) {
        return choose_shard(text, shards, getenv);
    };
    CHECK(shard("2/4").shard == Shard{2, 4});
    CHECK(shard("0/1").shard == Shard{0, 1});
    CHECK(shard("5/4").error == "--shard 5/4: shard 5 of 4 does not exist (shards are 0 to 3)");
    CHECK(shard("0/0").error == "--shard 0/0: the shard count must be at least 1");
    CHECK(shard("3").error.starts_with("--shard 3: expected K/N"));
    CHECK(shard("a/b").error == "--shard a/b: the shard index and count must be whole numbers");
    CHECK(shard("-1/4").error == "--shard -1/4: the shard index and count must be whole numbers");
    CHECK(shard("auto").error.starts_with("--shard auto: no job array in the environment"));

    env = {{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "4"}};
    CHECK(shard("auto").shard == Shard{3, 4});
    env["SLURM_ARRAY_TASK_MIN"] = "1";  // --array=1-4
    CHECK(shard("auto").shard == Shard{2, 4});
    env = {{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"}};
    CHECK(shard("auto").error ==
          "--shard auto (Slurm job array): shard 4 of 4 does not exist "
          "(shards are 0 to 3)");

    // With the count given, the task id is the shard: one task submitted again alone.
    env = {{"SLURM_ARRAY_TASK_ID", "2"},
           {"SLURM_ARRAY_TASK_MIN", "2"},
           {"SLURM_ARRAY_TASK_COUNT", "1"}};
    CHECK(shard("auto").shard == Shard{0, 1});
    CHECK(shard("auto", 4).shard == Shard{2, 4});

    env = {{"JOB_COMPLETION_INDEX", "1"}};
    CHECK(shard("auto").error.find("--shards N or PAMPHLET_SHARDS") != std::string::npos);
    CHECK(shard("auto", 3).shard == Shard{1, 3});
    env["PAMPHLET_SHARDS"] = "2";
    CHECK(shard("auto").shard == Shard{1, 2});

    env = {{"AWS_BATCH_JOB_ARRAY_INDEX", "0"}, {"PAMPHLET_SHARDS", "5"}};
    CHECK(shard("auto").shard == Shard{0, 5});
}

TEST_CASE("a build writes a manifest; a second build finds everything up to date") {
    TempDir out;
    BuildRequest request;
    request.collection = clinic;
    request.out_dir = out.path;
    request.languages = {"de"};
    Run first = build(request);
    INFO(first.messages());
    REQUIRE(first.result.exit_code == 0);
    const fs::path manifest = out.path / "pamphlet-manifest.jsonl";
    CHECK(first.result.manifest == manifest);
    const std::vector<std::string> lines = lines_of(manifest);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].starts_with(
        R"({"id":"clinic-de.epub","output":"clinic-de.epub","status":"written","lang":"de","format":"epub","profile":"a4-handout","articles":[],"inputs":")"));
    CHECK(lines[0].find(R"("spine_items":8,)") != std::string::npos);
    CHECK(lines[1].find(R"("pages":15,)") != std::string::npos);
    CHECK(lines[1].find(R"("current":true})") != std::string::npos);
    for (const JobReport& job : first.result.jobs) {
        CHECK(job.status == JobStatus::written);
        CHECK(job.sha256 == sha256_file_hex(job.output));
        CHECK(job.bytes == static_cast<long long>(fs::file_size(job.output)));
    }

    Run second = build(request);
    REQUIRE(second.result.exit_code == 0);
    CHECK(second.result.written.empty());
    for (const JobReport& job : second.result.jobs) CHECK(job.status == JobStatus::unchanged);

    SUBCASE("--force makes them again, byte for byte the same") {
        request.force = true;
        Run forced = build(request);
        REQUIRE(forced.result.exit_code == 0);
        for (const JobReport& job : forced.result.jobs) {
            CHECK(job.status == JobStatus::written);
            CHECK(job.sha256 == first.result.jobs[&job - forced.result.jobs.data()].sha256);
            // Digested beside the jobs (nothing to compare with), as the
            // second build digested them before deciding.
            CHECK(job.inputs == first.result.jobs[&job - forced.result.jobs.data()].inputs);
            CHECK(job.inputs == second.result.jobs[&job - forced.result.jobs.data()].inputs);
        }
        CHECK(lines_of(manifest).size() == 2);
    }
    SUBCASE("an output changed on disk is made again") {
        append_to(out.path / "clinic-de.epub", "x");
        Run third = build(request);
        CHECK(third.statuses() ==
              std::map<std::string, JobStatus>{{"clinic-de.epub", JobStatus::written},
                                               {"clinic-de-a4-handout.pdf", JobStatus::unchanged}});
    }
    SUBCASE("a damaged manifest is not trusted: a warning, and everything is made again") {
        append_to(manifest, "{\"id\": broken\n");
        Run third = build(request);
        REQUIRE(third.result.exit_code == 0);
        REQUIRE(third.sink.diagnostics().size() == 1);
        const Diagnostic& d = third.sink.diagnostics().front();
        CHECK(d.code == "manifest-ignored");
        CHECK(d.severity == Severity::warning);
        CHECK(d.span.begin.line == 3);
        CHECK(third.result.written.size() == 2);
    }
    SUBCASE("so is one from another pamphlet version") {
        std::string text = slurp(manifest);
        const std::string version = "\"pamphlet\":\"" + std::string(pamphlet_version()) + "\"";
        text.replace(text.find(version), version.size(), "\"pamphlet\":\"0.0.1\"");
        std::ofstream(manifest, std::ios::trunc) << text;
        Run third = build(request);
        REQUIRE(third.sink.diagnostics().size() == 1);
        CHECK(third.sink.diagnostics().front().message.starts_with(
            "written by pamphlet 0.0.1, this is pamphlet "));
        CHECK(third.result.written.size() == 2);
    }
    SUBCASE("another selection into the same folder keeps the others' record") {
        BuildRequest other = request;
        other.formats = {OutputFormat::pdf};
        other.profiles = {"large-print"};
        Run between = build(other);
        REQUIRE(between.result.exit_code == 0);
        const std::vector<std::string> now = lines_of(manifest);
        REQUIRE(now.size() == 3);
        CHECK(now[0].find(R"("id":"clinic-de-large-print.pdf")") != std::string::npos);
        CHECK(now[1].find(R"("current":false)") != std::string::npos);
        Run again = build(request);
        for (const JobReport& job : again.result.jobs) CHECK(job.status == JobStatus::unchanged);
    }
}

TEST_CASE("editing one article makes exactly the outputs that hold it again") {
    TempDir dir;
    BuildRequest books;
    books.collection = copy_of_clinic(dir);
    books.out_dir = dir.path / "out";
    books.profiles = {"a4-handout", "large-print"};
    BuildRequest handouts = books;
    handouts.articles = {"all"};
    REQUIRE(build(books).result.exit_code == 0);
    REQUIRE(build(handouts).result.exit_code == 0);

    append_to(books.collection / "articles" / "stretching.en.md", "\nOne more sentence.\n");
    const Run books_again = build(books);
    const Run handouts_again = build(handouts);
    std::set<std::string> rebuilt;
    std::size_t jobs = 0;
    for (const Run* run : {&books_again, &handouts_again}) {
        REQUIRE(run->result.exit_code == 0);
        for (const auto& [id, status] : run->statuses()) {
            ++jobs;
            if (status == JobStatus::written)
                rebuilt.insert(id);
            else
                CHECK(status == JobStatus::unchanged);
        }
    }
    CHECK(jobs == 2 * 3 + 4 * 2 * 3);
    CHECK(rebuilt == std::set<std::string>{"clinic-en.epub", "clinic-en-a4-handout.pdf",
                                           "clinic-en-large-print.pdf", "clinic-en-stretching.epub",
                                           "clinic-en-a4-handout-stretching.pdf",
                                           "clinic-en-large-print-stretching.pdf"});
}

TEST_CASE("keep-going: a job whose article has errors fails alone, the others are written") {
    TempDir dir;
    BuildRequest request;
    request.collection = copy_of_clinic(dir);
    request.out_dir = dir.path / "out";
    request.articles = {"all"};
    request.formats = {OutputFormat::epub};
    const fs::path fascia = request.collection / "articles" / "fascia.de.md";
    std::string text = slurp(fascia);
    text.replace(text.find("../images/fascia-network.png"), 28, "../images/no-such-image.png");
    std::ofstream(fascia, std::ios::trunc) << text;

    SUBCASE("without it, nothing is written") {
        Run run = build(request);
        CHECK(run.result.exit_code == 1);
        CHECK(run.result.written.empty());
        CHECK_FALSE(fs::exists(request.out_dir));
    }
    SUBCASE("with it") {
        request.keep_going = true;
        request.threads = 2;
        Run run = build(request);
        CHECK(run.result.exit_code == exit_partial);
        CHECK(run.result.written.size() == 7);
        CHECK(run.statuses().at("clinic-de-fascia.epub") == JobStatus::failed);
        CHECK_FALSE(fs::exists(request.out_dir / "clinic-de-fascia.epub"));
        const JobReport& failed =
            *std::find_if(run.result.jobs.begin(), run.result.jobs.end(),
                          [](const JobReport& j) { return j.status == JobStatus::failed; });
        REQUIRE_FALSE(failed.diagnostics.empty());
        CHECK(failed.diagnostics.front().code == "missing-file");
        CHECK(failed.diagnostics.front().span.file == fascia.generic_string());
        CHECK(failed.diagnostics.front().span.begin.line == 6);
        const std::string manifest = slurp(request.out_dir / "pamphlet-manifest.jsonl");
        CHECK(
            manifest.find(
                R"("id":"clinic-de-fascia.epub","output":"clinic-de-fascia.epub","status":"failed")") !=
            std::string::npos);
        CHECK(manifest.find(R"("code":"missing-file")") != std::string::npos);

        // An error in collection.yaml still stops everything.
        append_to(request.collection / "collection.yaml", "\nfrobnicate: 1\n");
        const fs::path out2 = dir.path / "out2";
        request.out_dir = out2;
        Run stopped = build(request);
        CHECK(stopped.result.exit_code == 1);
        CHECK_FALSE(fs::exists(out2));
    }
}

TEST_CASE("threads change neither the files nor the order of the diagnostics") {
    TempDir dir;
    BuildRequest request;
    request.collection = copy_of_clinic(dir);
    request.profiles = {"a4-handout", "a5-booklet", "large-print"};
    // Warnings from inside the jobs: an image with too few pixels for print.
    append_to(request.collection / "articles" / "fascia.en.md",
              "\n![Logo](../images/logo.png \"The logo, far too large\")\n");
    std::map<int, Recorder> recorders;
    std::map<int, std::map<std::string, std::string>> files;
    for (int threads : {1, 2}) {
        request.threads = threads;
        request.out_dir = dir.path / ("out" + std::to_string(threads));
        request.observer = &recorders[threads];
        Run run = build(request);
        INFO(run.messages());
        REQUIRE(run.result.exit_code == 0);
        for (const JobReport& job : run.result.jobs) files[threads][job.id] = slurp(job.output);
    }
    CHECK(files[1] == files[2]);
    CHECK(files[1].size() == 8);
    CHECK(recorders[1].said == recorders[2].said);
    CHECK(recorders[2].said ==
          std::vector<std::string>{"clinic-en-a4-handout.pdf image-low-resolution",
                                   "clinic-en-a5-booklet.pdf image-low-resolution",
                                   "clinic-en-large-print.pdf image-low-resolution"});
    CHECK(recorders[2].last_done == 8);
    CHECK(recorders[2].total == 8);
}

TEST_CASE("a cancelled build without keep-going writes nothing and leaves no temporary file") {
    TempDir dir;
    BuildRequest request;
    request.collection = clinic;
    request.out_dir = dir.path / "out";
    std::atomic<bool> cancel{true};
    request.cancel = &cancel;
    Run run = build(request);
    CHECK(run.result.interrupted);
    CHECK(run.result.exit_code == 1);
    CHECK(run.result.written.empty());
    if (fs::exists(request.out_dir)) CHECK(fs::is_empty(request.out_dir));
    for (const JobReport& job : run.result.jobs) CHECK(job.status == JobStatus::skipped);
}

TEST_CASE("manifests of shards merge into one; a missing or doubled job fails the merge") {
    TempDir dir;
    BuildRequest request;
    request.collection = clinic;
    request.out_dir = dir.path / "out";
    request.articles = {"all"};
    std::vector<fs::path> manifests;
    for (int k = 0; k < 3; ++k) {
        request.shard = Shard{k, 3};
        Run run = build(request);
        REQUIRE(run.result.exit_code == 0);
        CHECK(run.result.manifest ==
              request.out_dir / ("pamphlet-manifest-" + std::to_string(k) + "-of-3.jsonl"));
        manifests.push_back(run.result.manifest);
    }
    DiagnosticSink sink;
    std::optional<std::string> merged = merge_manifests(manifests, sink);
    INFO(format_diagnostics(sink));
    REQUIRE(merged);
    CHECK(std::count(merged->begin(), merged->end(), '\n') == 16);

    DiagnosticSink missing;
    CHECK_FALSE(merge_manifests({manifests[0], manifests[2]}, missing));
    REQUIRE(missing.error_count() == 1);
    CHECK(missing.diagnostics().back().code == "manifest-missing-jobs");
    CHECK(missing.diagnostics().back().message.find("(no job of shard 1/3)") != std::string::npos);

    DiagnosticSink doubled;
    CHECK_FALSE(merge_manifests({manifests[0], manifests[1], manifests[2], manifests[1]}, doubled));
    CHECK(doubled.diagnostics().front().code == "manifest-duplicate-job");

    // A shard's manifest from before an edit is not part of this build.
    const fs::path edited = dir.path / "clinic";
    fs::copy(clinic, edited, fs::copy_options::recursive);
    request.collection = edited;
    request.out_dir = dir.path / "edited";
    std::vector<fs::path> before_edit;
    for (int k = 0; k < 2; ++k) {
        request.shard = Shard{k, 2};
        before_edit.push_back(build(request).result.manifest);
    }
    append_to(edited / "articles" / "fascia.de.md", "\nNoch ein Satz.\n");
    request.shard = Shard{0, 2};
    REQUIRE(build(request).result.exit_code == 0);
    DiagnosticSink stale;
    CHECK_FALSE(merge_manifests(before_edit, stale));
    CHECK(stale.diagnostics().front().code == "manifest-other-build");
    request.collection = clinic;

    DiagnosticSink other;
    request.shard = Shard{};
    request.out_dir = dir.path / "other";
    request.articles = {"fascia"};
    REQUIRE(build(request).result.exit_code == 0);
    CHECK_FALSE(
        merge_manifests({manifests[0], request.out_dir / "pamphlet-manifest.jsonl"}, other));
    CHECK(other.diagnostics().front().code == "manifest-other-build");
}

TEST_CASE("a diagnostic as a JSON line") {
    Diagnostic d;
    d.severity = Severity::warning;
    d.code = "missing-alt";
    d.message = "image without alt text: \"Knie\"";
    d.span = SourceSpan::at("articles/knee.de.md", 12, 3);
    CHECK(
        diagnostic_json(d, "clinic-de.epub") ==
        R"({"severity":"warning","code":"missing-alt","file":"articles/knee.de.md","line":12,"column":3,"message":"image without alt text: \"Knie\"","job":"clinic-de.epub"})");
    CHECK(diagnostic_json(Diagnostic{Severity::error, "x", "m", {}, {}}) ==
          R"({"severity":"error","code":"x","file":null,"line":null,"column":null,"message":"m"})");
}

TEST_CASE("a killed run's temporary files are removed, a running one's and others' kept") {
    namespace fs = std::filesystem;
    testing::TempDir dir;
    const fs::path target = dir.path / "clinic-de.pdf";
    // A staged file of this (live) process.
    job::StagedFile live;
    REQUIRE_FALSE(job::stage_file(target, "live", live));
    const std::string own = live.temp.filename().string();
    const std::string host_pid =
        own.substr(std::string(".clinic-de.pdf.tmp-").size(),
                   own.rfind('-') - std::string(".clinic-de.pdf.tmp-").size());
    const std::string host = host_pid.substr(0, host_pid.rfind('-'));
    // A process that has ended.
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int child_status = 0;
    ::waitpid(child, &child_status, 0);
    auto touch = [&](const std::string& name) {
        std::ofstream(dir.path / name) << "x";
        return dir.path / name;
    };
    const fs::path dead =
        touch(".clinic-de.pdf.tmp-" + host + "-" + std::to_string(child) + "-a1b2c3");
    const fs::path elsewhere_new = touch(".clinic-de.pdf.tmp-otherhost-1-a1b2c3");
    const fs::path elsewhere_old = touch(".clinic-de.pdf.tmp-otherhost-2-a1b2c3");
    fs::last_write_time(elsewhere_old, fs::file_time_type::clock::now() - std::chrono::hours(25));
    const fs::path not_ours =
        touch(".notes.txt.tmp-" + host + "-" + std::to_string(child) + "-a1b2c3");

    CHECK(job::remove_stale_temps({target}) == 2);
    CHECK_FALSE(fs::exists(dead));
    CHECK_FALSE(fs::exists(elsewhere_old));
    CHECK(fs::exists(live.temp));
    CHECK(fs::exists(elsewhere_new));
    CHECK(fs::exists(not_ours));
    REQUIRE_FALSE(job::commit_staged(live));
    CHECK(testing::slurp(target) == "live");
}
