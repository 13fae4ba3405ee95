// Reading layouts/*.yaml: find the file, walk its nested maps against the
// schema, resolve fonts, then check the keys against each other.
#include "checks.hpp"

#include "font_files.hpp"
#include "pamphlet/base/files.hpp"
#include "pamphlet/base/strings.hpp"
#include "schema.hpp"

#include "pamphlet/profile.hpp"
#include "pamphlet/yaml.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace pamphlet {
namespace profile {
namespace {

namespace fs = std::filesystem;

std::string quote(std::string_view s) {
    return "'" + std::string(s) + "'";
}

std::string describe(const yaml::Node& node) {
    std::string s{node.kind_name()};
    if (node.is_scalar()) s += " " + quote(node.value);
    return s;
}

std::string join_path(std::string_view prefix, std::string_view name) {
    return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
}

std::string_view last_segment(std::string_view path) {
    return path.substr(path.rfind('.') + 1);
}

// Applies one YAML file to a profile that already holds the defaults.
class FileReader {
public:
    FileReader(Profile& profile, DiagnosticSink& sink) : profile_(profile), sink_(sink) {}

    void apply_root(const yaml::Node& root) {
        if (root.is_null()) return;
        if (!root.is_map()) {
            sink_.error(root.span, "expected-map",
                        "a layout profile is a map of keys such as " + join(child_names("")) +
                            "; found " + describe(root));
            return;
        }
        apply_map(root, "");
    }

    const WrittenKeys& written() const { return written_; }

private:
    void apply_map(const yaml::Node& map, const std::string& prefix) {
        for (const auto& [key, value] : map.entries) {
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

    void apply_group(const std::string& path, const yaml::Node& value) {
        if (value.is_map()) {
            apply_map(value, path);
        } else if (!value.is_null()) {  // an empty group ("fonts:" alone) changes nothing
            sink_.error(value.span, "expected-map",
                        "expected a map with keys " + join(child_names(path)) + " for " +
                            quote(path) + ", found " + describe(value));
        }
    }

    void apply_value(const KeyBinding& binding, const yaml::Node& name, const yaml::Node& value) {
        const ProfileKey& key = *binding.key;
        // An empty value has no place of its own (yaml-cpp puts it at the
        // next token); its key is where the user looks.
        const SourceSpan& span = value.is_null() ? name.span : value.span;
        written_[std::string(key.path)] = span;
        if (value.is_scalar()) {
            if (auto problem = assign_value(profile_, binding, value.value, value.quoted))
                sink_.error(value.span, problem->code, problem->message);
            return;
        }
        if (value.is_null() && key.type == ProfileType::String) {
            profile_.*std::get<std::string Profile::*>(binding.member) = std::string();
            return;
        }
        std::string message = "expected " + expected_value(binding) + " for " + quote(key.path) +
                              ", found " + describe(value);
        if (value.is_null() && key.type == ProfileType::Color)
            message += "; put colours in quotes (\"#1f5c7a\"): an unquoted # starts a YAML comment";
        sink_.error(span, "wrong-type", message);
    }

    void report_unknown(const yaml::Node& key, const std::string& prefix) {
        const std::string& name = key.value;
        const std::string written_path = join_path(prefix, name);
        const std::string where = prefix.empty() ? "the profile" : quote(prefix);
        const std::vector<std::string> paths = all_paths();

        if (name.find('.') != std::string::npos &&
            std::find(paths.begin(), paths.end(), written_path) != paths.end()) {
            sink_.error(key.span, "dotted-key",
                        "unknown key " + quote(name) + " in " + where +
                            "; profile keys are nested maps: write " + quote(written_path) +
                            " as one key per level");
            return;
        }
        std::string message = "unknown key " + quote(name) + " in " + where;
        if (auto suggestion = suggest(name, written_path, prefix, paths))
            message += "; did you mean " + quote(*suggestion) + "?";
        sink_.error(key.span, "unknown-key", message);
    }

    // A sibling first ("magin" → "margin"); then a full path, for keys put in
    // the wrong place ("page.margin_top" → "page.margin.top", "margin" at the
    // top level → "page.margin").
    static std::optional<std::string> suggest(const std::string& name,
                                              const std::string& written_path,
                                              const std::string& prefix,
                                              const std::vector<std::string>& paths) {
        if (auto sibling = closest_match(name, child_names(prefix))) return sibling;
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

    Profile& profile_;
    DiagnosticSink& sink_;
    WrittenKeys written_;
};

// Every Font key gets its file: `dirs` in order; `written` says where the
// profile named it, so a missing file points at that line.
void resolve_fonts(Profile& profile, const std::vector<fs::path>& dirs, const WrittenKeys& written,
                   const SourceSpan& fallback, DiagnosticSink& sink) {
    for (const auto& binding : key_bindings()) {
        if (binding.key->type != ProfileType::Font) continue;
        FontFile& font = profile.*std::get<FontFile Profile::*>(binding.member);
        if (font.name.empty()) continue;  // already reported
        auto it = written.find(binding.key->path);
        const SourceSpan& span = it != written.end() ? it->second : fallback;
        if (auto path = resolve_font(font.name, binding.key->path, dirs, span, sink))
            font.path = *path;
    }
}

bool names_a_path(std::string_view s) {
    return s.find('/') != std::string_view::npos || s.ends_with(".yaml") || s.ends_with(".yml");
}

std::optional<fs::path> find_profile(std::string_view name_or_path, const ProfilePaths& paths,
                                     DiagnosticSink& sink) {
    if (names_a_path(name_or_path)) return fs::path(std::string(name_or_path));
    for (const auto& dir : paths.layout_dirs) {
        fs::path candidate = dir / (std::string(name_or_path) + ".yaml");
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) return candidate;
    }
    std::vector<std::string> ids;
    for (const auto& info : list_profiles(paths)) ids.push_back(info.id);
    std::string message = "unknown profile " + quote(name_or_path);
    if (ids.empty()) {
        std::vector<std::string> dirs;
        for (const auto& dir : paths.layout_dirs) dirs.push_back(dir.generic_string());
        message += " (no profiles found in " +
                   (dirs.empty() ? std::string("any folder") : join(dirs)) + ")";
    } else {
        message += " (available profiles: " + join(ids) + ")";
    }
    if (auto near = closest_match(name_or_path, ids))
        message += "; did you mean " + quote(*near) + "?";
    sink.error(SourceSpan{}, "unknown-profile", message);
    return std::nullopt;
}

}  // namespace
}  // namespace profile

std::optional<Profile> load_profile(std::string_view name_or_path, const ProfilePaths& paths,
                                    SourceFiles& sources, DiagnosticSink& sink) {
    namespace fs = std::filesystem;
    const std::size_t errors_before = sink.error_count();
    auto file = profile::find_profile(name_or_path, paths, sink);
    if (!file) return std::nullopt;
    const std::string shown = file->generic_string();

    auto text = read_file(*file);
    if (!text) {
        std::error_code ec;
        sink.error(SourceSpan::whole(shown), "read-error",
                   fs::exists(*file, ec) ? "cannot read profile file " + shown
                                         : "profile file " + shown + " does not exist");
        return std::nullopt;
    }
    sources.add(shown, *text);
    auto root = yaml::parse(*text, shown, sink);
    if (!root) return std::nullopt;

    Profile result = profile::defaults();
    result.id = file->stem().string();
    result.file = *file;
    profile::FileReader reader(result, sink);
    reader.apply_root(*root);

    fs::path folder = file->parent_path();
    std::vector<fs::path> font_dirs{folder.empty() ? fs::path(".") : folder};
    font_dirs.insert(font_dirs.end(), paths.font_dirs.begin(), paths.font_dirs.end());
    const SourceSpan whole_file = SourceSpan::whole(shown);
    profile::resolve_fonts(result, font_dirs, reader.written(), whole_file, sink);

    // Geometry checks on values that already failed would only repeat them.
    if (sink.error_count() == errors_before)
        profile::check_consistency(result, reader.written(), whole_file, sink);
    if (sink.error_count() != errors_before) return std::nullopt;
    return result;
}

std::optional<Profile> default_profile(const ProfilePaths& paths, DiagnosticSink& sink) {
    const std::size_t errors_before = sink.error_count();
    Profile result = profile::defaults();
    result.id = "default";
    profile::resolve_fonts(result, paths.font_dirs, {}, SourceSpan{}, sink);
    if (sink.error_count() == errors_before)
        profile::check_consistency(result, {}, SourceSpan{}, sink);
    if (sink.error_count() != errors_before) return std::nullopt;
    return result;
}

std::vector<ProfileInfo> list_profiles(const ProfilePaths& paths) {
    namespace fs = std::filesystem;
    std::vector<ProfileInfo> found;
    for (const auto& dir : paths.layout_dirs) {
        std::error_code ec;
        fs::directory_iterator it(dir, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            const fs::path& file = it->path();
            std::error_code type_ec;
            if (file.extension() != ".yaml" || !it->is_regular_file(type_ec)) continue;
            std::string id = file.stem().string();
            bool shadowed = std::any_of(found.begin(), found.end(),
                                        [&](const ProfileInfo& p) { return p.id == id; });
            if (shadowed) continue;
            ProfileInfo info{id, {}, {}, file};
            // Listing never fails: a broken file is still listed, its problems
            // are reported when it is loaded.
            DiagnosticSink ignored;
            if (auto text = read_file(file)) {
                if (auto root = yaml::parse(*text, file.generic_string(), ignored)) {
                    if (const auto* name = root->is_map() ? root->find("name") : nullptr)
                        if (name->is_scalar()) info.name = name->value;
                    if (const auto* description =
                            root->is_map() ? root->find("description") : nullptr)
                        if (description->is_scalar()) info.description = description->value;
                }
            }
            found.push_back(std::move(info));
        }
    }
    std::sort(found.begin(), found.end(),
              [](const ProfileInfo& a, const ProfileInfo& b) { return a.id < b.id; });
    return found;
}

}  // namespace pamphlet
