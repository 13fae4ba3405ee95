// Golden traces: every folder under tests/golden/ holds a small collection;
// its typeset pages, painted onto the trace canvas, must equal expected.trace.
// After an intended change, `cmake --build --preset dev --target update-golden`
// rewrites the traces; review the diff like code.
#include "pamphlet/collection.hpp"
#include "pamphlet/pdf.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/typeset.hpp"

#include "pamphlet/base/files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

using namespace pamphlet;
namespace fs = std::filesystem;

namespace {

const fs::path golden_dir = fs::path(PAMPHLET_TEST_DIR) / "golden";
const fs::path source_dir = PAMPHLET_SOURCE_DIR;

// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
    std::size_t line = 1, i = 0;
    while (i < want.size() && i < got.size() && want[i] == got[i]) {
        if (want[i] == '\n') ++line;
        ++i;
    }
    auto line_at = [](const std::string& s, std::size_t pos) {
        std::size_t b = s.rfind('\n', pos == 0 ? 0 : pos - 1);
        b = b == std::string::npos ? 0 : b + 1;
        return s.substr(b, s.find('\n', b) - b);
    };
    return "line " + std::to_string(line) + "\n  expected: " + line_at(want, i) +
           "\n  got:      " + line_at(got, i);
}

}  // namespace

TEST_CASE("golden traces") {
    const bool update = std::getenv("PAMPHLET_UPDATE_GOLDEN") != nullptr;
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(golden_dir))
        if (fs::exists(entry.path() / "collection.yaml")) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE_MESSAGE(!cases.empty(), "no golden cases under " << golden_dir);

    ProfilePaths paths{
        {source_dir / "layouts"}, {source_dir / "fonts"}, {source_dir / "hyphenation"}};
    for (const fs::path& dir : cases) {
        CAPTURE(dir.filename().string());
        DiagnosticSink sink;
        SourceFiles sources;
        fs::path profile_file =
            fs::exists(dir / "profile.yaml") ? dir / "profile.yaml" : golden_dir / "profile.yaml";
        auto profile = load_profile(profile_file.string(), paths, sources, sink);
        auto collection = load_collection(dir, {}, sources, sink);
        INFO(format_diagnostics(sink));
        REQUIRE(profile);
        REQUIRE(collection);
        REQUIRE(collection->editions.size() == 1);
        auto document =
            typeset_edition(*collection, collection->editions.front(), *profile,
                            TypesetOptions{0, "pamphlet golden", paths.hyphenation_dirs}, sink);
        REQUIRE(document);
        std::string trace = trace_document(*document);
        // Diagnostics belong to the expected result too.
        for (const auto& d : sink.diagnostics()) {
            std::string line = format_diagnostic(d);
            line = line.substr(0, line.find('\n'));
            auto cut = line.find(dir.filename().string() + "/");
            trace += "diagnostic " + (cut == std::string::npos ? line : line.substr(cut)) + "\n";
        }
        fs::path expected_file = dir / "expected.trace";
        if (update) {
            std::ofstream(expected_file, std::ios::binary) << trace;
            MESSAGE("updated " << expected_file.string());
            continue;
        }
        auto expected = read_file(expected_file);
        REQUIRE_MESSAGE(expected.has_value(),
                        "missing " << expected_file.string() << "; run the update-golden target");
        if (*expected != trace)
            FAIL_CHECK("trace differs from expected.trace at "
                       << first_difference(*expected, trace));
    }
}
