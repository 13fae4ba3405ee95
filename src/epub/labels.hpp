// The few words the book itself says (not the author), per language.
// German and English; every other language gets English.
#pragma once

#include <string>
#include <string_view>

namespace pamphlet::epub {

struct Labels {
    std::string_view contents;    // heading of the table of contents
    std::string_view landmarks;   // heading of the (hidden) landmarks list
    std::string_view cover;       // landmark title of the cover
    std::string_view start;       // landmark title of the first article
    std::string_view colophon;    // heading of the colophon page
    std::string_view title_page;  // <title> of the title page
    std::string_view phone;
    std::string_view email;
    std::string_view website;
    std::string_view published;  // before the date in the colophon
    std::string_view made_with;  // before the generator's name
    std::string_view accessibility_summary;
};

const Labels& labels_for(std::string_view lang);

// "2024-03-12" as "12. März 2024" / "12 March 2024"; other text unchanged.
std::string human_date(std::string_view iso_date, std::string_view lang);

// True for "YYYY", "YYYY-MM" and "YYYY-MM-DD" with plausible numbers.
bool is_iso_date(std::string_view text);

}  // namespace pamphlet::epub
