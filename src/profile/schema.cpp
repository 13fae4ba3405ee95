#include "schema.hpp"

#include "pamphlet/base/strings.hpp"

#include "values.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace pamphlet {
namespace profile {
namespace {

[[noreturn]] void bad_table(std::string_view path, std::string_view what) {
    std::fprintf(stderr, "%s:%d: internal error: profile_keys.def: '%.*s': %.*s\n", __FILE__,
                 __LINE__, static_cast<int>(path.size()), path.data(),
                 static_cast<int>(what.size()), what.data());
    std::abort();
}

// A range whose ends are lengths as a user writes them ("0mm", "200mm").
ValueRange length_range(std::string_view path, std::string_view min, std::string_view max) {
    auto low = read_length(min);
    auto high = read_length(max);
    if (!low.value || !high.value || *low.value > *high.value)
        bad_table(path, "the range of a length key must be two lengths, the smaller first");
    return ValueRange{*low.value, *high.value, min, max};
}

ValueRange number_range(std::string_view path, double min, double max, std::string_view min_text,
                        std::string_view max_text) {
    if (min > max) bad_table(path, "the smaller end of a range comes first");
    return ValueRange{min, max, min_text, max_text};
}

std::vector<KeyBinding> make_bindings() {
    const auto& keys = profile_keys();
    std::vector<KeyBinding> bindings;
    std::size_t i = 0;
#define PAMPHLET_KEY(member, path, type, def, help) \
    bindings.push_back(KeyBinding{&keys[i++], &Profile::member, std::nullopt});
#define PAMPHLET_CHOICE(member, path, Enum, values, def, help)                                  \
    bindings.push_back(KeyBinding{&keys[i++], ChoiceMember{[](Profile& p, std::size_t choice) { \
                                      p.member = static_cast<Enum>(choice);                     \
                                  }},                                                           \
                                  std::nullopt});
#define PAMPHLET_INTEGER(member, path, min, max, def, help) \
    bindings.push_back(                                     \
        KeyBinding{&keys[i++], &Profile::member, number_range(path, min, max, #min, #max)});
#define PAMPHLET_NUMBER(member, path, min, max, def, help) \
    bindings.push_back(                                    \
        KeyBinding{&keys[i++], &Profile::member, number_range(path, min, max, #min, #max)});
#define PAMPHLET_LENGTH(member, path, min, max, def, help) \
    bindings.push_back(KeyBinding{&keys[i++], &Profile::member, length_range(path, min, max)});
#include "pamphlet/profile_keys.def"
#undef PAMPHLET_KEY
#undef PAMPHLET_CHOICE
#undef PAMPHLET_INTEGER
#undef PAMPHLET_NUMBER
#undef PAMPHLET_LENGTH
    assert(i == keys.size());
    return bindings;
}

std::optional<bool> read_bool(std::string_view text) {
    // YAML 1.1's spellings, which yaml-cpp also reads as booleans.
    for (std::string_view yes : {"true", "yes", "on", "True", "Yes", "On", "TRUE", "YES", "ON"})
        if (text == yes) return true;
    for (std::string_view no : {"false", "no", "off", "False", "No", "Off", "FALSE", "NO", "OFF"})
        if (text == no) return false;
    return std::nullopt;
}

std::string quote(std::string_view s) {
    return "'" + std::string(s) + "'";
}

}  // namespace

const std::vector<KeyBinding>& key_bindings() {
    static const std::vector<KeyBinding> bindings = make_bindings();
    return bindings;
}

const KeyBinding* find_binding(std::string_view path) {
    for (const auto& b : key_bindings())
        if (b.key->path == path) return &b;
    return nullptr;
}

bool is_group(std::string_view prefix) {
    for (const auto& key : profile_keys())
        if (key.path.size() > prefix.size() && key.path.starts_with(prefix) &&
            key.path[prefix.size()] == '.')
            return true;
    return false;
}

std::vector<std::string> child_names(std::string_view prefix) {
    std::vector<std::string> names;
    for (const auto& key : profile_keys()) {
        std::string_view rest = key.path;
        if (!prefix.empty()) {
            if (!(rest.size() > prefix.size() && rest.starts_with(prefix) &&
                  rest[prefix.size()] == '.'))
                continue;
            rest.remove_prefix(prefix.size() + 1);
        }
        std::string name{rest.substr(0, rest.find('.'))};
        bool seen = false;
        for (const auto& n : names) seen = seen || n == name;
        if (!seen) names.push_back(std::move(name));
    }
    return names;
}

std::vector<std::string> all_paths() {
    std::vector<std::string> paths;
    auto add = [&](std::string_view p) {
        for (const auto& existing : paths)
            if (existing == p) return;
        paths.emplace_back(p);
    };
    for (const auto& key : profile_keys()) {
        std::string_view path = key.path;
        for (std::size_t dot = path.find('.'); dot != std::string_view::npos;
             dot = path.find('.', dot + 1))
            add(path.substr(0, dot));
        add(path);
    }
    return paths;
}

std::vector<std::string> choices_of(const ProfileKey& key) {
    // The enumerators as the preprocessor wrote them: "(portrait, landscape)".
    std::vector<std::string> out;
    std::string_view rest = key.choices;
    if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')')
        bad_table(key.path, "a choice key lists its values as (a, b)");
    rest = rest.substr(1, rest.size() - 2);
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string_view value = rest.substr(0, comma);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
        out.emplace_back(value);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

std::string expected_value(const KeyBinding& binding) {
    switch (binding.key->type) {
        case ProfileType::Length:
            return "a length such as 12pt or 4.5mm";
        case ProfileType::Number:
            return "a number";
        case ProfileType::Integer:
            if (binding.range)
                return "a whole number from " + std::string(binding.range->min_text) + " to " +
                       std::string(binding.range->max_text);
            return "a whole number";
        case ProfileType::Bool:
            return "true or false";
        case ProfileType::String:
            return "a string";
        case ProfileType::Color:
            return "a colour such as \"#1f5c7a\" or cmyk(0, 60, 100, 0)";
        case ProfileType::Choice:
            return "one of " + join(choices_of(*binding.key));
        case ProfileType::Font:
            return "a font file name such as CharisSIL-Regular.ttf";
        case ProfileType::FontList:
            return "a font file name or a list of them such as [NotoSansSC-Regular.ttf, "
                   "DejaVuSans.ttf]";
        case ProfileType::PageSize:
            return "a page size such as A4, letter or 148mm x 210mm";
    }
    return "a value";
}

std::optional<ValueProblem> check_range(const KeyBinding& binding, double value,
                                        std::string_view text) {
    if (!binding.range) return std::nullopt;
    const ValueRange& range = *binding.range;
    // Ends written in other units than the value ("2.5cm" against "25mm")
    // may differ in the last bits.
    auto slack = [](double end) { return 1e-9 * std::max(1.0, std::abs(end)); };
    if (value >= range.min - slack(range.min) && value <= range.max + slack(range.max))
        return std::nullopt;
    std::string_view found = text;
    while (!found.empty() && (found.front() == ' ' || found.front() == '\t'))
        found.remove_prefix(1);
    while (!found.empty() && (found.back() == ' ' || found.back() == '\t')) found.remove_suffix(1);
    return ValueProblem{"out-of-range", quote(binding.key->path) + " must be between " +
                                            std::string(range.min_text) + " and " +
                                            std::string(range.max_text) + ", found " +
                                            std::string(found)};
}

std::optional<ValueProblem> assign_value(Profile& profile, const KeyBinding& binding,
                                         std::string_view text, bool quoted) {
    const ProfileKey& key = *binding.key;
    auto problem = [&](std::string code, std::string_view why) {
        std::string message = "expected " + expected_value(binding) + " for " + quote(key.path) +
                              ", found " + quote(text);
        if (!why.empty()) message += "; " + std::string(why);
        return ValueProblem{std::move(code), std::move(message)};
    };
    switch (key.type) {
        case ProfileType::Length: {
            auto length = read_length(text);
            if (!length.value) return problem("bad-length", length.problem);
            if (auto out = check_range(binding, *length.value, text)) return out;
            profile.*std::get<double Profile::*>(binding.member) = *length.value;
            return std::nullopt;
        }
        case ProfileType::Number: {
            double number = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (quoted || ec == std::errc::invalid_argument || end != text.data() + text.size())
                return problem("wrong-type", {});
            // 1e999 overflows: out of any range, whatever from_chars left in `number`.
            if (ec == std::errc::result_out_of_range || !std::isfinite(number))
                number = std::numeric_limits<double>::infinity();
            if (auto out = check_range(binding, number, text)) return out;
            profile.*std::get<double Profile::*>(binding.member) = number;
            return std::nullopt;
        }
        case ProfileType::Integer: {
            int number = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (quoted || ec == std::errc::invalid_argument || end != text.data() + text.size())
                return problem("wrong-type", {});
            const double value = ec == std::errc::result_out_of_range
                                     ? std::numeric_limits<double>::infinity()
                                     : number;
            if (auto out = check_range(binding, value, text)) return out;
            profile.*std::get<int Profile::*>(binding.member) = number;
            return std::nullopt;
        }
        case ProfileType::Bool: {
            auto value = quoted ? std::nullopt : read_bool(text);
            if (!value) return problem("wrong-type", quoted ? "remove the quotes" : "");
            profile.*std::get<bool Profile::*>(binding.member) = *value;
            return std::nullopt;
        }
        case ProfileType::String:
            profile.*std::get<std::string Profile::*>(binding.member) = std::string(text);
            return std::nullopt;
        case ProfileType::Choice: {
            auto allowed = choices_of(key);
            for (std::size_t choice = 0; choice < allowed.size(); ++choice) {
                if (allowed[choice] == text) {
                    std::get<ChoiceMember>(binding.member).set(profile, choice);
                    return std::nullopt;
                }
            }
            std::string hint;
            if (auto near = closest_match(text, allowed))
                hint = "did you mean " + quote(*near) + "?";
            return problem("bad-choice", hint);
        }
        case ProfileType::Color: {
            auto color = read_color(text);
            if (!color.value) return problem("bad-color", color.problem);
            profile.*std::get<Color Profile::*>(binding.member) = *color.value;
            return std::nullopt;
        }
        case ProfileType::Font: {
            if (text.empty()) return problem("wrong-type", "the font file name is empty");
            FontFile& font = profile.*std::get<FontFile Profile::*>(binding.member);
            font.name = std::string(text);
            font.path.clear();
            return std::nullopt;
        }
        case ProfileType::FontList: {
            if (text.empty()) return problem("wrong-type", "the font file name is empty");
            profile.*std::get<std::vector<FontFile> Profile::*>(binding.member) = {
                FontFile{std::string(text), {}, {}}};
            return std::nullopt;
        }
        case ProfileType::PageSize: {
            auto size = read_page_size(text);
            if (!size.value) return problem("bad-page-size", size.problem);
            profile.*std::get<PageSize Profile::*>(binding.member) = *size.value;
            return std::nullopt;
        }
    }
    return problem("wrong-type", {});
}

std::optional<ValueProblem> assign_font_list(
    Profile& profile, const KeyBinding& binding,
    const std::vector<std::pair<std::string, SourceSpan>>& names) {
    if (names.empty())
        return ValueProblem{"wrong-type", "expected " + expected_value(binding) + " for " +
                                              quote(binding.key->path) + ", found an empty list"};
    std::vector<FontFile> fonts;
    for (const auto& [name, span] : names) {
        if (name.empty())
            return ValueProblem{"wrong-type", "expected " + expected_value(binding) + " for " +
                                                  quote(binding.key->path) +
                                                  "; a font file name in the list is empty"};
        fonts.push_back(FontFile{name, {}, span});
    }
    profile.*std::get<std::vector<FontFile> Profile::*>(binding.member) = std::move(fonts);
    return std::nullopt;
}

Profile defaults() {
    Profile profile;
    for (const auto& binding : key_bindings()) {
        // A default that doesn't parse is a bug in profile_keys.def, caught
        // in every build type, not only where assert() is on.
        if (auto problem = assign_value(profile, binding, binding.key->default_value, false)) {
            std::fprintf(stderr, "%s:%d: internal error: invalid default in profile_keys.def: %s\n",
                         __FILE__, __LINE__, problem->message.c_str());
            std::abort();
        }
    }
    return profile;
}

}  // namespace profile

const std::vector<ProfileKey>& profile_keys() {
    static const std::vector<ProfileKey> keys{
#define PAMPHLET_KEY(member, path, type, def, help) \
    ProfileKey{path, ProfileType::type, def, help, ""},
#define PAMPHLET_CHOICE(member, path, Enum, values, def, help) \
    ProfileKey{path, ProfileType::Choice, def, help, #values},
#include "pamphlet/profile_keys.def"
#undef PAMPHLET_KEY
#undef PAMPHLET_CHOICE
    };
    return keys;
}

std::string_view type_name(ProfileType t) {
    switch (t) {
        case ProfileType::Length:
            return "length";
        case ProfileType::Number:
            return "number";
        case ProfileType::Integer:
            return "integer";
        case ProfileType::Bool:
            return "boolean";
        case ProfileType::String:
            return "string";
        case ProfileType::Color:
            return "colour";
        case ProfileType::Choice:
            return "choice";
        case ProfileType::Font:
            return "font file";
        case ProfileType::FontList:
            return "font files";
        case ProfileType::PageSize:
            return "page size";
    }
    return "value";
}

double Profile::page_width() const {
    return page_orientation == PageOrientation::landscape ? page_size.height : page_size.width;
}

double Profile::page_height() const {
    return page_orientation == PageOrientation::landscape ? page_size.width : page_size.height;
}

}  // namespace pamphlet
