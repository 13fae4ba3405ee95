// Finding a profile's font files and checking that they are fonts pamphlet
// can embed (TrueType outlines).
#pragma once

#include "pamphlet/diagnostics.hpp"

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace pamphlet::profile {

// The first of `dirs`/`name` that exists (or `name` itself when absolute),
// after checking it is a TrueType font. Reports "font-not-found" (naming
// where it looked), "unsupported-font" or "not-a-font" at `span`.
std::optional<std::filesystem::path> resolve_font(std::string_view name, std::string_view key,
                                                  const std::vector<std::filesystem::path>& dirs,
                                                  const SourceSpan& span, DiagnosticSink& sink);

}  // namespace pamphlet::profile
