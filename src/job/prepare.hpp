// Before any job runs: the profiles and the collection loaded and checked
// once, the plan, this process's shard of it; each job's input digest.
#pragma once

#include "manifest.hpp"
#include "plan.hpp"

#include "pamphlet/base/threads.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/job.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::job {

// Everything the jobs of a build share.
struct PreparedBuild {
    // The build's profiles; after them, a profile loaded only because
    // epub.page_list names it.
    std::vector<Profile> profiles;
    // Into `profiles`: the printed brochure whose pages the EPUBs' page
    // lists follow (epub.page_list); none: no page list.
    std::optional<std::size_t> page_list;
    Collection collection;
    long long timestamp = 0;
    Plan plan;
    std::string plan_digest;        // set when digest_inputs' result is applied
    std::vector<std::size_t> mine;  // indices into plan.jobs of this shard, in plan order
    // One per `mine`: id, output, kind; the input digest as plan_digest.
    std::vector<JobReport> reports;
    std::filesystem::path manifest;  // where this build's manifest goes
};

// nullopt after errors that stop the whole build (a profile, collection.yaml,
// the selection). With `keep_going`, errors in article files are not such
// errors: the jobs that hold those articles carry them (Job::broken).
std::optional<PreparedBuild> prepare_build(const BuildRequest& request, const ProfilePaths& paths,
                                           SourceFiles& sources, DiagnosticSink& sink,
                                           bool keep_going);

// The threads the build runs on: -j, else every usable core.
inline int build_threads(const BuildRequest& request) {
    return request.threads > 0 ? request.threads : usable_cores();
}

// What each job's output depends on, as one digest per job of `mine` (the
// reports' `inputs`), and the plan's digest over all jobs, also of other
// shards: together they identify the build. Only reads `build` (and the
// files), so it may run beside the jobs: a run that has nothing to compare
// (--force, no manifest yet) needs the digests only for its manifest.
struct InputsDigest {
    std::vector<std::string> jobs;
    std::string plan;
    // Into the reports and plan_digest.
    void apply(PreparedBuild& build) &&;
};
InputsDigest digest_inputs(const PreparedBuild& build, const BuildRequest& request,
                           const ProfilePaths& paths, int threads);

// The files of the articles `job` sets (as diagnostics name them).
std::vector<std::string> article_files(const Job& job);

// Whether the previous build's record of `report` still holds: same
// inputs, and its output is on disk as that build wrote it.
bool up_to_date(const JobReport& report, const std::map<std::string, RecordedJob>& previous);

}  // namespace pamphlet::job
