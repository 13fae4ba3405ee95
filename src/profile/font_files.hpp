// Finding a profile's font files and checking that they are fonts pamphlet
// can embed (TrueType outlines).
#pragma once

#include "folders.hpp"

#include "pamphlet/diagnostics.hpp"

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace pamphlet::profile {

// The first of `dirs`/`name` that exists (or `name` itself when absolute),
// after checking it is a TrueType font no larger than limits::font_file_bytes.
// Places `allowed` refuses are not looked at. Reports "font-not-found"
// (naming where it looked), "outside-profile", "file-too-large",
// "unsupported-font" or "not-a-font" at `span`.
std::optional<std::filesystem::path> resolve_font(std::string_view name, std::string_view key,
                                                  const std::vector<std::filesystem::path>& dirs,
                                                  const ProfileFolders& allowed,
                                                  const SourceSpan& span, DiagnosticSink& sink);

}  // namespace pamphlet::profile
