// Calendar dates as collection.yaml and front matter write them: YYYY-MM-DD.
#pragma once

#include <optional>
#include <string_view>

namespace pamphlet {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
    int year = 1970;
    int month = 1;  // 1-12
    int day = 1;    // 1-31
};

// "2024-02-29" -> {2024, 2, 29}; nullopt unless the text is exactly
// YYYY-MM-DD and names a day that exists (leap years included).
std::optional<CivilDate> parse_civil_date(std::string_view text);

// True when parse_civil_date accepts `text`.
bool is_iso_date(std::string_view text);

// Days from 1970-01-01 to `date` (negative before it).
long long days_since_epoch(const CivilDate& date);

// "2026-11-01" -> seconds since 1970 at UTC midnight; nullopt if malformed or
// before 1970 (a timestamp for SOURCE_DATE_EPOCH and ZIP entries).
std::optional<long long> parse_iso_date(std::string_view text);

}  // namespace pamphlet
