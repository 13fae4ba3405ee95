// `extends`: a profile built on another one, its values, fonts and the
// places its diagnostics point at.
#include "profile_fixtures.hpp"
#include "temp_folder.hpp"

#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace pamphlet;
using namespace pamphlet::test;
namespace fs = std::filesystem;

namespace {

// Profiles written into a fresh folder, which is also the only layout folder.
struct Layouts {
    test::TempFolder folder;
    SourceFiles sources;
    DiagnosticSink sink;

    ProfilePaths paths() const { return {{folder.path()}, {source_dir / "fonts"}}; }
    fs::path write(const std::string& name, std::string_view yaml) const {
        return folder.write(name, yaml);
    }
    std::optional<Profile> load(const std::string& name_or_path) {
        return load_profile(name_or_path, paths(), sources, sink);
    }
    std::string messages() const { return format_diagnostics(sink, &sources); }

    // The only diagnostic; fails the test when there are none or several.
    const Diagnostic& only() const {
        INFO(messages());
        REQUIRE(sink.diagnostics().size() == 1);
        return sink.diagnostics().front();
    }
};

}  // namespace

TEST_CASE("a child overrides the keys it writes and inherits the rest") {
    Layouts l;
    l.write("base.yaml",
            "name: Base\n"
            "description: The house design.\n"
            "page:\n  size: A5\n  margin:\n    top: 12mm\n    inner: 20mm\n"
            "text:\n  size: 10pt\n  align: left\n"
            "headings:\n  color: \"#102030\"\n");
    fs::path child = l.write("child.yaml",
                             "extends: base\n"
                             "description: A variant.\n"
                             "page:\n  margin:\n    top: 15mm\n"
                             "text:\n  size: 9.5pt\n");
    auto profile = l.load(child.string());
    INFO(l.messages());
    REQUIRE(profile);
    CHECK(l.sink.diagnostics().empty());
    CHECK(profile->id == "child");
    CHECK(profile->file == child);
    CHECK(profile->name == "Base");
    CHECK(profile->description == "A variant.");
    CHECK(profile->page_size.name == "A5");
    CHECK(profile->margin_top == doctest::Approx(15 * mm));
    CHECK(profile->margin_inner == doctest::Approx(20 * mm));
    CHECK(profile->margin_bottom == doctest::Approx(30 * mm));  // neither wrote it: the default
    CHECK(profile->text_size == doctest::Approx(9.5));
    CHECK(profile->text_align == TextAlign::left);
    CHECK(profile->heading_color.css() == "#102030");
    // Both files are kept, so that diagnostics can quote either.
    CHECK(l.sources.text(child.generic_string()) != nullptr);
    CHECK(l.sources.text((l.folder.path() / "base.yaml").generic_string()) != nullptr);
}

TEST_CASE("chains of any depth apply from the farthest ancestor down") {
    Layouts l;
    l.write("a.yaml", "text:\n  size: 9pt\n  leading: 12pt\npage:\n  columns: 2\n");
    l.write("b.yaml", "extends: a\ntext:\n  size: 10pt\n");
    l.write("c.yaml", "extends: b\ntext:\n  leading: 14pt\n");
    auto profile = l.load("c");
    INFO(l.messages());
    REQUIRE(profile);
    CHECK(profile->id == "c");
    CHECK(profile->text_size == doctest::Approx(10));
    CHECK(profile->text_leading == doctest::Approx(14));
    CHECK(profile->columns == 2);
}

TEST_CASE("extends by name searches the layout folders; by path, the child's folder") {
    SUBCASE("a name found in a later layout folder") {
        test::TempFolder shared;
        shared.write("house.yaml", "name: House\npage:\n  size: letter\n");
        Layouts l;
        fs::path child = l.write("mine.yaml", "extends: house\n");
        ProfilePaths paths{{l.folder.path(), shared.path()}, {source_dir / "fonts"}};
        auto profile = load_profile(child.string(), paths, l.sources, l.sink);
        INFO(l.messages());
        REQUIRE(profile);
        CHECK(profile->page_size.name == "letter");
        CHECK(profile->name == "House");
    }
    SUBCASE("a path relative to the child, not to the working directory") {
        Layouts l;
        l.write("shared/base.yaml", "page:\n  size: A6\n");
        l.write("clinic/sub/parent.yaml", "extends: ../../shared/base.yaml\ntext:\n  size: 8pt\n");
        fs::path child =
            l.write("clinic/child.yaml", "extends: sub/parent.yaml\ntext:\n  leading: 10pt\n");
        auto profile = l.load(child.string());
        INFO(l.messages());
        REQUIRE(profile);
        CHECK(l.sink.diagnostics().empty());
        CHECK(profile->page_size.name == "A6");
        CHECK(profile->text_size == doctest::Approx(8));
        CHECK(profile->text_leading == doctest::Approx(10));
    }
    SUBCASE("a shipped profile by name") {
        test::TempFolder mine;
        fs::path child = mine.write("mine.yaml", "extends: a4-handout\ntext:\n  size: 12pt\n");
        SourceFiles sources;
        DiagnosticSink sink;
        auto profile = load_profile(
            child.string(), {{source_dir / "layouts"}, {source_dir / "fonts"}}, sources, sink);
        REQUIRE(profile);
        CHECK(profile->name == "A4 handout");
        CHECK(profile->text_size == doctest::Approx(12));
        CHECK(profile->text_leading == doctest::Approx(15.5));
    }
}

TEST_CASE("an unknown parent is reported at the extends value") {
    Layouts l;
    l.write("a4-house.yaml", "name: House\n");
    fs::path child = l.write("child.yaml", "name: Child\nextends: a4-huose\n");
    CHECK_FALSE(l.load(child.string()));
    const Diagnostic& d = l.only();
    CHECK(d.code == "unknown-profile");
    check_place(d, child, 2, 10);
    CHECK(d.message ==
          "unknown profile 'a4-huose' (available profiles: a4-house, child); did you mean "
          "'a4-house'?");

    Layouts missing;
    fs::path orphan = missing.write("orphan.yaml", "extends: gone/base.yaml\n");
    CHECK_FALSE(missing.load(orphan.string()));
    const Diagnostic& m = missing.only();
    CHECK(m.code == "read-error");
    check_place(m, orphan, 1, 10);
    CHECK(m.message == "profile file " +
                           (missing.folder.path() / "gone/base.yaml").generic_string() +
                           " does not exist");
}

TEST_CASE("extends needs a name or a path") {
    Layouts l;
    fs::path list = l.write("list.yaml", "extends:\n  - a\n  - b\n");
    CHECK_FALSE(l.load(list.string()));
    CHECK(l.only().code == "wrong-type");
    check_place(l.only(), list, 2, 3);
    CHECK(l.only().message ==
          "expected the name of a profile or the path of a .yaml file for 'extends', found a "
          "list");
    Layouts empty;
    fs::path blank = empty.write("blank.yaml", "name: x\nextends:\n");
    CHECK_FALSE(empty.load(blank.string()));
    CHECK(empty.only().code == "wrong-type");
    check_place(empty.only(), blank, 2, 1);
}

TEST_CASE("extends is a top-level directive, not a key") {
    Layouts l;
    fs::path nested = l.write("nested.yaml", "page:\n  extends: a4-handout\n");
    CHECK_FALSE(l.load(nested.string()));
    CHECK(l.only().code == "unknown-key");
    Layouts typo;
    fs::path file = typo.write("typo.yaml", "extend: base\n");
    CHECK_FALSE(typo.load(file.string()));
    check_place(typo.only(), file, 1, 1);
    CHECK(typo.only().message == "unknown key 'extend' in the profile; did you mean 'extends'?");
    for (const auto& key : profile_keys()) CHECK(key.path != "extends");
}

TEST_CASE("a profile that extends itself") {
    Layouts l;
    fs::path self = l.write("self.yaml", "name: Self\nextends: self\n");
    CHECK_FALSE(l.load("self"));
    const Diagnostic& d = l.only();
    CHECK(d.code == "extends-loop");
    check_place(d, self, 2, 10);
    CHECK(d.message == "profile 'self' extends itself");

    Layouts by_path;
    fs::path file = by_path.write("me.yaml", "extends: ./me.yaml\n");
    CHECK_FALSE(by_path.load(file.string()));
    CHECK(by_path.only().code == "extends-loop");
}

TEST_CASE("a loop through several profiles is reported where it closes") {
    Layouts l;
    l.write("a.yaml", "extends: b\n");
    fs::path b = l.write("b.yaml", "text:\n  size: 10pt\nextends: a\n");
    CHECK_FALSE(l.load("a"));
    const Diagnostic& d = l.only();
    CHECK(d.code == "extends-loop");
    check_place(d, b, 3, 10);
    CHECK(d.message == "profile 'a' extends itself through a -> b -> a");

    // Entering the loop from outside names only the profiles in it.
    Layouts three;
    three.write("start.yaml", "extends: x.yaml\n");
    three.write("x.yaml", "extends: y\n");
    fs::path y = three.write("y.yaml", "extends: sub/../x.yaml\n");
    CHECK_FALSE(three.load("start"));
    CHECK(three.only().message == "profile 'x' extends itself through x -> y -> x");
    check_place(three.only(), y, 1, 10);
}

TEST_CASE("a bad value in a parent points at the parent's line") {
    Layouts l;
    fs::path parent = l.write("parent.yaml", "name: P\npage:\n  margin:\n    top: 25 px\n");
    l.write("child.yaml", "extends: parent\ntext:\n  size: 10pt\n");
    CHECK_FALSE(l.load("child"));
    const Diagnostic& d = l.only();
    CHECK(d.code == "bad-length");
    check_place(d, parent, 4, 10);
    CHECK(
        d.message.starts_with("expected a length such as 12pt or 4.5mm for 'page.margin.top', "
                              "found '25 px'"));
}

TEST_CASE("checks on the merged profile blame the file that wrote the key last") {
    SUBCASE("the child's margin overflows the parent's page") {
        Layouts l;
        l.write("parent.yaml", "page:\n  size: A5\n  margin:\n    inner: 100mm\n");
        fs::path child =
            l.write("child.yaml", "extends: parent\npage:\n  margin:\n    outer: 120mm\n");
        CHECK_FALSE(l.load("child"));
        const Diagnostic& d = l.only();
        CHECK(d.code == "no-text-room");
        check_place(d, child, 4, 12);
        CHECK(d.message ==
              "margins leave no room for text: inner 100mm + outer 120mm is not less than the "
              "page width 148mm");
    }
    SUBCASE("the parent's margin no longer fits the child's page") {
        Layouts l;
        fs::path parent =
            l.write("parent.yaml", "page:\n  margin:\n    inner: 80mm\n    outer: 70mm\n");
        l.write("child.yaml", "extends: parent\npage:\n  size: A5\n");
        CHECK_FALSE(l.load("child"));
        CHECK(l.only().code == "no-text-room");
        check_place(l.only(), parent, 3, 12);
    }
    SUBCASE("a child that rewrites a key takes the blame from its parent") {
        Layouts l;
        l.write("parent.yaml", "text:\n  size: 12pt\n  leading: 14pt\n");
        fs::path child = l.write("child.yaml", "extends: parent\ntext:\n  leading: 11pt\n");
        auto profile = l.load("child");
        REQUIRE(profile);  // a warning only
        CHECK(l.only().code == "tight-leading");
        check_place(l.only(), child, 3, 12);
    }
    SUBCASE("a child can repair its parent") {
        Layouts l;
        l.write("parent.yaml", "page:\n  size: A6\n  margin:\n    inner: 60mm\n    outer: 60mm\n");
        l.write("child.yaml", "extends: parent\npage:\n  size: A4\n");
        auto profile = l.load("child");
        INFO(l.messages());
        CHECK(profile);
        CHECK(l.sink.diagnostics().empty());
    }
}

TEST_CASE("fonts resolve beside the file that names them") {
    const fs::path fonts = source_dir / "fonts";
    Layouts l;
    fs::copy_file(fonts / "Lato-Bold.ttf", l.folder.path() / "ParentFace.ttf");
    fs::create_directories(l.folder.path() / "mine");
    fs::copy_file(fonts / "Lato-Regular.ttf", l.folder.path() / "mine" / "ChildFace.ttf");
    l.write("parent.yaml", "fonts:\n  heading:\n    bold: ParentFace.ttf\n");
    fs::path child =
        l.write("mine/child.yaml",
                "extends: ../parent.yaml\nfonts:\n  body:\n    regular: ChildFace.ttf\n");
    auto profile = l.load(child.string());
    INFO(l.messages());
    REQUIRE(profile);
    CHECK(profile->heading_bold.path == l.folder.path() / "ParentFace.ttf");
    CHECK(profile->body_regular.path == l.folder.path() / "mine" / "ChildFace.ttf");
    CHECK(profile->body_bold.path == fonts / "CharisSIL-Bold.ttf");

    SUBCASE("a child's font is not looked for beside the parent") {
        Layouts other;
        fs::copy_file(fonts / "Lato-Bold.ttf", other.folder.path() / "OnlyHere.ttf");
        other.write("parent.yaml", "name: P\n");
        fs::path sub_child = other.write("sub/child.yaml",
                                         "extends: ../parent.yaml\nfonts:\n  mono:\n    bold: "
                                         "OnlyHere.ttf\n");
        CHECK_FALSE(other.load(sub_child.string()));
        const Diagnostic& d = other.only();
        CHECK(d.code == "font-not-found");
        check_place(d, sub_child, 4, 11);
        CHECK(d.message == "font file 'OnlyHere.ttf' for 'fonts.mono.bold' not found; looked in " +
                               (other.folder.path() / "sub").generic_string() + ", " +
                               fonts.generic_string());
    }
}

TEST_CASE("an unknown font in a parent points at the parent's line") {
    Layouts l;
    fs::path parent = l.write("parent.yaml", "name: P\nfonts:\n  body:\n    italic: Missing.ttf\n");
    l.write("child.yaml", "extends: parent\n");
    CHECK_FALSE(l.load("child"));
    const Diagnostic& d = l.only();
    CHECK(d.code == "font-not-found");
    check_place(d, parent, 4, 13);
    CHECK(format_diagnostic(d, &l.sources)
              .starts_with(parent.generic_string() +
                           ":4:13: error: font file 'Missing.ttf' for 'fonts.body.italic' not "
                           "found; looked in "));
}

TEST_CASE("errors in parent and child are all reported") {
    Layouts l;
    l.write("parent.yaml", "page:\n  magin: 1\n");
    l.write("child.yaml", "extends: parent\ntext:\n  align: centre\n");
    CHECK_FALSE(l.load("child"));
    CHECK(l.sink.error_count() == 2);
}

TEST_CASE("list_profiles takes a missing name and description from the parent") {
    Layouts l;
    l.write("base.yaml", "name: Base\ndescription: The house design.\n");
    l.write("variant.yaml", "extends: base\ndescription: Smaller.\n");
    l.write("loop.yaml", "extends: loop\n");
    auto found = list_profiles(l.paths());
    REQUIRE(found.size() == 3);
    CHECK(found[2].id == "variant");
    CHECK(found[2].name == "Base");
    CHECK(found[2].description == "Smaller.");
    CHECK(found[1].id == "loop");
    CHECK(found[1].name.empty());
}
