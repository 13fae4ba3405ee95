// fonts.fallback: one font file, or a list of them tried in order.
#include "profile_fixtures.hpp"
#include "temp_folder.hpp"

#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace pamphlet;
using pamphlet::test::check_place;
using pamphlet::test::real_paths;
using pamphlet::test::source_dir;

namespace {

std::vector<std::string> names(const std::vector<FontFile>& fonts) {
    std::vector<std::string> out;
    for (const FontFile& font : fonts) out.push_back(font.name);
    return out;
}

}  // namespace

TEST_CASE("fonts.fallback defaults to DejaVu Sans alone") {
    DiagnosticSink sink;
    auto profile = default_profile(real_paths(), sink);
    REQUIRE(profile);
    REQUIRE(profile->fallback_fonts.size() == 1);
    CHECK(profile->fallback_fonts[0].path == source_dir / "fonts" / "DejaVuSans.ttf");
}

TEST_CASE("fonts.fallback takes a single file, as it always did") {
    test::TempFolder dir;
    auto file = dir.write("one.yaml", "fonts:\n  fallback: Lato-Regular.ttf\n");
    DiagnosticSink sink;
    SourceFiles sources;
    auto profile = load_profile(file.string(), real_paths(), sources, sink);
    REQUIRE(profile);
    CHECK(sink.diagnostics().empty());
    CHECK(names(profile->fallback_fonts) == std::vector<std::string>{"Lato-Regular.ttf"});
    CHECK(profile->fallback_fonts[0].path == source_dir / "fonts" / "Lato-Regular.ttf");
}

TEST_CASE("fonts.fallback takes a list, in order, flow or block style") {
    test::TempFolder dir;
    auto flow = dir.write("flow.yaml", "fonts:\n  fallback: [Lato-Regular.ttf, DejaVuSans.ttf]\n");
    auto block = dir.write("block.yaml",
                           "fonts:\n  fallback:\n    - NotoSansMono-Regular.ttf\n"
                           "    - Lato-Regular.ttf\n    - DejaVuSans.ttf\n");
    DiagnosticSink sink;
    SourceFiles sources;
    auto from_flow = load_profile(flow.string(), real_paths(), sources, sink);
    auto from_block = load_profile(block.string(), real_paths(), sources, sink);
    REQUIRE(from_flow);
    REQUIRE(from_block);
    CHECK(sink.diagnostics().empty());
    CHECK(names(from_flow->fallback_fonts) ==
          std::vector<std::string>{"Lato-Regular.ttf", "DejaVuSans.ttf"});
    CHECK(names(from_block->fallback_fonts) == std::vector<std::string>{"NotoSansMono-Regular.ttf",
                                                                        "Lato-Regular.ttf",
                                                                        "DejaVuSans.ttf"});
    CHECK(from_block->fallback_fonts[2].path == source_dir / "fonts" / "DejaVuSans.ttf");
}

TEST_CASE("a missing font in the fallback list is reported at its own item") {
    test::TempFolder dir;
    auto file =
        dir.write("missing.yaml", "fonts:\n  fallback:\n    - DejaVuSans.ttf\n    - nowhere.ttf\n");
    DiagnosticSink sink;
    SourceFiles sources;
    CHECK_FALSE(load_profile(file.string(), real_paths(), sources, sink));
    REQUIRE(sink.error_count() == 1);
    const Diagnostic& d = sink.diagnostics()[0];
    CHECK(d.code == "font-not-found");
    CHECK(d.message.starts_with("font file 'nowhere.ttf' for 'fonts.fallback' not found"));
    check_place(d, file, 4, 7);
}

TEST_CASE("a fallback list must hold font file names") {
    test::TempFolder dir;
    auto empty = dir.write("empty.yaml", "fonts:\n  fallback: []\n");
    auto nested = dir.write("nested.yaml", "fonts:\n  fallback: [DejaVuSans.ttf, [a.ttf]]\n");
    DiagnosticSink sink;
    SourceFiles sources;
    CHECK_FALSE(load_profile(empty.string(), real_paths(), sources, sink));
    CHECK_FALSE(load_profile(nested.string(), real_paths(), sources, sink));
    REQUIRE(sink.error_count() == 2);
    CHECK(sink.diagnostics()[0].code == "wrong-type");
    CHECK(sink.diagnostics()[0].message.ends_with("found an empty list"));
    check_place(sink.diagnostics()[0], empty, 2, 13);
    CHECK(sink.diagnostics()[1].code == "wrong-type");
    CHECK(sink.diagnostics()[1].message.ends_with("found a list as an item"));
    check_place(sink.diagnostics()[1], nested, 2, 30);
}

TEST_CASE("the key reference shows the fallback key as a list of font files") {
    const std::string reference = profile_keys_reference(true);
    CHECK(reference.find("| `fonts.fallback` | font files | `DejaVuSans.ttf` |") !=
          std::string::npos);
}
