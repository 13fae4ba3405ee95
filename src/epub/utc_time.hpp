// Calendar time from seconds since 1970 in UTC, without the C library's
// time zone machinery (output must not depend on where it is built).
#pragma once

#include <string>

namespace pamphlet::epub {

struct UtcTime {
    int year = 1970;
    int month = 1;  // 1-12
    int day = 1;    // 1-31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

UtcTime utc_from_epoch(long long seconds);

// "2024-03-01T12:00:00Z", as dcterms:modified requires.
std::string format_w3c_utc(const UtcTime& time);

}  // namespace pamphlet::epub
