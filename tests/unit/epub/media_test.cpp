#include "names.hpp"
#include "utc_time.hpp"

#include <doctest/doctest.h>

using namespace pamphlet::epub;

TEST_CASE("UTC calendar time without the C library") {
    CHECK(format_w3c_utc(utc_from_epoch(0)) == "1970-01-01T00:00:00Z");
    CHECK(format_w3c_utc(utc_from_epoch(1710244800)) == "2024-03-12T12:00:00Z");
    CHECK(format_w3c_utc(utc_from_epoch(951782400)) == "2000-02-29T00:00:00Z");
    CHECK(format_w3c_utc(utc_from_epoch(4102444799)) == "2099-12-31T23:59:59Z");
    CHECK(format_w3c_utc(utc_from_epoch(-1)) == "1969-12-31T23:59:59Z");
}

TEST_CASE("file names are safe and unique") {
    CHECK(safe_stem("Knie Übung (1)", "x") == "Knie-bung-1");
    CHECK(safe_stem("???", "image") == "image");
    UniqueNames names;
    names.reserve("title.xhtml");
    CHECK(names.claim("title", ".xhtml") == "title-2.xhtml");
    CHECK(names.claim("knee", ".png") == "knee.png");
    CHECK(names.claim("knee", ".png") == "knee-2.png");
}
