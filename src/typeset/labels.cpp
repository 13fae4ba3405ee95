#include "labels.hpp"

#include <array>

namespace pamphlet::typeset {

namespace {

const Labels german = {"Titelseite", "Rückseite", "Telefon",     "E-Mail",
                       "Web",        "Stand",     "Erstellt mit"};
const Labels english = {"Cover", "Back cover", "Phone", "Email", "Web", "Published", "Made with"};

constexpr std::array<std::string_view, 12> german_months = {
    "Januar", "Februar", "März",      "April",   "Mai",      "Juni",
    "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
constexpr std::array<std::string_view, 12> english_months = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool is_german(std::string_view lang) {
    return lang.substr(0, 2) == "de" && (lang.size() == 2 || lang[2] == '-');
}

// The value of two or four ASCII digits, or -1.
int digits_value(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

const Labels& labels_for(std::string_view lang) {
    return is_german(lang) ? german : english;
}

std::string human_date(std::string_view iso_date, std::string_view lang) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') {
        return std::string(iso_date);
    }
    const int year = digits_value(iso_date.substr(0, 4));
    const int month = digits_value(iso_date.substr(5, 2));
    const int day = digits_value(iso_date.substr(8, 2));
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso_date);
    const auto index = static_cast<std::size_t>(month - 1);
    const std::string day_text = std::to_string(day);
    const std::string year_text(iso_date.substr(0, 4));
    if (is_german(lang)) {
        return day_text + ". " + std::string(german_months[index]) + " " + year_text;
    }
    return day_text + " " + std::string(english_months[index]) + " " + year_text;
}

}  // namespace pamphlet::typeset
