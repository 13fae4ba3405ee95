// The book's stylesheet, derived from the layout profile, and the font
// faces it selects. One table (font_rules in stylesheet.cpp) decides which
// elements use which face: the CSS is written from it and the same table
// tells which characters each embedded font must contain.
#pragma once

#include "pamphlet/profile.hpp"

#include <pugixml.hpp>

#include <array>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet::epub {

enum class FaceSlot {
    body_regular,
    body_italic,
    body_bold,
    body_bold_italic,
    heading_regular,
    heading_italic,
    heading_bold,
    heading_bold_italic,
    mono_regular,
    mono_bold,
};
inline constexpr std::size_t face_slot_count = 10;

struct FaceInfo {
    std::string_view name;    // "body-regular": file stem and manifest id suffix
    std::string_view family;  // CSS font-family name
    bool bold = false;
    bool italic = false;
    FontFile Profile::*font = nullptr;
};
const FaceInfo& face_info(FaceSlot slot);

// Characters each face renders, indexed by FaceSlot.
using FaceUsage = std::array<std::set<char32_t>, face_slot_count>;

// Adds the characters `page`'s body shows in each face. Hidden elements
// are skipped; list items add their marker characters. Characters readers
// insert themselves (hyphens, no-break space) are added to every used face.
// With `guard`, `usage` is written only while holding it (pages measured
// on two threads at once).
void collect_face_usage(const pugi::xml_document& page, FaceUsage& usage,
                        std::mutex* guard = nullptr);

// Characters added to faces beyond the text (list markers, hyphens a
// reader inserts); a font lacking them is no reason to warn.
bool is_supplementary_char(char32_t c);

struct EmbeddedFont {
    FaceSlot slot;
    std::string href;    // relative to EPUB/, e.g. "fonts/body-regular.ttf"
    std::string format;  // "truetype" or "opentype"
};

// Constructs of the book's pages that have rules of their own.
struct BookFeatures {
    bool tables = false;
    bool footnotes = false;
    bool callouts = false;
    bool tasks = false;   // list items with a check box
    bool deleted = false; // struck-out text
};

// css/book.css. Sizes are relative (em, unitless line height) so readers'
// font size settings keep working.
std::string book_stylesheet(const Profile& profile, const std::vector<EmbeddedFont>& fonts,
                            const BookFeatures& features = {});

// WCAG 2.2 contrast ratio of two colours (1 to 21), from their relative
// luminance; CMYK is converted as Color::css() does.
double contrast_ratio(const Color& a, const Color& b);

// Text of an accent colour keeps this contrast (WCAG 2.2 SC 1.4.3, level AA).
inline constexpr double minimum_text_contrast = 4.5;

// `color` for text that must stand out both on a white page and on a black
// one (a reader's dark theme that keeps the book's colours): unchanged when
// it does, else with its lightness moved as little as needed, hue and
// saturation kept. 8-bit sRGB, as written into the CSS.
Color reader_theme_accent(const Color& color);

// `value` with at most three decimals, no trailing zeros, no locale.
std::string css_number(double value);

}  // namespace pamphlet::epub
