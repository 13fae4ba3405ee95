// The build job: what `pamphlet build` does, as a library call (the CLI is a
// thin shell over it, like qpdf's main over QPDFJob).
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/typeset.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

enum class OutputFormat { epub, pdf };

struct BuildRequest {
    std::filesystem::path collection;
    std::filesystem::path out_dir = "out";
    std::vector<std::string> profiles;   // names or paths; empty: "a4-handout"
    std::vector<std::string> languages;  // empty: every language of the collection
    std::vector<OutputFormat> formats;   // empty: every format (EPUB and PDF)
    bool stats = false;                  // measure the typeset body text of each PDF
    // Only these articles (ids, in the collection's order), as a handout:
    // no cover and no table of contents; the clinic's header on the first
    // page and its contact details with a QR code at the end. Empty: all.
    std::vector<std::string> articles;
    bool impose = true;  // false (--no-impose): booklet profiles write the plain page sequence
};

// The measured quality of one PDF's body text.
struct DocumentStats {
    std::filesystem::path pdf;
    TypesetStats stats;
};

struct BuildResult {
    std::vector<std::filesystem::path> written;
    std::vector<DocumentStats> stats;  // with BuildRequest::stats: each PDF written, in order
    int exit_code = 0;  // 0 ok (maybe with warnings), 1 errors in the input or output
};

// Validates everything first and writes nothing when there is any error;
// otherwise writes each output atomically (a failed run never leaves a
// half-written file, nor removes a good one).
BuildResult run_build(const BuildRequest& request, const ProfilePaths& paths, SourceFiles& sources,
                      DiagnosticSink& sink);

// The layouts/ and fonts/ folders: $PAMPHLET_DATA_DIR, the installed share
// folder next to the executable, or the source tree the program was built from.
ProfilePaths find_data_paths();

// Seconds since 1970 for every date written into outputs: SOURCE_DATE_EPOCH
// when set, else the collection's date, else the newest article date, else
// 1980-01-01 (the earliest time a zip file can hold). Never the clock.
std::optional<long long> build_timestamp(const Collection& collection, DiagnosticSink& sink);

// Replaces `path` with `bytes` through a temporary file in the same folder
// and a rename. Returns an error message on failure (the old file is kept).
std::optional<std::string> write_file_atomically(const std::filesystem::path& path,
                                                 std::string_view bytes);

// `stats` as a small table: one aligned row per count, then the worst line's
// place ("worst line: file:line:col (badness N)").
std::string format_stats(const DocumentStats& stats);

std::string_view pamphlet_version();

}  // namespace pamphlet
