// The plan of a build: one job per output file. A job is an edition
// (language) × format × profile × article set (the whole book, a handout of
// chosen articles, or one article's handout with `--article all`).
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/job.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/profile.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::job {

struct Job {
    // The output's file name ("clinic-de-a4-handout-fascia.pdf"): unique in
    // a build by construction, and the same whatever the order of the flags
    // and whatever other jobs the build has.
    std::string id;
    std::string lang;
    OutputFormat format = OutputFormat::epub;
    // Into the build's profiles. An EPUB takes its fonts and colours from the
    // first profile.
    std::size_t profile = 0;
    // A handout's articles, in the collection's order; empty: the whole edition.
    std::vector<std::string> articles;
    std::filesystem::path output;
    // The edition the job sets: the collection's, or a handout cut from it
    // at planning time (then owned by the plan). Null for a handout of one
    // article with `--article all`, cut when the job runs.
    const Edition* edition = nullptr;
    const Edition* full_edition = nullptr;  // the language's whole edition
    // Article files of this job that have errors (keep-going builds): the
    // job fails with their diagnostics.
    std::vector<const BrokenArticle*> broken;

    bool handout() const { return !articles.empty(); }
};

struct Plan {
    std::vector<Job> jobs;  // in build order: language, format, profile, articles
    std::vector<std::unique_ptr<Edition>> cut_editions;
};

struct PlanRequest {
    const Collection& collection;
    const std::vector<Profile>& profiles;
    std::vector<OutputFormat> formats;  // not empty
    std::filesystem::path out_dir;
    // Handout of these articles (ids in the collection's order); empty: books.
    std::vector<std::string> handout;
    bool each_article = false;  // one handout per article (`--article all`)
};

// Every job the request asks for. Two jobs with one output (two profiles of
// the same name) are an error: nullopt.
std::optional<Plan> make_plan(const PlanRequest& request, DiagnosticSink& sink);

// What identifies a whole build, whatever the order of its jobs: SHA-256
// of its jobs' ids with their input digests ("id inputs\n", sorted by id).
// The shards of one build share it; a shard's manifest from before an
// article was edited does not.
std::string plan_digest(const std::vector<std::pair<std::string, std::string>>& ids_and_inputs);

// Whether the job with `id` belongs to `shard`: the first 64 bits of the
// SHA-256 of the id, modulo the shard count. Depends on the id alone, so
// adding an article moves no other job to another shard.
bool in_shard(const std::string& id, const Shard& shard);

}  // namespace pamphlet::job
