// Checks that involve several keys: does the text still fit on the page?
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/profile.hpp"

#include <functional>
#include <map>
#include <string>

namespace pamphlet::profile {

// Where the profile file set each key; keys left at their default are absent.
using WrittenKeys = std::map<std::string, SourceSpan, std::less<>>;

// Margins and column gaps that leave no room for text, a sheet larger than a
// PDF page (errors), leading tighter than the text size (warning): what
// single-key ranges cannot see. Each points at the key the user wrote, or
// at `fallback` when all came from defaults.
void check_consistency(const Profile& profile, const WrittenKeys& written,
                       const SourceSpan& fallback, DiagnosticSink& sink);

}  // namespace pamphlet::profile
