// The folders a profile may name files in: its own and pamphlet's data
// folders (layouts, fonts, hyphenation patterns). A profile passed around
// between clinics must not pull /etc/passwd in through `extends`, nor a
// private file in as a font.
#pragma once

#include "pamphlet/base/confine.hpp"
#include "pamphlet/profile.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace pamphlet::profile {

class ProfileFolders {
public:
    // For the profile `file` the user asked for (by path or by name).
    ProfileFolders(const std::filesystem::path& file, const ProfilePaths& paths);
    // pamphlet's data folders alone, for the built-in defaults.
    explicit ProfileFolders(const ProfilePaths& paths);

    // Empty when `path` may be read; otherwise why not, to follow the path
    // as the user wrote it: " is outside the profile's folder (x) and …".
    std::string refusal(const std::filesystem::path& path) const;

private:
    Confinement confinement_;
    std::string own_folder_;  // as the user named it; empty for the defaults
};

}  // namespace pamphlet::profile
