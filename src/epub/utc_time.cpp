#include "utc_time.hpp"

namespace pamphlet::epub {

namespace {

long long floor_div(long long a, long long b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

void append_padded(std::string& out, int value, int width) {
    std::string digits = std::to_string(value);
    if (digits.size() < static_cast<std::size_t>(width)) {
        out.append(static_cast<std::size_t>(width) - digits.size(), '0');
    }
    out += digits;
}

}  // namespace

UtcTime utc_from_epoch(long long seconds) {
    long long days = floor_div(seconds, 86400);
    long long rest = seconds - days * 86400;
    // Howard Hinnant's civil_from_days.
    long long z = days + 719468;
    long long era = floor_div(z, 146097);
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    UtcTime t;
    t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    t.year = static_cast<int>(yoe + era * 400 + (t.month <= 2 ? 1 : 0));
    t.hour = static_cast<int>(rest / 3600);
    t.minute = static_cast<int>(rest % 3600 / 60);
    t.second = static_cast<int>(rest % 60);
    return t;
}

std::string format_w3c_utc(const UtcTime& time) {
    std::string out;
    append_padded(out, time.year, 4);
    out += '-';
    append_padded(out, time.month, 2);
    out += '-';
    append_padded(out, time.day, 2);
    out += 'T';
    append_padded(out, time.hour, 2);
    out += ':';
    append_padded(out, time.minute, 2);
    out += ':';
    append_padded(out, time.second, 2);
    out += 'Z';
    return out;
}

}  // namespace pamphlet::epub
