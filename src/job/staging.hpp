// Outputs written beside their final place under a temporary name, then
// renamed into place (or removed): a reader never sees a half-written file,
// and a build that must write nothing can take its files back.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet::job {

struct StagedFile {
    std::filesystem::path temp;  // ".NAME.tmp-HOST-PID-XXXXXX" in the target's folder
    std::filesystem::path target;
};

// Writes `bytes` to a new temporary file beside `target`, flushed to disk.
// An error message on failure (nothing is left behind then).
std::optional<std::string> stage_file(const std::filesystem::path& target, std::string_view bytes,
                                      StagedFile& staged);

// For a writer that streams into a file of its own opening: a new, empty
// temporary file beside `target`. An error message on failure.
std::optional<std::string> create_staged(const std::filesystem::path& target, StagedFile& staged);

// What a staged file holds, read back from the disk (for the manifest).
struct StagedDigest {
    std::string sha256;
    long long bytes = 0;
};
// Completes a file written into a created_staged one: ordinary permissions,
// flushed to disk, its SHA-256 and size read back in blocks. On failure
// the temporary file is removed and an error message returned.
std::optional<std::string> seal_staged(const StagedFile& staged, StagedDigest& digest);
// Renames the staged file over its target; on failure the temporary file
// is removed and the target left as it was.
std::optional<std::string> commit_staged(const StagedFile& staged);
void discard_staged(const StagedFile& staged);

// Removes what a killed run (SIGKILL, power loss) left beside the targets:
// temporary files of this host whose process is gone, and any older than a
// day (another host's, or an older pamphlet's). A running build's temporary
// files are never touched, so builds of other shards may share the folder.
// Returns how many were removed.
int remove_stale_temps(const std::vector<std::filesystem::path>& targets);

}  // namespace pamphlet::job
