// The build manifest (OUT/pamphlet-manifest.jsonl): one JSON object per
// job, what was made from which inputs. It is also what the next build
// reads to skip what is up to date. Only src/job includes nlohmann/json.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/job.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace pamphlet::job {

inline constexpr int manifest_format = 1;

// What every line of one build's manifest shares.
struct ManifestContext {
    std::filesystem::path folder;  // outputs are named relative to it
    std::string plan;              // plan_digest of the whole build (every shard)
    std::size_t planned = 0;       // jobs in the whole build
    Shard shard;
};

std::string manifest_line(const JobReport& job, const ManifestContext& context);

// A job as an earlier build recorded it.
struct RecordedJob {
    JobReport job;
    std::string line;  // the manifest line, as read
};

// The jobs a previous build recorded in `file`, by id. A missing file is
// an empty record; one that is not a manifest, is damaged or comes from
// another pamphlet version is ignored with a warning (everything is
// rebuilt): a record that cannot be trusted is never used.
std::map<std::string, RecordedJob> read_manifest(const std::filesystem::path& file,
                                                 DiagnosticSink& sink);

// The manifest, written atomically: this build's jobs in the order given
// ("current": true), then the lines of `previous` for other jobs whose
// files are still there ("current": false): what other builds made in the
// same folder, so that building something else in between does not cost
// them their record.
std::optional<std::string> write_manifest(const std::filesystem::path& file,
                                          const std::vector<JobReport>& jobs,
                                          const ManifestContext& context,
                                          const std::map<std::string, RecordedJob>& previous);

}  // namespace pamphlet::job
