#include "pamphlet/base/files.hpp"

#include <fstream>
#include <sstream>

namespace pamphlet {

std::optional<std::string> read_file(const std::filesystem::path& path) {
    // A folder opens as a stream on Linux and reads as nothing: not a file.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(s).str();
}

}  // namespace pamphlet
