#include "pamphlet/base/dates.hpp"

namespace pamphlet {

namespace {

// The value of the ASCII digits `text`, or -1 if any character is not one.
int digits_value(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
}

}  // namespace

std::optional<CivilDate> parse_civil_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int year = digits_value(text.substr(0, 4));
    const int month = digits_value(text.substr(5, 2));
    const int day = digits_value(text.substr(8, 2));
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return CivilDate{year, month, day};
}

bool is_iso_date(std::string_view text) {
    return parse_civil_date(text).has_value();
}

long long days_since_epoch(const CivilDate& date) {
    // Howard Hinnant's days_from_civil: years start in March, so the leap
    // day is the last day of its year and needs no special case.
    const int year = date.year - (date.month <= 2 ? 1 : 0);
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int year_of_era = year - era * 400;
    const int day_of_year = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<long long>(era) * 146097 + day_of_era - 719468;
}

std::optional<long long> parse_iso_date(std::string_view text) {
    const std::optional<CivilDate> date = parse_civil_date(text);
    if (!date || date->year < 1970) return std::nullopt;
    return days_since_epoch(*date) * 86400;
}

}  // namespace pamphlet
