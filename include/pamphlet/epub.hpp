// EPUB 3 writer: one book per language edition.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/profile.hpp"

#include <optional>
#include <string>

namespace pamphlet {

struct EpubOptions {
    long long timestamp = 0;  // seconds since 1970, for dcterms:modified and zip times
    std::string generator;    // "pamphlet 0.1.0"
};

// The complete EPUB file as bytes, or nullopt when the edition cannot be
// written (diagnostics say why). Deterministic: same input, same bytes.
std::optional<std::string> write_epub(const Collection& collection, const Edition& edition,
                                      const Profile& profile, const EpubOptions& options,
                                      DiagnosticSink& sink);

}  // namespace pamphlet
