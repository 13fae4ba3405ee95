#include "pamphlet/base/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pamphlet {

namespace {

// read(2) until `size` bytes or the end of the file; -1 on an error.
std::ptrdiff_t read_up_to(int fd, char* data, std::size_t size) {
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, data + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    return static_cast<std::ptrdiff_t>(got);
}

// `path` opened for reading when it is a regular file (checked once open,
// not blocking: a file swapped for a pipe must not hang the build), with
// its status; -1 otherwise.
int open_regular(const std::filesystem::path& path, struct stat& info) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return -1;
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// The same, after a look at what `path` names: a folder, a pipe or a
// device is not even opened.
int open_if_regular(const std::filesystem::path& path, struct stat& info) {
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return -1;
    return open_regular(path, info);
}

}  // namespace

std::optional<std::string> read_file(const std::filesystem::path& path) {
    struct stat info {};
    const int fd = open_if_regular(path, info);
    if (fd < 0) return std::nullopt;
    // At its size, in one read: grown as it comes, a large file's bytes
    // would be copied (and their pages faulted in) again at each doubling.
    // Whether the end was reached is asked with one byte more; only a file
    // grown since it was measured is then read on to its end (the buffer
    // grown, not for every file: a 2 MB dictionary was copied and 1 MB
    // zeroed to learn that it had ended).
    std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t have = 0;
    for (;;) {
        const std::ptrdiff_t got = read_up_to(fd, bytes.data() + have, bytes.size() - have);
        if (got < 0) {
            ::close(fd);
            return std::nullopt;
        }
        have += static_cast<std::size_t>(got);
        if (have < bytes.size()) break;  // the end of the file
        char more = 0;
        const std::ptrdiff_t extra = read_up_to(fd, &more, 1);
        if (extra < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (extra == 0) break;  // the end, exactly at the size
        bytes.resize(bytes.size() + std::max<std::size_t>(bytes.size() / 2, 4096));
        bytes[have++] = more;
    }
    ::close(fd);
    bytes.resize(have);
    return bytes;
}

bool read_file_in_blocks(const std::filesystem::path& path,
                         const std::function<void(std::string_view)>& take) {
    struct stat info {};
    const int fd = open_if_regular(path, info);
    if (fd < 0) return false;
    std::string block(std::size_t{1} << 16, '\0');
    for (;;) {
        const std::ptrdiff_t got = read_up_to(fd, block.data(), block.size());
        if (got < 0) {
            ::close(fd);
            return false;
        }
        if (got > 0) take(std::string_view(block.data(), static_cast<std::size_t>(got)));
        if (static_cast<std::size_t>(got) < block.size()) break;  // the end
    }
    ::close(fd);
    return true;
}

// One stat, one open, the bytes in one read: collections are hundreds of
// small files, and a stream per file (its buffer, its locale, a second
// stat for the size) cost as much as reading them.
FileRead read_file_limited(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    FileRead read;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        read.problem = FileRead::Problem::missing;
        return read;
    }
    if (!S_ISREG(info.st_mode)) {
        read.problem = FileRead::Problem::not_a_file;
        return read;
    }
    read.size = static_cast<std::uintmax_t>(info.st_size);
    if (read.size > max_bytes) {
        read.problem = FileRead::Problem::too_large;
        return read;
    }
    struct stat opened {};
    const int fd = open_regular(path, opened);
    if (fd < 0) {
        read.problem = FileRead::Problem::unreadable;
        return read;
    }
    read.bytes.resize(static_cast<std::size_t>(read.size));
    // The file may have changed since it was measured: read what is there,
    // never more than the limit.
    const std::ptrdiff_t got = read_up_to(fd, read.bytes.data(), read.bytes.size());
    char more = 0;
    const std::ptrdiff_t extra = got < 0 ? 0 : read_up_to(fd, &more, 1);
    ::close(fd);
    if (got < 0 || extra < 0) {
        read.problem = FileRead::Problem::unreadable;
        read.bytes.clear();
    } else if (extra > 0) {
        read.problem = FileRead::Problem::too_large;  // it grew past its size while read
        read.bytes.clear();
    } else {
        read.bytes.resize(static_cast<std::size_t>(got));
    }
    return read;
}

namespace {

std::string mebibytes(std::uintmax_t bytes) {
    char text[32];
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    std::snprintf(text, sizeof text,
                  mib >= 10 || mib == static_cast<double>(bytes >> 20) ? "%.0f MiB" : "%.1f MiB",
                  mib);
    return text;
}

}  // namespace

std::string describe_problem(const FileRead& read, std::uintmax_t max_bytes) {
    switch (read.problem) {
        case FileRead::Problem::none:
            return "can be read";
        case FileRead::Problem::missing:
            return "does not exist";
        case FileRead::Problem::not_a_file:
            return "is not a file (a folder?)";
        case FileRead::Problem::too_large:
            return "is larger than pamphlet's limit of " + mebibytes(max_bytes) +
                   (read.size > max_bytes ? " (" + mebibytes(read.size) + ")" : std::string());
        case FileRead::Problem::unreadable:
            return "cannot be read";
    }
    return "cannot be read";
}

}  // namespace pamphlet
