#include "profile_fixtures.hpp"
#include "temp_folder.hpp"

#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace pamphlet;
using namespace pamphlet::test;
namespace fs = std::filesystem;

namespace {

// One profile file in a fresh folder, loaded by path with the real fonts.
struct Loaded {
    test::TempFolder folder;
    fs::path file;
    SourceFiles sources;
    DiagnosticSink sink;
    std::optional<Profile> profile;

    explicit Loaded(std::string_view yaml, const std::string& name = "custom.yaml") {
        file = folder.write(name, yaml);
        profile = load_profile(file.string(), real_paths(), sources, sink);
    }

    // The only diagnostic; fails the test when there are none or several.
    const Diagnostic& only() const {
        for (const auto& d : sink.diagnostics()) INFO(format_diagnostic(d, &sources));
        REQUIRE(sink.diagnostics().size() == 1);
        return sink.diagnostics().front();
    }
};

std::string all_messages(const DiagnosticSink& sink) {
    std::string out;
    for (const auto& d : sink.diagnostics()) out += format_diagnostic(d);
    return out;
}

}  // namespace

TEST_CASE("the a4-handout profile loads from layouts/ without diagnostics") {
    SourceFiles sources;
    DiagnosticSink sink;
    auto profile = load_profile("a4-handout", real_paths(), sources, sink);
    INFO(all_messages(sink));
    REQUIRE(profile);
    CHECK(sink.diagnostics().empty());
    CHECK(profile->id == "a4-handout");
    CHECK(profile->file == source_dir / "layouts" / "a4-handout.yaml");
    CHECK(profile->name == "A4 handout");
    CHECK_FALSE(profile->description.empty());
    CHECK(profile->page_size.name == "A4");
    CHECK(profile->page_width() == doctest::Approx(210 * mm));
    CHECK(profile->columns == 1);
    CHECK(profile->text_size >= 10.5);
    CHECK(profile->text_size <= 11);
    CHECK(profile->text_leading > profile->text_size * 1.2);
    CHECK(profile->body_regular.path == source_dir / "fonts" / "CharisSIL-Regular.ttf");
    CHECK(fs::is_regular_file(profile->heading_bold.path));
    CHECK(profile->heading_bold.name == "Lato-Bold.ttf");
    CHECK(sources.text(profile->file.generic_string()) != nullptr);
}

TEST_CASE("the a4-handout profile restates the schema's defaults") {
    SourceFiles sources;
    DiagnosticSink sink;
    auto handout = load_profile("a4-handout", real_paths(), sources, sink);
    auto defaults = default_profile(real_paths(), sink);
    REQUIRE(handout);
    REQUIRE(defaults);
    CHECK(handout->margin_top == defaults->margin_top);
    CHECK(handout->margin_inner == defaults->margin_inner);
    CHECK(handout->text_size == defaults->text_size);
    CHECK(handout->text_leading == defaults->text_leading);
    CHECK(handout->text_color == defaults->text_color);
    CHECK(handout->heading_color == defaults->heading_color);
    CHECK(handout->body_regular.path == defaults->body_regular.path);
}

TEST_CASE("an empty file is a profile with every default") {
    Loaded l("");
    REQUIRE(l.profile);
    CHECK(l.sink.diagnostics().empty());
    CHECK(l.profile->id == "custom");
    CHECK(l.profile->file == l.file);
    CHECK(l.profile->page_size.name == "A4");
    CHECK(l.profile->margin_top == doctest::Approx(25 * mm));
    CHECK(fs::is_regular_file(l.profile->body_regular.path));
    Loaded comments("# nothing here yet\n");
    CHECK(comments.profile);
    CHECK(comments.sink.diagnostics().empty());
}

TEST_CASE("keys not given keep their defaults") {
    Loaded l("page:\n  size: a5\n  margin:\n    top: 1cm\ntext:\n  align: left\n");
    REQUIRE(l.profile);
    CHECK(l.sink.diagnostics().empty());
    CHECK(l.profile->page_size.name == "A5");
    CHECK(l.profile->margin_top == doctest::Approx(10 * mm));
    CHECK(l.profile->margin_bottom == doctest::Approx(30 * mm));
    CHECK(l.profile->text_align == TextAlign::left);
    CHECK(l.profile->text_size == doctest::Approx(11));
    CHECK(l.profile->heading_color.css() == "#1f5c7a");
}

TEST_CASE("values of every type are read") {
    Loaded l(
        "name: Test\n"
        "description:\n"
        "fonts:\n"
        "page:\n"
        "  orientation: landscape\n"
        "  columns: 2\n"
        "  facing: yes\n"
        "text:\n"
        "  color: 'cmyk(0, 0, 0, 90)'\n"
        "  hyphenate: false\n"
        "footer:\n"
        "  text: \"{title}\"\n");
    INFO(all_messages(l.sink));
    REQUIRE(l.profile);
    CHECK(l.sink.diagnostics().empty());
    CHECK(l.profile->name == "Test");
    CHECK(l.profile->description.empty());
    CHECK(l.profile->page_width() == doctest::Approx(297 * mm));
    CHECK(l.profile->columns == 2);
    CHECK(l.profile->facing);
    CHECK(l.profile->text_color.space == Color::Space::cmyk);
    CHECK(l.profile->text_color.v[3] == doctest::Approx(0.9));
    CHECK_FALSE(l.profile->hyphenate);
    CHECK(l.profile->footer_text == "{title}");
}

TEST_CASE("unknown key: did you mean a sibling") {
    Loaded l("page:\n  magin:\n    top: 20mm\n");
    CHECK_FALSE(l.profile);
    const Diagnostic& d = l.only();
    CHECK(d.code == "unknown-key");
    check_place(d, l.file, 2, 3);
    CHECK(d.message == "unknown key 'magin' in 'page'; did you mean 'margin'?");
}

TEST_CASE("unknown key: did you mean a key elsewhere") {
    SUBCASE("a group at the wrong level") {
        Loaded l("name: x\nmargin:\n  top: 20mm\n");
        const Diagnostic& d = l.only();
        CHECK(d.code == "unknown-key");
        check_place(d, l.file, 2, 1);
        CHECK(d.message == "unknown key 'margin' in the profile; did you mean 'page.margin'?");
    }
    SUBCASE("a flattened path") {
        Loaded l("page:\n  margin_top: 20mm\n");
        const Diagnostic& d = l.only();
        check_place(d, l.file, 2, 3);
        CHECK(d.message == "unknown key 'margin_top' in 'page'; did you mean 'page.margin.top'?");
    }
    SUBCASE("a British spelling") {
        Loaded l("text:\n  colour: \"#000\"\n");
        CHECK(l.only().message == "unknown key 'colour' in 'text'; did you mean 'color'?");
    }
    SUBCASE("nothing close") {
        Loaded l("text:\n  wobble: 3\n");
        CHECK(l.only().message == "unknown key 'wobble' in 'text'");
    }
}

TEST_CASE("dotted keys are explained") {
    Loaded l("page.margin.top: 20mm\n");
    const Diagnostic& d = l.only();
    CHECK(d.code == "dotted-key");
    check_place(d, l.file, 1, 1);
    CHECK(d.message.find("nested maps") != std::string::npos);
}

TEST_CASE("a map where a value is expected") {
    Loaded l("text:\n  size:\n    value: 11pt\n");
    CHECK_FALSE(l.profile);
    const Diagnostic& d = l.only();
    CHECK(d.code == "wrong-type");
    check_place(d, l.file, 3, 5);
    CHECK(d.message == "expected a length such as 12pt or 4.5mm for 'text.size', found a map");
}

TEST_CASE("a value where a map is expected") {
    Loaded l("page:\n  margin: 20mm\n");
    const Diagnostic& d = l.only();
    CHECK(d.code == "expected-map");
    check_place(d, l.file, 2, 11);
    CHECK(d.message ==
          "expected a map with keys top, bottom, inner, outer for 'page.margin', found a string "
          "'20mm'");
    Loaded root("- a\n- b\n");
    CHECK(root.only().code == "expected-map");
    check_place(root.only(), root.file, 1, 1);
}

TEST_CASE("lengths need units") {
    Loaded l("page:\n  margin:\n    top: 12\n");
    const Diagnostic& d = l.only();
    CHECK(d.code == "bad-length");
    check_place(d, l.file, 3, 10);
    CHECK(d.message ==
          "expected a length such as 12pt or 4.5mm for 'page.margin.top', found '12'; a length "
          "needs a unit: mm, cm, in or pt");
    Loaded px("text:\n  size: 12px\n");
    CHECK(px.only().message.ends_with("unknown unit 'px'; use mm, cm, in or pt"));
    check_place(px.only(), px.file, 2, 9);
    Loaded spaced("page:\n  margin:\n    top: 25 px\n");
    CHECK(spaced.only().code == "bad-length");
    check_place(spaced.only(), spaced.file, 3, 10);
    CHECK(spaced.only().message ==
          "expected a length such as 12pt or 4.5mm for 'page.margin.top', found '25 px'; unknown "
          "unit 'px'; use mm, cm, in or pt");
    Loaded negative("text:\n  paragraph_spacing: -2pt\n");
    CHECK(negative.only().message.ends_with("lengths cannot be negative"));
}

TEST_CASE("colour syntax") {
    SUBCASE("bad hex") {
        Loaded l("text:\n  color: \"#12345\"\n");
        const Diagnostic& d = l.only();
        CHECK(d.code == "bad-color");
        check_place(d, l.file, 2, 10);
        CHECK(d.message.find("for 'text.color', found '#12345'; a hex colour has 3 or 6 digits") !=
              std::string::npos);
    }
    SUBCASE("cmyk out of range") {
        Loaded l("colors:\n  accent: cmyk(0, 0, 120, 0)\n");
        CHECK(l.only().code == "bad-color");
        CHECK(l.only().message.ends_with("cmyk values are percentages from 0 to 100"));
    }
    SUBCASE("an unquoted # is a YAML comment") {
        Loaded l("headings:\n  color: #1f5c7a\n");
        const Diagnostic& d = l.only();
        CHECK(d.code == "wrong-type");
        check_place(d, l.file, 2, 3);
        CHECK(d.message.find("found nothing; put colours in quotes") != std::string::npos);
    }
}

TEST_CASE("choices list the allowed values") {
    Loaded l("text:\n  align: centre\n");
    const Diagnostic& d = l.only();
    CHECK(d.code == "bad-choice");
    check_place(d, l.file, 2, 10);
    CHECK(d.message == "expected one of justify, left for 'text.align', found 'centre'");
    Loaded typo("page:\n  orientation: landscap\n");
    CHECK(typo.only().message ==
          "expected one of portrait, landscape for 'page.orientation', found 'landscap'; did you "
          "mean 'landscape'?");
}

TEST_CASE("integers and booleans") {
    Loaded many("page:\n  columns: 5\n");
    CHECK(many.only().code == "out-of-range");
    check_place(many.only(), many.file, 2, 12);
    CHECK(many.only().message == "'page.columns' must be between 1 and 4, found 5");
    Loaded zero("page:\n  columns: 0\n");
    CHECK(zero.only().code == "out-of-range");
    Loaded word("page:\n  columns: two\n");
    CHECK(word.only().code == "wrong-type");
    Loaded flag("text:\n  hyphenate: sometimes\n");
    CHECK(flag.only().code == "wrong-type");
    CHECK(flag.only().message == "expected true or false for 'text.hyphenate', found 'sometimes'");
    Loaded quoted("text:\n  hyphenate: \"true\"\n");
    CHECK(quoted.only().code == "wrong-type");
}

TEST_CASE("page sizes in a profile") {
    Loaded custom("page:\n  size: 148mm x 210mm\n");
    REQUIRE(custom.profile);
    CHECK(custom.profile->page_size.name.empty());
    CHECK(custom.profile->page_height() == doctest::Approx(210 * mm));
    Loaded bad("page:\n  size: A7\n");
    CHECK(bad.only().code == "bad-page-size");
    check_place(bad.only(), bad.file, 2, 9);
    CHECK(bad.only().message.find("A3, A4, A5, A6, B5, letter, legal") != std::string::npos);
}

TEST_CASE("fonts are found beside the profile first, then in the font folders") {
    test::TempFolder folder;
    fs::copy_file(source_dir / "fonts" / "Lato-Regular.ttf",
                  folder.path() / "CharisSIL-Regular.ttf");
    fs::copy_file(source_dir / "fonts" / "Lato-Bold.ttf", folder.path() / "House.ttf");
    fs::path file = folder.write("house.yaml", "fonts:\n  heading:\n    bold: House.ttf\n");
    SourceFiles sources;
    DiagnosticSink sink;
    auto profile = load_profile(file.string(), real_paths(), sources, sink);
    INFO(all_messages(sink));
    REQUIRE(profile);
    CHECK(profile->heading_bold.name == "House.ttf");
    CHECK(profile->heading_bold.path == folder.path() / "House.ttf");
    CHECK(profile->body_regular.path == folder.path() / "CharisSIL-Regular.ttf");
    CHECK(profile->body_bold.path == source_dir / "fonts" / "CharisSIL-Bold.ttf");
}

TEST_CASE("font files that are missing or not TrueType") {
    SUBCASE("missing") {
        Loaded l("fonts:\n  body:\n    regular: Nowhere.ttf\n");
        const Diagnostic& d = l.only();
        CHECK(d.code == "font-not-found");
        check_place(d, l.file, 3, 14);
        CHECK(d.message ==
              "font file 'Nowhere.ttf' for 'fonts.body.regular' not found; looked in " +
                  l.folder.path().generic_string() + ", " +
                  (source_dir / "fonts").generic_string());
    }
    SUBCASE("CFF outlines") {
        Loaded l("fonts:\n  mono:\n    bold: Cff.otf\n");
        l.folder.write("Cff.otf", std::string("OTTO\0\x0b\0\x80", 8));
        DiagnosticSink sink;
        SourceFiles sources;
        auto profile = load_profile(l.file.string(), real_paths(), sources, sink);
        CHECK_FALSE(profile);
        REQUIRE(sink.diagnostics().size() == 1);
        const Diagnostic& d = sink.diagnostics().front();
        CHECK(d.code == "unsupported-font");
        check_place(d, l.file, 3, 11);
        CHECK(d.message.ends_with(
            "CFF-flavoured OpenType fonts are not supported; use a TrueType (.ttf) font"));
    }
    SUBCASE("not a font") {
        Loaded l("fonts:\n  mono:\n    regular: notes.txt\n");
        l.folder.write("notes.txt", "hello, world");
        DiagnosticSink sink;
        SourceFiles sources;
        CHECK_FALSE(load_profile(l.file.string(), real_paths(), sources, sink));
        REQUIRE(sink.diagnostics().size() == 1);
        CHECK(sink.diagnostics().front().code == "not-a-font");
        CHECK(sink.diagnostics().front().message.ends_with("is not a TrueType/OpenType font file"));
    }
}

TEST_CASE("margins that leave no room for text") {
    Loaded wide("page:\n  margin:\n    inner: 100mm\n    outer: 120mm\n");
    CHECK_FALSE(wide.profile);
    const Diagnostic& d = wide.only();
    CHECK(d.code == "no-text-room");
    check_place(d, wide.file, 4, 12);
    CHECK(d.message ==
          "margins leave no room for text: inner 100mm + outer 120mm is not less than the page "
          "width 210mm");
    Loaded tall("page:\n  margin:\n    bottom: 280mm\n");
    CHECK(tall.only().code == "no-text-room");
    check_place(tall.only(), tall.file, 3, 13);
    Loaded small("page:\n  size: 60mm x 100mm\n");
    CHECK(small.only().code == "no-text-room");
    check_place(small.only(), small.file, 2, 9);
    Loaded turned("page:\n  size: 300mm x 100mm\n  orientation: landscape\n");
    CHECK(turned.profile);
}

TEST_CASE("column gaps that leave no room for text") {
    Loaded l("page:\n  columns: 4\n  column_gap: 50mm\n");
    CHECK_FALSE(l.profile);
    CHECK(l.only().code == "no-column-room");
    check_place(l.only(), l.file, 3, 15);
    Loaded fits("page:\n  columns: 2\n  column_gap: 50mm\n");
    CHECK(fits.profile);
}

TEST_CASE("leading tighter than the text size is a warning") {
    Loaded l("text:\n  size: 12pt\n  leading: 11pt\n");
    REQUIRE(l.profile);
    const Diagnostic& d = l.only();
    CHECK(d.severity == Severity::warning);
    CHECK(d.code == "tight-leading");
    check_place(d, l.file, 3, 12);
    Loaded zero("text:\n  size: 0\n");
    CHECK_FALSE(zero.profile);
    CHECK(zero.only().code == "out-of-range");
}

TEST_CASE("font expansion is limited to what does not distort the letters") {
    Loaded wide("breaking:\n  font_expansion: 0.2\n");
    CHECK_FALSE(wide.profile);
    CHECK(wide.only().code == "out-of-range");
    check_place(wide.only(), wide.file, 2, 19);
    Loaded off("breaking:\n  font_expansion: 0\n  protrusion: false\n");
    REQUIRE(off.profile);
    CHECK(off.profile->break_font_expansion == 0);
    CHECK_FALSE(off.profile->break_protrusion);
}

TEST_CASE("print production: a bleed beyond reason, a sheet beyond PDF, CMYK under PDF/A") {
    Loaded wide("bleed: 5cm\n");
    CHECK_FALSE(wide.profile);
    CHECK(wide.only().code == "out-of-range");
    check_place(wide.only(), wide.file, 1, 8);
    Loaded huge("page:\n  size: 3000mm x 3000mm\nimposition: booklet\n");
    CHECK_FALSE(huge.profile);
    CHECK(huge.only().code == "page-too-large");
    CHECK(huge.only().message ==
          "the printed sheet would be 6000mm x 3000mm; a PDF page may be at most 5080mm a side");
    Loaded archive("pdfa: true\nheadings:\n  color: cmyk(100, 40, 0, 20)\n");
    REQUIRE(archive.profile);
    const Diagnostic& d = archive.only();
    CHECK(d.severity == Severity::warning);
    CHECK(d.code == "pdfa-cmyk");
    check_place(d, archive.file, 3, 10);
    Loaded print("bleed: 3mm\ncrop_marks: true\nheadings:\n  color: cmyk(100, 40, 0, 20)\n");
    CHECK(print.profile);
    CHECK(print.sink.size() == 0);
}

TEST_CASE("several mistakes are all reported") {
    Loaded l("page:\n  magin: 1\n  columns: 9\ntext:\n  align: centre\n");
    CHECK_FALSE(l.profile);
    CHECK(l.sink.error_count() == 3);
}

TEST_CASE("YAML syntax errors and unreadable files") {
    Loaded l("page: [unclosed\n");
    CHECK_FALSE(l.profile);
    CHECK(l.only().code == "yaml-syntax");
    SourceFiles sources;
    DiagnosticSink sink;
    CHECK_FALSE(load_profile("does/not/exist.yaml", real_paths(), sources, sink));
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics().front().code == "read-error");
}

TEST_CASE("diagnostics can show the offending line") {
    Loaded l("text:\n  size: 11\n");
    std::string shown = format_diagnostic(l.only(), &l.sources);
    CHECK(shown.find("custom.yaml:2:9: error: expected a length") != std::string::npos);
    CHECK(shown.find("\n    size: 11\n          ^~\n") != std::string::npos);
}

TEST_CASE("unknown profile names list the available ones") {
    SourceFiles sources;
    DiagnosticSink sink;
    CHECK_FALSE(load_profile("a4-handot", real_paths(), sources, sink));
    REQUIRE(sink.diagnostics().size() == 1);
    const Diagnostic& d = sink.diagnostics().front();
    CHECK(d.code == "unknown-profile");
    CHECK(d.message.starts_with("unknown profile 'a4-handot' (available profiles: "));
    const bool listed = d.message.find("a4-handout, ") != std::string::npos ||
                        d.message.find("a4-handout)") != std::string::npos;
    CHECK(listed);
    CHECK(d.message.ends_with("; did you mean 'a4-handout'?"));
    test::TempFolder empty;
    DiagnosticSink none;
    CHECK_FALSE(load_profile("a4-handout", {{empty.path()}, {}}, sources, none));
    REQUIRE(none.diagnostics().size() == 1);
    CHECK(none.diagnostics().front().message ==
          "unknown profile 'a4-handout' (no profiles found in " + empty.path().generic_string() +
              ")");
}

TEST_CASE("profiles by name: the first layout folder wins") {
    test::TempFolder first;
    test::TempFolder second;
    first.write("leaflet.yaml", "name: First\n");
    second.write("leaflet.yaml", "name: Second\n");
    ProfilePaths paths{{first.path(), second.path()}, {source_dir / "fonts"}};
    SourceFiles sources;
    DiagnosticSink sink;
    auto profile = load_profile("leaflet", paths, sources, sink);
    REQUIRE(profile);
    CHECK(profile->name == "First");
    CHECK(profile->file == first.path() / "leaflet.yaml");
}

TEST_CASE("list_profiles") {
    test::TempFolder first;
    test::TempFolder second;
    first.write("b-booklet.yaml", "name: Booklet\ndescription: A5 booklet.\n");
    first.write("broken.yaml", "name: [unclosed\n");
    first.write("readme.txt", "not a profile\n");
    second.write("b-booklet.yaml", "name: Shadowed\n");
    second.write("a-card.yaml", "name: Card\n");
    second.write("list.yaml", "- just\n- a list\n");
    ProfilePaths paths{{first.path(), second.path(), first.path() / "missing"}, {}};
    auto found = list_profiles(paths);
    REQUIRE(found.size() == 4);
    CHECK(found[0].id == "a-card");
    CHECK(found[0].name == "Card");
    CHECK(found[0].file == second.path() / "a-card.yaml");
    CHECK(found[1].id == "b-booklet");
    CHECK(found[1].name == "Booklet");
    CHECK(found[1].description == "A5 booklet.");
    CHECK(found[2].id == "broken");
    CHECK(found[2].name.empty());
    CHECK(found[3].id == "list");
    auto real = list_profiles(real_paths());
    CHECK(std::any_of(real.begin(), real.end(), [](const ProfileInfo& p) {
        return p.id == "a4-handout" && p.name == "A4 handout";
    }));
}

TEST_CASE("default_profile") {
    DiagnosticSink sink;
    auto profile = default_profile(real_paths(), sink);
    REQUIRE(profile);
    CHECK(sink.diagnostics().empty());
    CHECK(profile->body_italic.path == source_dir / "fonts" / "CharisSIL-Italic.ttf");
    DiagnosticSink missing;
    CHECK_FALSE(default_profile(ProfilePaths{}, missing));
    // One error per font key (the default fallback list names one font):
    // every font is looked for, none is found.
    const auto font_keys =
        std::count_if(profile_keys().begin(), profile_keys().end(), [](const ProfileKey& k) {
            return k.type == ProfileType::Font || k.type == ProfileType::FontList;
        });
    CHECK(missing.error_count() == static_cast<std::size_t>(font_keys));
    CHECK(missing.diagnostics().front().code == "font-not-found");
    CHECK(missing.diagnostics().front().message.ends_with("looked in no font folders"));
}

TEST_CASE("a footer reaching into the text area is reported") {
    test::TempFolder dir;
    auto file = dir.write("low.yaml", "page:\n  margin:\n    bottom: 14mm\n");
    DiagnosticSink sink;
    SourceFiles sources;
    auto profile = load_profile(file.string(), real_paths(), sources, sink);
    REQUIRE(profile);
    REQUIRE(sink.warning_count() == 1);
    CHECK(sink.diagnostics()[0].code == "footer-in-text");
    CHECK(sink.diagnostics()[0].span.begin == SourcePos{3, 13});
}
