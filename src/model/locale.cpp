#include "pamphlet/locale.hpp"

#include "pamphlet/base/dates.hpp"

#include <array>

namespace pamphlet {

namespace {

// Each word in German and in English side by side, so that neither
// language can miss one.
constexpr Words words_in(bool german) {
    auto say = [german](std::string_view de, std::string_view en) { return german ? de : en; };
    return {
        .contents = say("Inhalt", "Contents"),
        .landmarks = say("Orientierungspunkte", "Landmarks"),
        .pages = say("Seiten", "Pages"),
        .cover_image = say("Titelbild", "Cover"),
        .start = say("Beginn", "Start"),
        .colophon = say("Impressum", "Colophon"),
        .title_page = say("Titelseite", "Title page"),
        .front_cover = say("Titelseite", "Cover"),
        .back_cover = say("Rückseite", "Back cover"),
        .phone = say("Telefon", "Phone"),
        .email = say("E-Mail", "Email"),
        .website = say("Web", "Web"),
        .published = say("Stand", "Published"),
        .made_with = say("Erstellt mit", "Made with"),
        .accessibility_summary =
            say("Der Text ist vollständig als Text lesbar, mit Inhaltsverzeichnis, Überschriften "
                "für die Navigation und Alternativtexten für Abbildungen.",
                "All content is available as text, with a table of contents, headings for "
                "navigation and text alternatives for images."),
        .note = say("Hinweis", "Note"),
        .tip = say("Tipp", "Tip"),
        .important = say("Wichtig", "Important"),
        .warning = say("Warnung", "Warning"),
        .caution = say("Achtung", "Caution"),
        .table = say("Tabelle", "Table"),
        .footnotes = say("Fußnoten", "Footnotes"),
        .back_to_text = say("Zurück zum Text", "Back to text"),
        .task_done = say("erledigt", "done"),
        .task_open = say("offen", "to do"),
    };
}

constexpr Words german = words_in(true);
constexpr Words english = words_in(false);

constexpr std::array<std::string_view, 12> german_months = {
    "Januar", "Februar", "März",      "April",   "Mai",      "Juni",
    "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
constexpr std::array<std::string_view, 12> english_months = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool is_german(std::string_view lang) {
    return lang.substr(0, 2) == "de" && (lang.size() == 2 || lang[2] == '-');
}

}  // namespace

const Words& words_for(std::string_view lang) {
    return is_german(lang) ? german : english;
}

std::string human_date(std::string_view iso_date, std::string_view lang) {
    const std::optional<CivilDate> date = parse_civil_date(iso_date);
    if (!date) return std::string(iso_date);
    const auto month = static_cast<std::size_t>(date->month - 1);
    const std::string day = std::to_string(date->day);
    const std::string year(iso_date.substr(0, 4));
    if (is_german(lang)) return day + ". " + std::string(german_months[month]) + " " + year;
    return day + " " + std::string(english_months[month]) + " " + year;
}

// Digits and a leading plus only; the "(0)" trunk prefix is dropped as
// international dialling requires.
std::string tel_uri(std::string_view phone) {
    std::string text(phone);
    if (std::size_t trunk = text.find("(0)"); trunk != std::string::npos) text.erase(trunk, 3);
    std::string number;
    for (char c : text) {
        if ((c >= '0' && c <= '9') || (c == '+' && number.empty())) number += c;
    }
    return "tel:" + number;
}

std::string web_uri(std::string_view website) {
    if (website.find("://") != std::string_view::npos) return std::string(website);
    return "https://" + std::string(website);
}

bool is_language_tag(std::string_view tag) {
    // A primary subtag of 2-3 lower-case letters, then subtags of 2-8
    // letters or digits (region, script, variant).
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t part_begin = 0;
    for (std::size_t i = 0; i <= tag.size(); ++i) {
        if (i < tag.size() && tag[i] != '-') continue;
        const std::string_view part = tag.substr(part_begin, i - part_begin);
        if (part_begin == 0) {
            if (part.size() < 2 || part.size() > 3) return false;
            for (char c : part)
                if (c < 'a' || c > 'z') return false;
        } else {
            if (part.size() < 2 || part.size() > 8) return false;
            for (char c : part)
                if (!letter(c) && !digit(c)) return false;
        }
        part_begin = i + 1;
    }
    return true;
}

}  // namespace pamphlet
