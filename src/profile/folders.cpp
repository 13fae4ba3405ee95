#include "folders.hpp"

#include <vector>

namespace pamphlet::profile {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> data_folders(const ProfilePaths& paths) {
    std::vector<fs::path> folders = paths.layout_dirs;
    folders.insert(folders.end(), paths.font_dirs.begin(), paths.font_dirs.end());
    folders.insert(folders.end(), paths.hyphenation_dirs.begin(), paths.hyphenation_dirs.end());
    return folders;
}

fs::path folder_of(const fs::path& file) {
    return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

}  // namespace

ProfileFolders::ProfileFolders(const fs::path& file, const ProfilePaths& paths)
    : own_folder_(folder_of(file).generic_string()) {
    std::vector<fs::path> folders = data_folders(paths);
    folders.push_back(folder_of(file));
    confinement_ = Confinement(folders);
}

ProfileFolders::ProfileFolders(const ProfilePaths& paths) : confinement_(data_folders(paths)) {}

std::string ProfileFolders::refusal(const fs::path& path) const {
    const Confinement::Place place = confinement_.place(path);
    if (place == Confinement::Place::inside) return {};
    std::string folders = "pamphlet's own layouts and fonts folders";
    if (!own_folder_.empty()) folders = "the profile's folder (" + own_folder_ + ") and " + folders;
    return (place == Confinement::Place::link_outside
                ? " leads outside " + folders + " through a symbolic link"
                : " is outside " + folders) +
           "; it is not read";
}

}  // namespace pamphlet::profile
