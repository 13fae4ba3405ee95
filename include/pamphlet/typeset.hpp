// The typesetter: an edition and a profile -> pages of positioned items.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/layout.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/profile.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet {

class HyphenationPatterns;

struct TypesetOptions {
    long long timestamp = 0;  // seconds since 1970, for the document info
    std::string generator;    // "pamphlet 0.1.0": Creator/Producer
    // Searched for the hyphenation patterns (ProfilePaths::hyphenation_dirs);
    // none found: words break only at hyphens, with a warning.
    std::vector<std::filesystem::path> hyphenation_dirs = {};
    // Patterns loaded once for every document of a batch; none: the
    // document loads its own.
    HyphenationPatterns* hyphenation_patterns = nullptr;
    // A handout of the edition's articles (BuildRequest::articles): no
    // cover, contents or back page; the clinic's logo and name above the
    // first article, its contact details and a QR code after the last.
    bool handout = false;
    // Whether glyph runs keep their characters (GlyphRun::text) for traces,
    // tests and debugging. The PDF does not need them (each font notes its
    // glyphs' characters for ToUnicode as they are placed), so a build sets
    // this false and spares a string per run.
    bool keep_run_text = true;
    // Whether an `imposition: booklet` profile's pages are imposed (`pamphlet
    // build --no-impose`: false). An imposed booklet is the print shop's
    // file: untagged whatever the profile's pdfua says.
    bool impose = true;
};

// How well the body text was set: its paragraphs, list items and quotes
// (not headings, code, captions or page furniture), counted line by line.
struct TypesetStats {
    int lines = 0;
    int hyphenated_lines = 0;      // ending in a hyphen the line breaker inserted
    int longest_hyphen_run = 0;    // most consecutive hyphenated lines
    int hyphen_runs_of_three = 0;  // runs of three or more consecutive hyphenated lines
    int loose_lines = 0;     // justified, spaces stretched beyond the profile's quality.loose_ratio
    int tight_lines = 0;     // justified, spaces shrunk beyond the profile's quality.tight_ratio
    int overfull_lines = 0;  // wider than the measure
    double worst_badness = 0;  // 100·|r|³ of the worst line, not capped at TeX's 10000
    SourceSpan worst_span;     // the paragraph holding that line
};

// Lays out the whole brochure: cover, articles, back page. Problems (missing
// glyphs, images that cannot be placed, words longer than the measure) are
// reported; nullopt only when no usable document can be made. `stats`, when
// given, receives the measured quality of the body text.
std::optional<LaidOutDocument> typeset_edition(const Collection& collection, const Edition& edition,
                                               const Profile& profile,
                                               const TypesetOptions& options, DiagnosticSink& sink,
                                               TypesetStats* stats = nullptr);

}  // namespace pamphlet
