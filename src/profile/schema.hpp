// The schema as the loader uses it: each key of profile_keys() bound to its
// Profile member, and text-to-value conversion shared by defaults and files.
#pragma once

#include "pamphlet/profile.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pamphlet::profile {

// A choice key's member is an enum of its own type: it is set through the
// index of the value among the key's choices (the enumerator's value).
struct ChoiceMember {
    void (*set)(Profile& profile, std::size_t choice);
};

using Member = std::variant<double Profile::*, int Profile::*, bool Profile::*,
                            std::string Profile::*, Color Profile::*, PageSize Profile::*,
                            FontFile Profile::*, std::vector<FontFile> Profile::*, ChoiceMember>;

// The values a numeric key accepts, both ends included; in points for
// Length keys. The texts are the ends as profile_keys.def writes them, for
// messages ("between 0mm and 200mm").
struct ValueRange {
    double min;
    double max;
    std::string_view min_text;
    std::string_view max_text;
};

struct KeyBinding {
    const ProfileKey* key;
    Member member;
    std::optional<ValueRange> range;  // every Integer, Number and Length key
};

// Same order as profile_keys().
const std::vector<KeyBinding>& key_bindings();
const KeyBinding* find_binding(std::string_view path);

// True when some key lies below `prefix` ("page", "page.margin").
bool is_group(std::string_view prefix);
// The names directly below `prefix` ("" for the top level), in declaration order.
std::vector<std::string> child_names(std::string_view prefix);
// Every key path and every group path, for "did you mean" on misplaced keys.
std::vector<std::string> all_paths();

// The allowed values of a Choice key, in the order of its enumerators.
std::vector<std::string> choices_of(const ProfileKey& key);
// "a length such as 12pt or 4.5mm", "one of portrait, landscape", ...
std::string expected_value(const KeyBinding& binding);

struct ValueProblem {
    std::string code;     // stable diagnostic code, e.g. "bad-length"
    std::string message;  // complete message naming the key
};

// "'cover.image_height' must be between 0 and 0.75, found 5", or nullopt
// when `value` (written as `text`) lies in the binding's range.
std::optional<ValueProblem> check_range(const KeyBinding& binding, double value,
                                        std::string_view text);

// Converts `text` (a YAML scalar; `quoted` when written in quotes) for
// `binding` and stores it in `profile`. Font keys store the name only; the
// loader resolves the file. A font list given one scalar holds that font. The defaults in
// profile_keys.def go through here too, so they cannot drift from what users may write.
std::optional<ValueProblem> assign_value(Profile& profile, const KeyBinding& binding,
                                         std::string_view text, bool quoted);

// Stores the font names of a YAML sequence in a FontList key, each with
// the span it was written at.
std::optional<ValueProblem> assign_font_list(
    Profile& profile, const KeyBinding& binding,
    const std::vector<std::pair<std::string, SourceSpan>>& names);

// A profile holding every default value (fonts not yet resolved).
Profile defaults();

}  // namespace pamphlet::profile
