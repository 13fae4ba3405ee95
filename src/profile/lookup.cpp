#include "lookup.hpp"

#include "file_reader.hpp"
#include "folders.hpp"

#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/base/strings.hpp"
#include "pamphlet/yaml.hpp"

#include <algorithm>
#include <string>
#include <system_error>
#include <vector>

namespace pamphlet {
namespace profile {

namespace fs = std::filesystem;

bool names_a_path(std::string_view s) {
    return s.find('/') != std::string_view::npos || s.ends_with(".yaml") || s.ends_with(".yml");
}

std::optional<fs::path> locate_profile(std::string_view name_or_path, const ProfilePaths& paths,
                                       const fs::path& base) {
    if (names_a_path(name_or_path)) {
        fs::path written{std::string(name_or_path)};
        return base.empty() ? written : (base / written).lexically_normal();
    }
    for (const auto& dir : paths.layout_dirs) {
        fs::path candidate = dir / (std::string(name_or_path) + ".yaml");
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

std::optional<fs::path> find_profile(std::string_view name_or_path, const ProfilePaths& paths,
                                     const fs::path& base, const SourceSpan& span,
                                     DiagnosticSink& sink) {
    if (auto found = locate_profile(name_or_path, paths, base)) return found;
    std::vector<std::string> ids;
    for (const auto& info : list_profiles(paths)) ids.push_back(info.id);
    std::string message = "unknown profile '" + std::string(name_or_path) + "'";
    if (ids.empty()) {
        std::vector<std::string> dirs;
        for (const auto& dir : paths.layout_dirs) dirs.push_back(dir.generic_string());
        message += " (no profiles found in " +
                   (dirs.empty() ? std::string("any folder") : join(dirs)) + ")";
    } else {
        message += " (available profiles: " + join(ids) + ")";
    }
    if (auto near = closest_match(name_or_path, ids)) message += "; did you mean '" + *near + "'?";
    sink.error(span, "unknown-profile", message);
    return std::nullopt;
}

fs::path file_identity(const fs::path& file) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(file, ec);
    if (!ec) return canonical;
    return fs::absolute(file, ec).lexically_normal();
}

namespace {

const yaml::Node* scalar_entry(const yaml::Node& root, std::string_view key) {
    const yaml::Node* node = root.is_map() ? root.find(key) : nullptr;
    return node && node->is_scalar() ? node : nullptr;
}

// Fills what `info` still lacks of name and description from `file`, then
// from the profiles it extends. Listing never fails: a broken file is still
// listed, its problems are reported when it is loaded. Parents are followed
// only where loading would follow them (`allowed`).
void read_listing(const fs::path& file, const ProfilePaths& paths, const ProfileFolders& allowed,
                  ProfileInfo& info, std::vector<fs::path>& seen) {
    seen.push_back(file_identity(file));
    const FileRead text = read_file_limited(file, limits::text_file_bytes);
    if (!text.ok()) return;
    DiagnosticSink ignored;
    auto root = yaml::parse(text.bytes, file.generic_string(), ignored);
    if (!root) return;
    if (const auto* name = scalar_entry(*root, "name"); name && info.name.empty())
        info.name = name->value;
    if (const auto* description = scalar_entry(*root, "description");
        description && info.description.empty())
        info.description = description->value;
    if (!info.name.empty() && !info.description.empty()) return;
    const auto* extends = scalar_entry(*root, extends_directive);
    if (!extends) return;
    auto parent = locate_profile(extends->value, paths, file.parent_path());
    if (!parent || !allowed.refusal(*parent).empty() ||
        std::find(seen.begin(), seen.end(), file_identity(*parent)) != seen.end())
        return;
    read_listing(*parent, paths, allowed, info, seen);
}

}  // namespace
}  // namespace profile

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
            std::vector<fs::path> seen;
            profile::read_listing(file, paths, profile::ProfileFolders(file, paths), info, seen);
            found.push_back(std::move(info));
        }
    }
    std::sort(found.begin(), found.end(),
              [](const ProfileInfo& a, const ProfileInfo& b) { return a.id < b.id; });
    return found;
}

}  // namespace pamphlet
