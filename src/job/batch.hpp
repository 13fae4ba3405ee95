// Running a prepared build: which jobs are up to date, the rest on a pool
// of threads, each output staged and put in place (at once with
// keep-going, all together or not at all without it), diagnostics passed on
// in plan order, and the manifest.
#pragma once

#include "prepare.hpp"

#include "pamphlet/job.hpp"

namespace pamphlet::job {

// `sink` already holds the diagnostics of preparing the build; the jobs'
// follow, each job's in plan order. `patterns`: the hyphenation patterns
// every job shares (perhaps being loaded already).
BuildResult run_batch(const BuildRequest& request, const ProfilePaths& paths, PreparedBuild& build,
                      HyphenationPatterns& patterns, DiagnosticSink& sink);

// Passes every diagnostic of a sink to an observer once, in order.
class Forwarder {
public:
    Forwarder(const DiagnosticSink& sink, BuildObserver* observer)
        : sink_(sink), observer_(observer) {}
    // The sink's diagnostics not yet passed on, as the collection's.
    void global();
    // Those since the last call, as `job`'s own.
    void job(const JobReport& job);

private:
    const DiagnosticSink& sink_;
    BuildObserver* observer_;
    std::size_t sent_ = 0;
};

}  // namespace pamphlet::job
