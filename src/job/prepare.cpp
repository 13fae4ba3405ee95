#include "prepare.hpp"

#include "handout.hpp"
#include "inputs.hpp"

#include "pamphlet/base/threads.hpp"
#include "pamphlet/collection.hpp"
#include "pamphlet/digest.hpp"
#include "pamphlet/hyphenation.hpp"

#include <algorithm>
#include <future>
#include <set>

namespace fs = std::filesystem;

namespace pamphlet::job {

namespace {

fs::path manifest_path(const BuildRequest& request) {
    if (!request.manifest.empty()) return request.manifest;
    if (request.shard.count > 1) {
        return request.out_dir / ("pamphlet-manifest-" + std::to_string(request.shard.index) +
                                  "-of-" + std::to_string(request.shard.count) + ".jsonl");
    }
    return request.out_dir / "pamphlet-manifest.jsonl";
}

std::optional<std::vector<Profile>> load_profiles(const BuildRequest& request,
                                                  const ProfilePaths& paths, SourceFiles& sources,
                                                  DiagnosticSink& sink) {
    std::vector<std::string> names = request.profiles;
    if (names.empty()) names.push_back("a4-handout");
    std::vector<Profile> profiles;
    bool ok = true;
    std::set<std::string> asked;
    for (const std::string& name : names) {
        if (!asked.insert(name).second) continue;  // the same flag twice
        std::optional<Profile> profile = load_profile(name, paths, sources, sink);
        if (!profile) {
            ok = false;
            continue;
        }
        const bool known = std::any_of(profiles.begin(), profiles.end(), [&](const Profile& p) {
            std::error_code ec;
            return fs::equivalent(p.file, profile->file, ec);
        });
        if (!known) profiles.push_back(std::move(*profile));
    }
    if (!ok) return std::nullopt;
    return profiles;
}

// The EPUB's page list follows the printed brochure its profile's
// epub.page_list names: none; empty, the build's first profile when the
// build prints it (an e-book built alone is not made to pay for a
// typesetting nobody asked for); or another profile, of the build or loaded
// for this. False after errors.
bool choose_page_list(PreparedBuild& build, bool prints, const ProfilePaths& paths,
                      SourceFiles& sources, DiagnosticSink& sink) {
    const std::string& wanted = build.profiles.front().epub_page_list;
    if (wanted == "none") return true;
    if (wanted.empty()) {
        if (prints) build.page_list = 0;
        return true;
    }
    std::optional<Profile> print = load_profile(wanted, paths, sources, sink);
    if (!print) return false;
    for (std::size_t p = 0; p < build.profiles.size(); ++p) {
        std::error_code ec;
        if (fs::equivalent(build.profiles[p].file, print->file, ec)) {
            build.page_list = p;
            return true;
        }
    }
    build.profiles.push_back(std::move(*print));
    build.page_list = build.profiles.size() - 1;
    return true;
}

}  // namespace

std::optional<PreparedBuild> prepare_build(const BuildRequest& request, const ProfilePaths& paths,
                                           SourceFiles& sources, DiagnosticSink& sink,
                                           bool keep_going) {
    if (paths.layout_dirs.empty()) {
        sink.error({}, "no-data-dir",
                   "cannot find pamphlet's layouts/ and fonts/ folders; set PAMPHLET_DATA_DIR");
        return std::nullopt;
    }
    const bool each_article = std::find(request.articles.begin(), request.articles.end(),
                                        every_article) != request.articles.end();
    if (each_article && request.articles.size() > 1) {
        sink.error({}, "article-all-and-ids",
                   "--article all makes a handout of every article; it cannot be combined with "
                   "article ids");
        return std::nullopt;
    }
    CollectionOptions options;
    options.languages = request.languages;
    options.keep_going = keep_going;
    options.threads = build_threads(request);
    // The profiles load (each checks its fonts) on another core while the
    // collection is read; the messages of each are kept apart and the
    // profiles' come first, as when they were loaded first. The collection
    // stays on this thread: what it allocates is then in the heap the jobs
    // use (another thread's arena made a book of 2,000 articles 2 MiB
    // larger at its peak).
    SourceFiles profile_sources;
    DiagnosticSink profile_sink, collection_sink;
    const auto read_profiles = [&] {
        return load_profiles(request, paths, profile_sources, profile_sink);
    };
    std::future<std::optional<std::vector<Profile>>> reading;
    if (usable_cores() > 1) reading = std::async(std::launch::async, read_profiles);
    std::optional<Collection> collection =
        load_collection(request.collection, options, sources, collection_sink);
    std::optional<std::vector<Profile>> profiles =
        reading.valid() ? reading.get() : read_profiles();
    sources.take_all(std::move(profile_sources));
    sink.take_all(std::move(profile_sink));
    sink.take_all(std::move(collection_sink));
    if (!collection || !profiles) return std::nullopt;
    auto timestamp = build_timestamp(*collection, sink);
    if (!timestamp) return std::nullopt;

    PreparedBuild loaded;
    loaded.profiles = std::move(*profiles);
    loaded.collection = std::move(*collection);
    loaded.timestamp = *timestamp;
    std::vector<std::string> handout;
    if (!request.articles.empty() && !each_article) {
        auto selected = select_handout_articles(loaded.collection, request.articles, sink);
        if (!selected) return std::nullopt;
        handout = std::move(*selected);
    }
    std::vector<OutputFormat> formats;
    for (OutputFormat f : request.formats.empty()
                              ? std::vector<OutputFormat>{OutputFormat::epub, OutputFormat::pdf}
                              : request.formats)
        if (std::find(formats.begin(), formats.end(), f) == formats.end()) formats.push_back(f);

    PlanRequest plan_request{loaded.collection, loaded.profiles, formats,
                             request.out_dir,   handout,         each_article};
    std::optional<Plan> plan = make_plan(plan_request, sink);
    if (!plan) return std::nullopt;
    if (!handout.empty() && plan->jobs.empty()) {
        sink.error(loaded.collection.file_span(), "empty-handout",
                   "no language built has any of the articles asked for; nothing to write");
        return std::nullopt;
    }
    loaded.plan = std::move(*plan);
    loaded.manifest = manifest_path(request);
    // After the plan: a profile loaded for the page list alone gets no job.
    const bool prints =
        std::find(formats.begin(), formats.end(), OutputFormat::pdf) != formats.end();
    if (std::find(formats.begin(), formats.end(), OutputFormat::epub) != formats.end() &&
        !choose_page_list(loaded, prints, paths, sources, sink))
        return std::nullopt;

    for (std::size_t i = 0; i < loaded.plan.jobs.size(); ++i) {
        const Job& job = loaded.plan.jobs[i];
        if (!in_shard(job.id, request.shard)) continue;
        loaded.mine.push_back(i);
        JobReport report;
        report.id = job.id;
        report.output = job.output;
        report.lang = job.lang;
        report.format = job.format;
        report.profile = loaded.profiles[job.profile].id;
        report.articles = job.articles;
        loaded.reports.push_back(std::move(report));
    }
    return loaded;
}

InputsDigest digest_inputs(const PreparedBuild& build, const BuildRequest& request,
                           const ProfilePaths& paths, int threads) {
    // Every job's digest, also of other shards': together they identify the build.
    InputDigests digests(build.collection, build.profiles,
                         hyphenation_pattern_files(paths.hyphenation_dirs), build.timestamp,
                         request.impose);
    digests.set_page_list(build.page_list);
    digests.hash_ahead(build.plan.jobs, threads);
    std::vector<std::pair<std::string, std::string>> ids_and_inputs;
    for (const Job& job : build.plan.jobs) ids_and_inputs.emplace_back(job.id, digests.digest(job));
    InputsDigest result;
    for (std::size_t i : build.mine) result.jobs.push_back(ids_and_inputs[i].second);
    result.plan = plan_digest(ids_and_inputs);
    return result;
}

void InputsDigest::apply(PreparedBuild& build) && {
    for (std::size_t k = 0; k < build.reports.size(); ++k)
        build.reports[k].inputs = std::move(jobs.at(k));
    build.plan_digest = std::move(plan);
}

std::vector<std::string> article_files(const Job& job) {
    std::vector<std::string> files;
    for (const Article& article : job.full_edition->articles) {
        if (!job.handout() ||
            std::find(job.articles.begin(), job.articles.end(), article.id) != job.articles.end())
            files.push_back(article.span.file);
    }
    for (const BrokenArticle* broken : job.broken)
        if (std::find(files.begin(), files.end(), broken->file) == files.end())
            files.push_back(broken->file);
    return files;
}

bool up_to_date(const JobReport& report, const std::map<std::string, RecordedJob>& previous) {
    auto found = previous.find(report.id);
    if (found == previous.end()) return false;
    const JobReport& before = found->second.job;
    if (before.status != JobStatus::written && before.status != JobStatus::unchanged) return false;
    if (before.inputs != report.inputs || before.sha256.empty()) return false;
    if (before.output.lexically_normal() != report.output.lexically_normal()) return false;
    std::optional<std::string> sha = sha256_file_hex(report.output);
    return sha && *sha == before.sha256;
}

}  // namespace pamphlet::job
