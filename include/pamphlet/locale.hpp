// The few words a book or brochure says itself (not its authors), per
// language, and the dates and contact addresses it writes. German and
// English; every other language gets English.
#pragma once

#include <string>
#include <string_view>

namespace pamphlet {

struct Words {
    std::string_view contents;     // heading of the table of contents
    std::string_view landmarks;    // heading of the EPUB's (hidden) landmarks list
    std::string_view pages;        // heading of the EPUB's (hidden) page list
    std::string_view cover_image;  // the EPUB's cover page: the picture alone
    std::string_view start;        // landmark title of the first article
    std::string_view colophon;     // heading of the EPUB's colophon page
    std::string_view title_page;   // the EPUB's title page
    std::string_view front_cover;  // page label of the brochure's first page
    std::string_view back_cover;   // page label of the brochure's last page
    std::string_view phone;
    std::string_view email;
    std::string_view website;
    std::string_view published;  // before the date of the collection
    std::string_view made_with;  // before the generator's name
    std::string_view accessibility_summary;
    // Labels of callouts ("> [!NOTE]" ...), in CalloutKind's order.
    std::string_view note;
    std::string_view tip;
    std::string_view important;
    std::string_view warning;
    std::string_view caution;
    std::string_view table;           // the name of a table without a caption
    std::string_view footnotes;       // the name of an article's footnotes
    std::string_view back_to_text;    // a footnote's link back to its reference
    std::string_view task_done;       // a list item's check box, ticked
    std::string_view task_open;       // ... and not
};

const Words& words_for(std::string_view lang);

// A BCP 47 language tag as people write it for books and phrases: "de",
// "en", "en-GB", "de-CH", "sr-Latn".
bool is_language_tag(std::string_view tag);

// "2024-03-12" as "12. März 2024" / "12 March 2024"; other text unchanged.
std::string human_date(std::string_view iso_date, std::string_view lang);

// "+49 (0)30 123 45-6" -> "tel:+4930123456".
std::string tel_uri(std::string_view phone);

// "www.example.org" -> "https://www.example.org"; an address with a scheme
// stays as it is.
std::string web_uri(std::string_view website);

}  // namespace pamphlet
