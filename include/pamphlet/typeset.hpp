// The typesetter: an edition and a profile -> pages of positioned items.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/layout.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/profile.hpp"

#include <optional>
#include <string>

namespace pamphlet {

struct TypesetOptions {
    long long timestamp = 0;  // seconds since 1970, for the document info
    std::string generator;    // "pamphlet 0.1.0": Creator/Producer
};

// Lays out the whole brochure: cover, articles, back page. Problems (missing
// glyphs, images that cannot be placed, words longer than the measure) are
// reported; nullopt only when no usable document can be made.
std::optional<LaidOutDocument> typeset_edition(const Collection& collection, const Edition& edition,
                                               const Profile& profile,
                                               const TypesetOptions& options, DiagnosticSink& sink);

}  // namespace pamphlet
