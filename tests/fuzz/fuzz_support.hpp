// What the fuzz targets share: a scratch folder of their own, pamphlet's
// layouts/ and fonts/ from the source tree, and a small collection on disk.
// The library reads collections, profiles and images from files, so a
// target writes its input into a file and calls the same functions the
// CLI calls; nothing is parsed differently for fuzzing.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/hyphenation.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/profile.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

// The entry point every target defines (libFuzzer's, and replay_main.cpp's).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace pamphlet::fuzz {

// A fresh folder under $TMPDIR for this process, removed when it exits.
const std::filesystem::path& scratch_dir();

// Replaces `path` with `bytes` (creating its folder).
void write_bytes(const std::filesystem::path& path, std::string_view bytes);

// layouts/, fonts/ and hyphenation/ of the source tree pamphlet was built from.
ProfilePaths source_paths();

// layouts/a4-handout.yaml, loaded once per process.
const Profile& handout_profile();

// Hyphenation patterns loaded once per process, as a batch shares them.
HyphenationPatterns& shared_patterns();

// A valid collection in `dir` (written once per folder): collection.yaml
// with the languages en and de, a publisher with a logo, the articles
// `first` and `second`, and tests/fuzz/data's square.png and photo.jpg
// in images/ and articles/, for articles to show. `first_article` is written as
// articles/first.en.md; the other files are small fixed articles.
void write_collection(const std::filesystem::path& dir, std::string_view first_article);

// The article `first.en.md` writes when a target has none of its own.
inline constexpr std::string_view plain_article =
    "---\ntitle: First\nsummary: A summary.\nauthor: A. Author\ndate: 2024-05-01\n---\n\n"
    "Some *text* with a [link](second.en.md) and a [section](#more).\n\n"
    "## More\n\n- one\n- two\n\n![A square](square.png \"A caption.\")\n";

// Typesets `edition` with `profile` and paints it as a PDF, and writes it
// as an EPUB: what `pamphlet build` makes of one edition, in memory.
void write_outputs(const Collection& collection, const Edition& edition, const Profile& profile,
                   DiagnosticSink& sink);

// Aborts with `message` (on stderr) when `condition` is false: a property
// the fuzzer checks beyond "no crash". Unlike assert, it holds in every build.
void check(bool condition, const char* message);

}  // namespace pamphlet::fuzz
