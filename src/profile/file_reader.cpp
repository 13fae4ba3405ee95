#include "file_reader.hpp"

#include "schema.hpp"

#include "pamphlet/base/strings.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace pamphlet::profile {
namespace {

std::string in_quotes(std::string_view s) {
    return "'" + std::string(s) + "'";
}

std::string join_path(std::string_view prefix, std::string_view name) {
    return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
}

std::string_view last_segment(std::string_view path) {
    return path.substr(path.rfind('.') + 1);
}

// The names a user may write directly below `prefix`: the schema's, and at
// the top level the `extends` directive, so that "extend" finds it.
std::vector<std::string> writable_names(std::string_view prefix) {
    std::vector<std::string> names = child_names(prefix);
    if (prefix.empty()) names.emplace_back(extends_directive);
    return names;
}

// A sibling first ("magin" → "margin"); then a full path, for keys put in
// the wrong place ("page.margin_top" → "page.margin.top", "margin" at the
// top level → "page.margin").
std::optional<std::string> suggest(const std::string& name, const std::string& written_path,
                                   const std::string& prefix,
                                   const std::vector<std::string>& paths) {
    if (auto sibling = closest_match(name, writable_names(prefix))) return sibling;
    if (auto path = closest_match(written_path, paths)) return path;
    for (const auto& path : paths)
        if (last_segment(path) == name) return path;
    std::vector<std::string> names;
    for (const auto& path : paths) names.emplace_back(last_segment(path));
    if (auto near = closest_match(name, names))
        for (const auto& path : paths)
            if (last_segment(path) == *near) return path;
    return std::nullopt;
}

}  // namespace

std::string describe(const yaml::Node& node) {
    std::string s{node.kind_name()};
    if (node.is_scalar()) s += " " + in_quotes(node.value);
    return s;
}

void FileReader::apply_root(const yaml::Node& root) {
    if (root.is_null()) return;
    if (!root.is_map()) {
        sink_.error(root.span, "expected-map",
                    "a layout profile is a map of keys such as " + join(child_names("")) +
                        "; found " + describe(root));
        return;
    }
    apply_map(root, "");
}

void FileReader::apply_map(const yaml::Node& map, const std::string& prefix) {
    for (const auto& [key, value] : map.entries) {
        if (prefix.empty() && key.value == extends_directive) continue;
        std::string path = join_path(prefix, key.value);
        // A dotted key would otherwise match its path by accident.
        const bool plain = key.value.find('.') == std::string::npos;
        if (const KeyBinding* binding = plain ? find_binding(path) : nullptr) {
            apply_value(*binding, key, value);
        } else if (plain && is_group(path)) {
            apply_group(path, value);
        } else {
            report_unknown(key, prefix);
        }
    }
}

void FileReader::apply_group(const std::string& path, const yaml::Node& value) {
    if (value.is_map()) {
        apply_map(value, path);
    } else if (!value.is_null()) {  // an empty group ("fonts:" alone) changes nothing
        sink_.error(value.span, "expected-map",
                    "expected a map with keys " + join(child_names(path)) + " for " +
                        in_quotes(path) + ", found " + describe(value));
    }
}

void FileReader::apply_value(const KeyBinding& binding, const yaml::Node& name,
                             const yaml::Node& value) {
    const ProfileKey& key = *binding.key;
    // An empty value has no place of its own (yaml-cpp puts it at the
    // next token); its key is where the user looks.
    const SourceSpan& span = value.is_null() ? name.span : value.span;
    written_[std::string(key.path)] = span;
    if (value.is_scalar()) {
        if (auto problem = assign_value(profile_, binding, value.value, value.quoted)) {
            sink_.error(value.span, problem->code, problem->message);
        } else {
            remember_font_place(binding, value.span);
        }
        return;
    }
    if (value.is_sequence() && key.type == ProfileType::FontList) {
        apply_font_list(binding, value);
        return;
    }
    if (value.is_null() && key.type == ProfileType::String) {
        profile_.*std::get<std::string Profile::*>(binding.member) = std::string();
        return;
    }
    std::string message = "expected " + expected_value(binding) + " for " + in_quotes(key.path) +
                          ", found " + describe(value);
    if (value.is_null() && key.type == ProfileType::Color)
        message += "; put colours in quotes (\"#1f5c7a\"): an unquoted # starts a YAML comment";
    sink_.error(span, "wrong-type", message);
}

// A font is reported where the file names it: a bad file, a missing one.
void FileReader::remember_font_place(const KeyBinding& binding, const SourceSpan& span) {
    if (binding.key->type == ProfileType::Font) {
        (profile_.*std::get<FontFile Profile::*>(binding.member)).span = span;
    } else if (binding.key->type == ProfileType::FontList) {
        for (FontFile& font : profile_.*std::get<std::vector<FontFile> Profile::*>(binding.member))
            font.span = span;
    }
}

void FileReader::apply_font_list(const KeyBinding& binding, const yaml::Node& list) {
    std::vector<std::pair<std::string, SourceSpan>> names;
    for (const yaml::Node& item : list.items) {
        if (!item.is_scalar()) {
            sink_.error(item.span, "wrong-type",
                        "expected " + expected_value(binding) + " for " +
                            in_quotes(binding.key->path) + ", found " + describe(item) +
                            " as an item");
            return;
        }
        names.emplace_back(item.value, item.span);
    }
    if (auto problem = assign_font_list(profile_, binding, names))
        sink_.error(list.span, problem->code, problem->message);
}

void FileReader::report_unknown(const yaml::Node& key, const std::string& prefix) {
    const std::string& name = key.value;
    const std::string written_path = join_path(prefix, name);
    const std::string where = prefix.empty() ? "the profile" : in_quotes(prefix);
    const std::vector<std::string> paths = all_paths();

    if (name.find('.') != std::string::npos &&
        std::find(paths.begin(), paths.end(), written_path) != paths.end()) {
        sink_.error(key.span, "dotted-key",
                    "unknown key " + in_quotes(name) + " in " + where +
                        "; profile keys are nested maps: write " + in_quotes(written_path) +
                        " as one key per level");
        return;
    }
    std::string message = "unknown key " + in_quotes(name) + " in " + where;
    if (auto suggestion = suggest(name, written_path, prefix, paths))
        message += "; did you mean " + in_quotes(*suggestion) + "?";
    sink_.error(key.span, "unknown-key", message);
}

}  // namespace pamphlet::profile
