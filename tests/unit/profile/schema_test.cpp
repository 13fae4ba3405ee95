#include "schema.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

using namespace pamphlet;

TEST_CASE("every key is declared once, with help and a parsable default") {
    std::set<std::string_view> paths;
    for (const auto& key : profile_keys()) {
        CAPTURE(key.path);
        CHECK(paths.insert(key.path).second);
        CHECK_FALSE(key.help.empty());
        CHECK(key.choices.empty() == (key.type != ProfileType::Choice));
        // The schema's own defaults go through the user-facing parser.
        Profile scratch;
        CHECK_FALSE(profile::assign_value(scratch, *profile::find_binding(key.path),
                                          key.default_value, false));
    }
    CHECK(paths.count("page.margin.top") == 1);
    CHECK(profile::key_bindings().size() == profile_keys().size());
}

TEST_CASE("no key path is also a group") {
    for (const auto& key : profile_keys()) {
        CAPTURE(key.path);
        CHECK_FALSE(profile::is_group(key.path));
    }
    CHECK(profile::is_group("page"));
    CHECK(profile::is_group("page.margin"));
    CHECK_FALSE(profile::is_group("pag"));
}

TEST_CASE("schema navigation") {
    CHECK(profile::child_names("page.margin") ==
          std::vector<std::string>{"top", "bottom", "inner", "outer"});
    auto top = profile::child_names("");
    CHECK(top.front() == "name");
    CHECK(std::count(top.begin(), top.end(), "page") == 1);
    CHECK(profile::choices_of(*profile::find_binding("page.orientation")->key) ==
          std::vector<std::string>{"portrait", "landscape"});
    auto columns = profile::find_binding("page.columns");
    REQUIRE(columns);
    REQUIRE(columns->range);
    CHECK(columns->range->min == 1);
    CHECK(columns->range->max == 4);
}

TEST_CASE("a choice key's value is parsed once, into the enumerator of the same name") {
    // Each value written in a profile lands on the enumerator spelled like
    // it: the enum and the accepted texts come from the same line of
    // profile_keys.def, in the same order.
    int choice_keys = 0;
#define PAMPHLET_KEY(member, path, type, def, help)
#define PAMPHLET_CHOICE(member, path, Enum, values, def, help)                              \
    {                                                                                       \
        ++choice_keys;                                                                      \
        const auto allowed = profile::choices_of(*profile::find_binding(path)->key);        \
        for (std::size_t i = 0; i < allowed.size(); ++i) {                                  \
            CAPTURE(allowed[i]);                                                            \
            Profile p;                                                                      \
            p.member = static_cast<Enum>(allowed.size() - 1 - i);                           \
            CHECK_FALSE(                                                                    \
                profile::assign_value(p, *profile::find_binding(path), allowed[i], false)); \
            CHECK(p.member == static_cast<Enum>(i));                                        \
        }                                                                                   \
    }
#include "pamphlet/profile_keys.def"
#undef PAMPHLET_KEY
#undef PAMPHLET_CHOICE
    CHECK(choice_keys == 3);

    Profile p;
    CHECK_FALSE(profile::assign_value(p, *profile::find_binding("imposition"), "booklet", false));
    CHECK(p.imposition == Imposition::booklet);
    CHECK_FALSE(profile::assign_value(p, *profile::find_binding("text.align"), "left", false));
    CHECK(p.text_align == TextAlign::left);
    const auto wrong =
        profile::assign_value(p, *profile::find_binding("text.align"), "lefft", false);
    REQUIRE(wrong);
    CHECK(wrong->code == "bad-choice");
    CHECK(p.text_align == TextAlign::left);  // unchanged
}

TEST_CASE("type names") {
    CHECK(type_name(ProfileType::Length) == "length");
    CHECK(type_name(ProfileType::Color) == "colour");
    CHECK(type_name(ProfileType::PageSize) == "page size");
    CHECK(type_name(ProfileType::Bool) == "boolean");
}

TEST_CASE("defaults hold the declared values") {
    Profile p = profile::defaults();
    CHECK(p.page_size.name == "A4");
    CHECK(p.page_orientation == PageOrientation::portrait);
    CHECK(p.columns == 1);
    CHECK(p.text_size == doctest::Approx(11));
    CHECK(p.hyphenate);
    CHECK_FALSE(p.facing);
    CHECK(p.text_align == TextAlign::justify);
    CHECK(p.heading_color.css() == "#1f5c7a");
    CHECK(p.body_regular.name == "CharisSIL-Regular.ttf");
    CHECK(p.footer_text == "{publisher}");
}

TEST_CASE("orientation swaps the page") {
    Profile p = profile::defaults();
    CHECK(p.page_width() < p.page_height());
    p.page_orientation = PageOrientation::landscape;
    CHECK(p.page_width() == doctest::Approx(p.page_size.height));
    CHECK(p.page_height() == doctest::Approx(p.page_size.width));
}

TEST_CASE("the keys reference lists every key") {
    std::string text = profile_keys_reference(false);
    std::string markdown = profile_keys_reference(true);
    for (const auto& key : profile_keys()) {
        CAPTURE(key.path);
        CHECK(text.find(std::string(key.path) + " ") != std::string::npos);
        CHECK(markdown.find("| `" + std::string(key.path) + "` |") != std::string::npos);
    }
    CHECK(markdown.rfind("| Key | Type | Default | Description |\n|---|---|---|---|\n", 0) == 0);
    CHECK(markdown.find("portrait\\|landscape") != std::string::npos);
    CHECK(text.find("portrait|landscape") != std::string::npos);
    CHECK(text.find("integer 1 to 4") != std::string::npos);
    CHECK(text.find("length 0mm to 1000mm") != std::string::npos);
    CHECK(markdown.find("| `cover.image_height` | number 0 to 0.75 |") != std::string::npos);
    // Plain text: the help goes under its key, wrapped.
    CHECK(text.find("\n    Distance from the top trim edge to the text area.\n") !=
          std::string::npos);
    for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
        end = text.find('\n', start);
        CHECK(end - start <= 100);
    }
}
