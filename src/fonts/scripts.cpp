// Scripts from HarfBuzz's Unicode data; names and font hints from a table of
// the scripts patient articles are likely to meet.
#include "pamphlet/scripts.hpp"

#include <hb.h>

#include <array>

namespace pamphlet {

namespace {

struct KnownScript {
    std::string_view tag;
    std::string_view name;
    std::string_view font;  // TrueType (glyf outlines), as pamphlet needs
};

// Google Fonts serves the Noto families as TrueType; the CJK ones by region.
constexpr std::array known_scripts{
    KnownScript{"Latn", "Latin", "Noto Sans"},
    KnownScript{"Grek", "Greek", "Noto Sans"},
    KnownScript{"Cyrl", "Cyrillic", "Noto Sans"},
    KnownScript{"Armn", "Armenian", "Noto Sans Armenian"},
    KnownScript{"Geor", "Georgian", "Noto Sans Georgian"},
    KnownScript{"Hebr", "Hebrew", "Noto Sans Hebrew"},
    KnownScript{"Arab", "Arabic", "Noto Naskh Arabic"},
    KnownScript{"Syrc", "Syriac", "Noto Sans Syriac"},
    KnownScript{"Thaa", "Thaana", "Noto Sans Thaana"},
    KnownScript{"Deva", "Devanagari", "Noto Sans Devanagari"},
    KnownScript{"Beng", "Bengali", "Noto Sans Bengali"},
    KnownScript{"Guru", "Gurmukhi", "Noto Sans Gurmukhi"},
    KnownScript{"Gujr", "Gujarati", "Noto Sans Gujarati"},
    KnownScript{"Orya", "Oriya", "Noto Sans Oriya"},
    KnownScript{"Taml", "Tamil", "Noto Sans Tamil"},
    KnownScript{"Telu", "Telugu", "Noto Sans Telugu"},
    KnownScript{"Knda", "Kannada", "Noto Sans Kannada"},
    KnownScript{"Mlym", "Malayalam", "Noto Sans Malayalam"},
    KnownScript{"Sinh", "Sinhala", "Noto Sans Sinhala"},
    KnownScript{"Thai", "Thai", "Noto Sans Thai"},
    KnownScript{"Laoo", "Lao", "Noto Sans Lao"},
    KnownScript{"Tibt", "Tibetan", "Noto Serif Tibetan"},
    KnownScript{"Mymr", "Myanmar", "Noto Sans Myanmar"},
    KnownScript{"Khmr", "Khmer", "Noto Sans Khmer"},
    KnownScript{"Ethi", "Ethiopic", "Noto Sans Ethiopic"},
    KnownScript{"Mong", "Mongolian", "Noto Sans Mongolian"},
    KnownScript{"Tfng", "Tifinagh", "Noto Sans Tifinagh"},
    KnownScript{"Hani", "Han", "Noto Sans SC, TC or JP"},
    KnownScript{"Hira", "Hiragana", "Noto Sans JP"},
    KnownScript{"Kana", "Katakana", "Noto Sans JP"},
    KnownScript{"Hang", "Hangul", "Noto Sans KR"},
    KnownScript{"Bopo", "Bopomofo", "Noto Sans TC"},
    KnownScript{"Zsye", "emoji", "Noto Emoji"},
    KnownScript{"Zyyy", "symbols", "Noto Sans Symbols 2"},
    KnownScript{"Zinh", "combining marks", "Noto Sans"},
};

const KnownScript* find_known(std::string_view tag) {
    for (const KnownScript& known : known_scripts)
        if (known.tag == tag) return &known;
    return nullptr;
}

// Unicode counts emoji as common; readers call them emoji. The blocks of
// pictographs and emoticons, U+1F000 to U+1FAFF (the older symbol blocks
// at U+2600 mix emoji with text symbols and stay "symbols").
bool is_emoji(char32_t c) {
    return c >= 0x1F000 && c <= 0x1FAFF;
}

std::string tag_text(hb_tag_t tag) {
    char text[4];
    hb_tag_to_string(tag, text);
    return std::string(text, sizeof text);
}

hb_script_t script_from_tag(std::string_view tag) {
    return hb_script_from_string(tag.data(), static_cast<int>(tag.size()));
}

}  // namespace

std::string script_of(char32_t c) {
    if (is_emoji(c)) return std::string(script_emoji);
    const hb_script_t script =
        hb_unicode_script(hb_unicode_funcs_get_default(), static_cast<hb_codepoint_t>(c));
    if (script == HB_SCRIPT_INVALID || script == HB_SCRIPT_UNKNOWN)
        return std::string(script_common);
    return tag_text(hb_script_to_iso15924_tag(script));
}

std::string script_name(std::string_view tag) {
    if (const KnownScript* known = find_known(tag)) return std::string(known->name);
    return std::string(tag);
}

std::string script_font_hint(std::string_view tag) {
    if (const KnownScript* known = find_known(tag)) return std::string(known->font);
    return "a Noto Sans font for " + std::string(tag);
}

bool is_right_to_left(std::string_view tag) {
    if (tag.size() != 4) return false;
    return hb_script_get_horizontal_direction(script_from_tag(tag)) == HB_DIRECTION_RTL;
}

}  // namespace pamphlet
