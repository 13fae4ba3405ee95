#include "pamphlet/locale.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;

TEST_CASE("dates for people") {
    CHECK(human_date("2024-03-12", "de") == "12. März 2024");
    CHECK(human_date("2024-03-02", "en-GB") == "2 March 2024");
    CHECK(human_date("2024-03-02", "fr") == "2 March 2024");
    CHECK(human_date("Frühjahr 2024", "de") == "Frühjahr 2024");
    CHECK(human_date("2026-10-02", "de") == "2. Oktober 2026");
    CHECK(human_date("2026-10-02", "en-GB") == "2 October 2026");
    CHECK(human_date("autumn 2026", "en") == "autumn 2026");
}

TEST_CASE("words by primary language, English for the rest") {
    CHECK(words_for("de-AT").contents == "Inhalt");
    CHECK(words_for("en").contents == "Contents");
    CHECK(words_for("fr").back_cover == "Back cover");
    CHECK(words_for("den").contents == "Contents");
}

TEST_CASE("contact details as addresses") {
    CHECK(tel_uri("+49 (0)30 123 45-6") == "tel:+4930123456");
    CHECK(tel_uri("030 / 12 34 +5") == "tel:03012345");
    CHECK(web_uri("www.example.org") == "https://www.example.org");
    CHECK(web_uri("http://example.org/praxis") == "http://example.org/praxis");
}

TEST_CASE("language tags as books and phrases use them") {
    for (const char* tag : {"de", "en", "en-GB", "de-CH", "sr-Latn", "gsw", "es-419", "de-DE-1996"})
        CHECK_MESSAGE(is_language_tag(tag), tag);
    for (const char* tag : {"", "d", "deutsch", "EN", "en_GB", "en-", "-en", "en--GB", "en-G",
                            "en-abcdefghi", "de CH"})
        CHECK_FALSE_MESSAGE(is_language_tag(tag), tag);
}
