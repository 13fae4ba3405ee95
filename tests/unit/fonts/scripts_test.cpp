#include "pamphlet/scripts.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;

TEST_CASE("a character's script is its ISO 15924 tag, emoji apart") {
    CHECK(script_of(U'a') == "Latn");
    CHECK(script_of(U'ß') == "Latn");
    CHECK(script_of(U'Ж') == "Cyrl");
    CHECK(script_of(U'漢') == "Hani");
    CHECK(script_of(U'ب') == "Arab");
    CHECK(script_of(U'ש') == "Hebr");
    CHECK(script_of(U'ก') == "Thai");
    CHECK(script_of(U'한') == "Hang");
    CHECK(script_of(U',') == script_common);
    CHECK(script_of(U'→') == script_common);
    CHECK(script_of(U'\u0301') == script_inherited);
    CHECK(script_of(U'😀') == script_emoji);
    CHECK(script_of(U'🩺') == script_emoji);
}

TEST_CASE("scripts have readable names and a TrueType font to suggest") {
    CHECK(script_name("Hani") == "Han");
    CHECK(script_name("Arab") == "Arabic");
    CHECK(script_name("Cyrl") == "Cyrillic");
    CHECK(script_name(script_emoji) == "emoji");
    CHECK(script_name(script_common) == "symbols");
    // A script the table does not name keeps its tag.
    CHECK(script_name("Adlm") == "Adlm");
    CHECK(script_font_hint("Hani") == "Noto Sans SC, TC or JP");
    CHECK(script_font_hint("Adlm") == "a Noto Sans font for Adlm");
}

TEST_CASE("right-to-left scripts are known by HarfBuzz's direction") {
    CHECK(is_right_to_left("Arab"));
    CHECK(is_right_to_left("Hebr"));
    CHECK(is_right_to_left("Syrc"));
    CHECK(is_right_to_left("Thaa"));
    CHECK(is_right_to_left("Adlm"));  // not in pamphlet's table, still right to left
    CHECK_FALSE(is_right_to_left("Latn"));
    CHECK_FALSE(is_right_to_left("Hani"));
    CHECK_FALSE(is_right_to_left(script_common));
    CHECK_FALSE(is_right_to_left(script_emoji));
    CHECK_FALSE(is_right_to_left(""));
}
