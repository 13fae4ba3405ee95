// The few words the brochure itself says (not the author), per language.
// German and English; every other language gets English.
#pragma once

#include <string>
#include <string_view>

namespace pamphlet::typeset {

struct Labels {
    std::string_view cover;      // page label of the cover
    std::string_view back_page;  // page label of the back page
    std::string_view phone;
    std::string_view email;
    std::string_view website;
    std::string_view published;  // before the date on the back page
    std::string_view made_with;  // before the generator's name
};

const Labels& labels_for(std::string_view lang);

// "2026-10-02" as "2. Oktober 2026" / "2 October 2026"; other text unchanged.
std::string human_date(std::string_view iso_date, std::string_view lang);

}  // namespace pamphlet::typeset
