#include "labels.hpp"

#include <array>
#include <cctype>

namespace pamphlet::epub {

namespace {

const Labels german = {
    "Inhalt",
    "Orientierungspunkte",
    "Titelbild",
    "Beginn",
    "Impressum",
    "Titelseite",
    "Telefon",
    "E-Mail",
    "Web",
    "Stand",
    "Erstellt mit",
    "Der Text ist vollständig als Text lesbar, mit Inhaltsverzeichnis, Überschriften für die "
    "Navigation und Alternativtexten für Abbildungen.",
};

const Labels english = {
    "Contents",
    "Landmarks",
    "Cover",
    "Start",
    "Colophon",
    "Title page",
    "Phone",
    "Email",
    "Web",
    "Published",
    "Made with",
    "All content is available as text, with a table of contents, headings for navigation and "
    "text alternatives for images.",
};

constexpr std::array<std::string_view, 12> german_months = {
    "Januar", "Februar", "März",      "April",   "Mai",      "Juni",
    "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
constexpr std::array<std::string_view, 12> english_months = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool primary_language_is(std::string_view lang, std::string_view code) {
    return lang.substr(0, code.size()) == code &&
           (lang.size() == code.size() || lang[code.size()] == '-');
}

int digits_value(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

const Labels& labels_for(std::string_view lang) {
    return primary_language_is(lang, "de") ? german : english;
}

bool is_iso_date(std::string_view text) {
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
    if (digits_value(text.substr(0, 4)) < 0) return false;
    if (text.size() >= 7) {
        int month = digits_value(text.substr(5, 2));
        if (text[4] != '-' || month < 1 || month > 12) return false;
    }
    if (text.size() == 10) {
        int day = digits_value(text.substr(8, 2));
        if (text[7] != '-' || day < 1 || day > 31) return false;
    }
    return true;
}

std::string human_date(std::string_view iso_date, std::string_view lang) {
    if (iso_date.size() != 10 || !is_iso_date(iso_date)) return std::string(iso_date);
    int month = digits_value(iso_date.substr(5, 2));
    int day = digits_value(iso_date.substr(8, 2));
    std::string year(iso_date.substr(0, 4));
    std::string day_text = std::to_string(day);
    auto index = static_cast<std::size_t>(month - 1);
    if (primary_language_is(lang, "de")) {
        return day_text + ". " + std::string(german_months[index]) + " " + year;
    }
    return day_text + " " + std::string(english_months[index]) + " " + year;
}

}  // namespace pamphlet::epub
