// Writing systems of characters, for messages about text no font can set
// and for refusing right-to-left text: which script a character belongs to
// (HarfBuzz's Unicode data, in src/fonts), a readable name for it and a
// TrueType font that covers it.
#pragma once

#include <string>
#include <string_view>

namespace pamphlet {

// ISO 15924 tags pamphlet uses beyond HarfBuzz's own scripts.
inline constexpr std::string_view script_common = "Zyyy";     // punctuation, digits, symbols
inline constexpr std::string_view script_inherited = "Zinh";  // combining marks
inline constexpr std::string_view script_emoji = "Zsye";      // pictographs and emoticons

// The ISO 15924 tag of `c`'s script ("Latn", "Hani", "Arab"); emoji get
// script_emoji, although Unicode counts them as common.
std::string script_of(char32_t c);

// "Han", "Arabic", "Cyrillic"; "emoji" and "symbols" for those two; the
// tag itself for a script without a name in pamphlet's table.
std::string script_name(std::string_view tag);

// A TrueType font that covers the script ("Noto Sans SC"), for messages
// that tell the user what to add to a profile.
std::string script_font_hint(std::string_view tag);

// True for scripts written right to left (Arabic, Hebrew, Syriac, ...).
bool is_right_to_left(std::string_view tag);

}  // namespace pamphlet
