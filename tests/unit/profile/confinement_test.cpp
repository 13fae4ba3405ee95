// A profile reads files only from its own folder and pamphlet's data folders
// (layouts, fonts): `extends` and fonts that lead elsewhere are refused at
// their key before anything is opened, so no outside file ends up quoted
// under a YAML error or embedded as a font. And profiles and fonts are read
// only up to pamphlet's size limits.
#include "profile_fixtures.hpp"
#include "temp_folder.hpp"

#include "pamphlet/base/limits.hpp"
#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace pamphlet;
using namespace pamphlet::test;
namespace fs = std::filesystem;

namespace {

// "mine/" holds the profile; beside it lie an outside profile and font.
struct Setup {
    test::TempFolder folder;
    SourceFiles sources;
    DiagnosticSink sink;

    Setup() {
        folder.write("elsewhere.yaml", "name: 'SECRET 4711'\npage: [not closed\n");
        fs::copy_file(source_dir / "fonts" / "Lato-Bold.ttf", folder.path() / "Outside.ttf");
        fs::create_directories(mine());
    }
    fs::path mine() const { return folder.path() / "mine"; }
    std::optional<Profile> load(std::string_view yaml) {
        const fs::path file = folder.write("mine/profile.yaml", yaml);
        return load_profile(file.string(), real_paths(), sources, sink);
    }
    fs::path profile_file() const { return mine() / "profile.yaml"; }
    std::string messages() const { return format_diagnostics(sink, &sources); }
    const Diagnostic& only() const {
        INFO(messages());
        REQUIRE(sink.diagnostics().size() == 1);
        return sink.diagnostics().front();
    }
    void check_nothing_outside_read() const {
        CHECK(messages().find("4711") == std::string::npos);
        CHECK(messages().find("root:") == std::string::npos);
        CHECK(sources.text((folder.path() / "elsewhere.yaml").generic_string()) == nullptr);
        CHECK(sources.text("/etc/passwd") == nullptr);
    }
    std::string folders_text() const {
        return "the profile's folder (" + mine().generic_string() +
               ") and pamphlet's own layouts and fonts folders";
    }
};

}  // namespace

TEST_CASE("extends: a file outside the profile's folder is not read") {
    Setup s;
    SUBCASE("an absolute path") {
        CHECK_FALSE(s.load("extends: /etc/passwd\n"));
        const Diagnostic& d = s.only();
        CHECK(d.code == "outside-profile");
        check_place(d, s.profile_file(), 1, 10);
        CHECK(d.message == "'extends' names '/etc/passwd', which is outside " + s.folders_text() +
                               "; it is not read");
    }
    SUBCASE("a path up and out") {
        CHECK_FALSE(s.load("name: Mine\nextends: ../elsewhere.yaml\n"));
        const Diagnostic& d = s.only();
        CHECK(d.code == "outside-profile");
        check_place(d, s.profile_file(), 2, 10);
    }
    SUBCASE("a symbolic link in the folder that leads out") {
        fs::create_symlink(s.folder.path() / "elsewhere.yaml", s.mine() / "base.yaml");
        CHECK_FALSE(s.load("extends: base.yaml\n"));
        const Diagnostic& d = s.only();
        CHECK(d.code == "outside-profile");
        CHECK(d.message == "'extends' names 'base.yaml', which leads outside " + s.folders_text() +
                               " through a symbolic link; it is not read");
    }
    s.check_nothing_outside_read();
}

TEST_CASE("extends: inside the folder, through a link or not, and the shipped layouts") {
    Setup s;
    s.folder.write("mine/shared/base.yaml", "page:\n  size: A5\n");
    fs::create_symlink("shared/base.yaml", s.mine() / "alias.yaml");
    auto by_link = s.load("extends: alias.yaml\n");
    INFO(s.messages());
    REQUIRE(by_link);
    CHECK(by_link->page_size.name == "A5");
    auto by_name = s.load("extends: a4-handout\n");
    REQUIRE(by_name);
    CHECK(by_name->name == "A4 handout");
    CHECK(s.sink.diagnostics().empty());
}

TEST_CASE("fonts outside the profile's folder and pamphlet's fonts are refused") {
    Setup s;
    SUBCASE("../ to a real font") {
        CHECK_FALSE(s.load("fonts:\n  body:\n    regular: ../Outside.ttf\n"));
        const Diagnostic& d = s.only();
        CHECK(d.code == "outside-profile");
        check_place(d, s.profile_file(), 3, 14);
        CHECK(d.message == "font file '../Outside.ttf' for 'fonts.body.regular' is outside " +
                               s.folders_text() + "; it is not read");
    }
    SUBCASE("an absolute path") {
        CHECK_FALSE(s.load("fonts:\n  mono:\n    bold: " +
                           (s.folder.path() / "Outside.ttf").generic_string() + "\n"));
        CHECK(s.only().code == "outside-profile");
    }
    SUBCASE("a symbolic link in the folder that leads out") {
        fs::create_symlink(s.folder.path() / "Outside.ttf", s.mine() / "Face.ttf");
        CHECK_FALSE(s.load("fonts:\n  heading:\n    bold: Face.ttf\n"));
        const Diagnostic& d = s.only();
        CHECK(d.code == "outside-profile");
        CHECK(d.message == "font file 'Face.ttf' for 'fonts.heading.bold' leads outside " +
                               s.folders_text() + " through a symbolic link; it is not read");
    }
}

TEST_CASE("fonts inside: beside the profile, by link, and pamphlet's own by absolute path") {
    Setup s;
    fs::copy_file(source_dir / "fonts" / "Lato-Regular.ttf", s.mine() / "Mine.ttf");
    fs::create_symlink("Mine.ttf", s.mine() / "Alias.ttf");
    const fs::path shipped = source_dir / "fonts" / "Lato-Italic.ttf";
    auto p = s.load(
        "fonts:\n  body:\n    regular: Alias.ttf\n    italic: " + shipped.generic_string() + "\n");
    INFO(s.messages());
    REQUIRE(p);
    CHECK(s.sink.diagnostics().empty());
    CHECK(p->body_regular.path == s.mine() / "Alias.ttf");
    CHECK(p->body_italic.path == shipped);
}

TEST_CASE("profiles and fonts over the size limit are measured, not read") {
    Setup s;
    SUBCASE("a font") {
        // A TrueType header, then a hole: larger than any font, costing no disk.
        const fs::path big = s.folder.write("mine/Big.ttf", std::string("\x00\x01\x00\x00", 4));
        fs::resize_file(big, limits::font_file_bytes + 1);
        CHECK_FALSE(s.load("fonts:\n  body:\n    bold: Big.ttf\n"));
        const Diagnostic& d = s.only();
        CHECK(d.code == "file-too-large");
        check_place(d, s.profile_file(), 3, 11);
        CHECK(d.message == "font " + big.generic_string() +
                               " for 'fonts.body.bold' is larger than pamphlet's limit of 64 MiB "
                               "(64 MiB); it is not read");
    }
    SUBCASE("a parent profile, at the extends that names it") {
        const fs::path big = s.folder.write("mine/big.yaml", "name: big\n");
        fs::resize_file(big, limits::text_file_bytes + 1);
        CHECK_FALSE(s.load("extends: big.yaml\n"));
        const Diagnostic& d = s.only();
        CHECK(d.code == "file-too-large");
        check_place(d, s.profile_file(), 1, 10);
        CHECK(d.message == "profile file " + big.generic_string() +
                               " is larger than pamphlet's limit of 8 MiB (8.0 MiB); it is not "
                               "read");
        CHECK(s.sources.text(big.generic_string()) == nullptr);
    }
    SUBCASE("the profile itself") {
        const fs::path file = s.folder.write("mine/profile.yaml", "name: big\n");
        fs::resize_file(file, limits::text_file_bytes + 1);
        CHECK_FALSE(load_profile(file.string(), real_paths(), s.sources, s.sink));
        const Diagnostic& d = s.only();
        CHECK(d.code == "file-too-large");
        CHECK(d.span.file == file.generic_string());
    }
}

TEST_CASE("listing profiles follows no extends out of the layout folders") {
    test::TempFolder layouts;
    test::TempFolder outside;
    outside.write("base.yaml", "name: SECRET 4711\ndescription: from outside\n");
    layouts.write("mine.yaml",
                  "extends: " + (outside.path() / "base.yaml").generic_string() + "\n");
    const auto found = list_profiles({{layouts.path()}, {source_dir / "fonts"}});
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == "mine");
    CHECK(found[0].name.empty());
    CHECK(found[0].description.empty());
}
