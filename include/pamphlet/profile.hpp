// Layout profiles (layouts/*.yaml): page, fonts, text, headings, colours.
// Every key is declared once, in profile_keys.def.
#pragma once

#include "pamphlet/color.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/page_size.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

struct FontFile {
    std::string name;            // as written in the profile
    std::filesystem::path path;  // resolved, existing file
    SourceSpan span = {};        // where a profile names it; no file for a default
};

// C++ type per schema type (a namespace of their own, so that the names of
// ProfileType's enumerators do not shadow them).
namespace profile_value {
using Length = double;  // in PostScript points (1/72 in)
using Number = double;
using Integer = int;
using Bool = bool;
using String = std::string;
using Color = pamphlet::Color;
using Font = FontFile;
using FontList = std::vector<FontFile>;  // tried in order
using PageSize = pamphlet::PageSize;
}  // namespace profile_value

enum class ProfileType {
    Length,
    Number,
    Integer,
    Bool,
    String,
    Color,
    Choice,
    Font,
    FontList,
    PageSize
};

struct ProfileKey {
    std::string_view path;  // "page.margin.top"
    ProfileType type;
    std::string_view default_value;  // as YAML text
    std::string_view help;
    std::string_view choices;  // "(justify, left)" for Choice keys: the enumerators
};

// The schema: every key in declaration order.
const std::vector<ProfileKey>& profile_keys();
std::string_view type_name(ProfileType t);  // "length", "colour", ...

// One enum per choice key (Profile::text_align is a TextAlign), its
// enumerators the values a profile may write.
#define PAMPHLET_ENUMERATORS(...) __VA_ARGS__
#define PAMPHLET_KEY(member, path, type, def, help)
#define PAMPHLET_CHOICE(member, path, Enum, values, def, help) \
    enum class Enum { PAMPHLET_ENUMERATORS values };
#include "pamphlet/profile_keys.def"
#undef PAMPHLET_KEY
#undef PAMPHLET_CHOICE
#undef PAMPHLET_ENUMERATORS

struct Profile {
    std::string id;              // file stem, e.g. "a4-handout"
    std::filesystem::path file;  // the YAML file it was read from
    // Every file of its `extends` chain, the farthest ancestor first and
    // `file` last: what the profile's values depend on (with its fonts).
    std::vector<std::filesystem::path> chain;
#define PAMPHLET_KEY(member, path, type, def, help) profile_value::type member{};
#define PAMPHLET_CHOICE(member, path, Enum, values, def, help) Enum member{};
#include "pamphlet/profile_keys.def"
#undef PAMPHLET_KEY
#undef PAMPHLET_CHOICE

    double page_width() const;  // orientation applied
    double page_height() const;
};

// Where profiles, fonts and hyphenation patterns are looked up.
struct ProfilePaths {
    std::vector<std::filesystem::path> layout_dirs;  // searched for NAME.yaml
    std::vector<std::filesystem::path> font_dirs;    // searched after the profile's own folder
    std::vector<std::filesystem::path> hyphenation_dirs = {};  // searched for hyph_*.dic
};

// Loads a profile by name (searched in layout_dirs) or by path (anything
// containing '/' or ending in .yaml). Unknown keys, wrong types, bad units
// and missing fonts are reported with their place; nullopt on error.
std::optional<Profile> load_profile(std::string_view name_or_path, const ProfilePaths& paths,
                                    SourceFiles& sources, DiagnosticSink& sink);

// The built-in defaults alone (all fonts resolved through paths.font_dirs).
std::optional<Profile> default_profile(const ProfilePaths& paths, DiagnosticSink& sink);

struct ProfileInfo {
    std::string id;
    std::string name;
    std::string description;
    std::filesystem::path file;
};
// Profiles found in layout_dirs, sorted by id; earlier dirs win.
std::vector<ProfileInfo> list_profiles(const ProfilePaths& paths);

// The key reference generated from the schema: a plain text table for
// `pamphlet profiles --keys`, or a Markdown table for the README.
std::string profile_keys_reference(bool markdown);

// "12pt", "4.5mm", "1in", "0.5cm" -> points. nullopt when malformed or
// without unit ("0" is accepted).
std::optional<double> parse_length(std::string_view text);
// "#1f5c7a", "#fff", "cmyk(0, 60, 100, 0)" (percent values 0-100).
std::optional<Color> parse_color(std::string_view text);
// "A4", "letter", "148mm x 210mm".
std::optional<PageSize> parse_page_size(std::string_view text);

}  // namespace pamphlet
