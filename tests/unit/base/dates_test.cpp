#include "pamphlet/base/dates.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace pamphlet;

TEST_CASE("ISO dates name real days, written YYYY-MM-DD") {
    for (std::string_view day : {"2024-03-18", "2000-02-29", "1970-01-01"}) {
        INFO(std::string(day));
        CHECK(is_iso_date(day));
        CHECK(parse_iso_date(day));
    }
    for (std::string_view other :
         {"1900-02-29", "2024-13-01", "2024-04-31", "2024-4-1", "18.03.2024", "2024-03-18T10:00",
          "2026-02-29", "2026-13-01", "2026-1-01", "yesterday", ""}) {
        INFO(std::string(other));
        CHECK_FALSE(is_iso_date(other));
        CHECK_FALSE(parse_iso_date(other));
    }
}

TEST_CASE("ISO dates as seconds since 1970") {
    CHECK(parse_iso_date("2026-11-01") == 1793491200);
    CHECK(parse_iso_date("2000-02-29") == 951782400);
    CHECK(parse_iso_date("1970-01-01") == 0);
    // A real day, but no timestamp.
    CHECK(is_iso_date("1969-12-31"));
    CHECK_FALSE(parse_iso_date("1969-12-31"));
}

TEST_CASE("civil dates count days either side of 1970") {
    const auto date = parse_civil_date("2024-02-29");
    REQUIRE(date);
    CHECK(date->year == 2024);
    CHECK(date->month == 2);
    CHECK(date->day == 29);
    CHECK(days_since_epoch(*date) == 19782);
    CHECK(days_since_epoch({1969, 12, 31}) == -1);
    CHECK(days_since_epoch({1900, 3, 1}) == -25508);
}
