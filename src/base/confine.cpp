#include "pamphlet/base/confine.hpp"

#include <cerrno>
#include <mutex>
#include <string>
#include <system_error>
#include <unordered_map>

#include <sys/stat.h>

namespace fs = std::filesystem;

namespace pamphlet {
namespace {

fs::path absolute_normal(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    return (ec ? path : absolute).lexically_normal();
}

}  // namespace

fs::path resolved_location(const fs::path& path) {
    const fs::path absolute = absolute_normal(path);
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(absolute, ec);
    // A path that cannot be resolved (a loop of links, a folder without
    // search permission) is judged as written; reading through it fails the
    // same way, so nothing outside is reached.
    if (ec) return absolute;
    return resolved;
}

bool lies_within(const fs::path& path, const fs::path& folder) {
    const fs::path relative = path.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

struct Confinement::Known {
    std::mutex mutex;
    std::unordered_map<std::string, Place> places;
    std::unordered_map<std::string, fs::path> folders;  // resolved_location of each
};

Confinement::Confinement(const std::vector<fs::path>& folders)
    : known_(std::make_shared<Known>()) {
    for (const auto& folder : folders)
        folders_.push_back(Folder{absolute_normal(folder), resolved_location(folder)});
}

Confinement::Place Confinement::place(const fs::path& path) const {
    if (!known_) return Place::outside;  // no folders: nothing is inside
    const std::string key = path.native();
    {
        const std::lock_guard<std::mutex> lock(known_->mutex);
        if (auto found = known_->places.find(key); found != known_->places.end())
            return found->second;
    }
    const Place answer = find_place(path);
    const std::lock_guard<std::mutex> lock(known_->mutex);
    known_->places.emplace(key, answer);
    return answer;
}

// resolved_location(path), with the folder it names resolved once for all
// the files in it: a name that is not a symbolic link (or not there) adds
// nothing to its folder's resolution. Hundreds of articles in one folder
// are then one walk of that folder and a lstat each.
fs::path Confinement::resolve(const fs::path& path) const {
    const fs::path absolute = absolute_normal(path);
    const fs::path name = absolute.filename();
    struct stat info {};
    const bool link_or_unknown =
        ::lstat(absolute.c_str(), &info) == 0 ? S_ISLNK(info.st_mode) : errno != ENOENT;
    if (name.empty() || name == "." || name == ".." || !absolute.has_parent_path() ||
        link_or_unknown) {
        return resolved_location(absolute);
    }
    const fs::path folder = absolute.parent_path();
    {
        const std::lock_guard<std::mutex> lock(known_->mutex);
        if (auto found = known_->folders.find(folder.native()); found != known_->folders.end())
            return found->second / name;
    }
    fs::path resolved = resolved_location(folder);
    const std::lock_guard<std::mutex> lock(known_->mutex);
    return known_->folders.try_emplace(folder.native(), std::move(resolved)).first->second / name;
}

Confinement::Place Confinement::find_place(const fs::path& path) const {
    const fs::path resolved = resolve(path);
    for (const auto& folder : folders_)
        if (lies_within(resolved, folder.resolved)) return Place::inside;
    const fs::path written = absolute_normal(path);
    for (const auto& folder : folders_)
        if (lies_within(written, folder.written)) return Place::link_outside;
    return Place::outside;
}

}  // namespace pamphlet
