// How `pamphlet build` tells a person (or a CI system) what happens:
// diagnostics as they come, in the human `file:line:col` form with the
// source line and a caret, or as JSON lines; and on a terminal one
// self-updating progress line, so that a long batch never looks hung.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/job.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pamphlet::cli {

enum class DiagnosticFormat { human, json };

class Reporter final : public BuildObserver {
public:
    // `progress`: draw the progress line on stderr (a terminal, not -q).
    Reporter(const SourceFiles& sources, DiagnosticFormat format, bool progress);
    ~Reporter() override;
    Reporter(const Reporter&) = delete;
    Reporter& operator=(const Reporter&) = delete;

    void planned(const std::vector<JobReport>& jobs, std::size_t to_run) override;
    void started(const JobReport& job) override;
    void finished(const JobReport& job, std::size_t done, std::size_t to_run) override;
    void diagnostic(const Diagnostic& d, const JobReport* job) override;

    // Clears the progress line for good (before the summary).
    void stop();

private:
    void draw_locked();  // the progress line, replacing the last one
    void clear_locked();
    void tick();

    const SourceFiles& sources_;
    DiagnosticFormat format_;
    bool progress_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool drawn_ = false;
    std::size_t done_ = 0, to_run_ = 0;
    std::vector<std::string> running_;  // ids of the jobs being made, oldest first
    std::chrono::steady_clock::time_point start_;
    std::thread ticker_;
};

}  // namespace pamphlet::cli
