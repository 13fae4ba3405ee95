#include "pamphlet/job.hpp"

#include <cstdlib>

namespace pamphlet {

std::string_view pamphlet_version() {
    return PAMPHLET_VERSION;
}

ProfilePaths find_data_paths() {
    namespace fs = std::filesystem;
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("PAMPHLET_DATA_DIR"); env && *env)
        candidates.emplace_back(env);
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "pamphlet");
    candidates.emplace_back(PAMPHLET_INSTALL_DATA_DIR);
    candidates.emplace_back(PAMPHLET_SOURCE_DATA_DIR);
    for (const auto& dir : candidates) {
        if (fs::is_directory(dir / "layouts", ec) && fs::is_directory(dir / "fonts", ec))
            return ProfilePaths{{dir / "layouts"}, {dir / "fonts"}, {dir / "hyphenation"}};
    }
    return ProfilePaths{};
}

}  // namespace pamphlet
