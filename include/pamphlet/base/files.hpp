// Reading the user's files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pamphlet {

// The whole file as bytes, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// The file's bytes handed to `take` a block at a time, to its end (for
// hashing a large file without holding it); false when it cannot be read.
// As read_file, only a regular file is opened: a folder or a named pipe is
// refused, never waited on.
bool read_file_in_blocks(const std::filesystem::path& path,
                         const std::function<void(std::string_view)>& take);

// A file read with a size limit (pamphlet/base/limits.hpp): the size is looked
// at before anything is read, so a huge file costs nothing.
struct FileRead {
    enum class Problem { none, missing, not_a_file, too_large, unreadable };
    Problem problem = Problem::none;
    std::string bytes;        // the content when problem == none
    std::uintmax_t size = 0;  // the file's size when known (too_large: how large)
    bool ok() const { return problem == Problem::none; }
};
FileRead read_file_limited(const std::filesystem::path& path, std::uintmax_t max_bytes);

// "is larger than the limit of 8 MiB (12.4 MiB)" and the like, for messages.
std::string describe_problem(const FileRead& read, std::uintmax_t max_bytes);

}  // namespace pamphlet
