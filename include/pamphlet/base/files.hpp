// Reading the user's files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pamphlet {

// The whole file as bytes, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace pamphlet
