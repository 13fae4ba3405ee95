// EPUB 3 writer: one book per language edition.
#pragma once

#include "pamphlet/hyphenation.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/page_starts.hpp"
#include "pamphlet/profile.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace pamphlet {

struct EpubOptions {
    long long timestamp = 0;  // seconds since 1970, for dcterms:modified and zip times
    std::string generator;    // "pamphlet 0.1.0"
    // Where the hyphenation patterns for soft hyphens are (the profile's
    // hyphenation.epub_soft_hyphens): ProfilePaths::hyphenation_dirs; none,
    // no soft hyphens. Patterns shared by a batch's books, when given.
    std::vector<std::filesystem::path> hyphenation_dirs = {};
    HyphenationPatterns* hyphenation_patterns = nullptr;
    // Where the pages of a printed edition of the same articles begin
    // (typeset_edition's LaidOutDocument::page_starts): page-break markers
    // there, a page list in the navigation, and `page_source` (that print
    // edition, "Title (A4 handout)") as the package's a11y:pageBreakSource.
    // Empty: no page list.
    std::vector<PageStart> page_starts = {};
    std::string page_source = {};
};

// What a written book holds, for build reports.
struct EpubContents {
    int spine_items = 0;  // the documents a reader pages through, in order
};

// Writes the EPUB file `out` (created or emptied), one page at a time:
// memory holds the largest page, not the book. False when the edition
// cannot be written (diagnostics say why); `out` is then incomplete, for
// the caller to remove. Deterministic: same input, same bytes. `contents`,
// when given, is told what the book holds.
bool write_epub(const Collection& collection, const Edition& edition, const Profile& profile,
                const EpubOptions& options, const std::filesystem::path& out,
                DiagnosticSink& sink, EpubContents* contents = nullptr);

// The same book as bytes in memory (tests, fuzzing), or nullopt.
std::optional<std::string> write_epub(const Collection& collection, const Edition& edition,
                                      const Profile& profile, const EpubOptions& options,
                                      DiagnosticSink& sink, EpubContents* contents = nullptr);

// Opens libzip, which the writer loads at run time, now: a build calls it
// on another core while it reads the collection, so that its first book
// does not wait for the loader (some milliseconds). Any thread, any number
// of times; a library that cannot be loaded is reported by write_epub.
void prepare_epub_writer();

}  // namespace pamphlet
