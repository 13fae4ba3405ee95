// Where a profile named on the command line or by `extends` lives.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/profile.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace pamphlet::profile {

// Anything with a '/' or a .yaml/.yml ending is a path; the rest are names.
bool names_a_path(std::string_view name_or_path);

// A path is taken relative to `base` (the folder of the file that names it;
// empty: the working directory) and returned whether it exists or not, so
// that reading it can say why it failed. A name is NAME.yaml in the first
// of paths.layout_dirs that has it; nullopt when none has.
std::optional<std::filesystem::path> locate_profile(std::string_view name_or_path,
                                                    const ProfilePaths& paths,
                                                    const std::filesystem::path& base);

// locate_profile, reporting an unknown name at `span` with the available
// profiles and the closest one.
std::optional<std::filesystem::path> find_profile(std::string_view name_or_path,
                                                  const ProfilePaths& paths,
                                                  const std::filesystem::path& base,
                                                  const SourceSpan& span, DiagnosticSink& sink);

// The file's identity for noticing that a chain of `extends` comes back to
// it, however the path was written.
std::filesystem::path file_identity(const std::filesystem::path& file);

}  // namespace pamphlet::profile
