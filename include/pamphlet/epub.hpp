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

// What a written book holds, for build reports.
struct EpubContents {
    int spine_items = 0;  // the documents a reader pages through, in order
};

// The complete EPUB file as bytes, or nullopt when the edition cannot be
// written (diagnostics say why). Deterministic: same input, same bytes.
// `contents`, when given, is told what the book holds.
std::optional<std::string> write_epub(const Collection& collection, const Edition& edition,
                                      const Profile& profile, const EpubOptions& options,
                                      DiagnosticSink& sink, EpubContents* contents = nullptr);

}  // namespace pamphlet
