#include "pamphlet/base/files.hpp"

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pamphlet {

std::optional<std::string> read_file(const std::filesystem::path& path) {
    // A folder opens as a stream on Linux and reads as nothing: not a file.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    // At its size, in one read: grown as it comes, a large file's bytes
    // would be copied (and their pages faulted in) again at each doubling.
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    std::string bytes;
    if (!ec) {
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), static_cast<std::streamsize>(size));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        if (in.bad()) return std::nullopt;
        if (in.peek() == std::char_traits<char>::eof()) return bytes;
    }
    // Grown since it was measured (or not measured): the rest as it comes.
    in.clear();
    std::ostringstream rest;
    rest << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return bytes + std::move(rest).str();
}

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

}  // namespace

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
    // Not blocking, and checked again once open: a file swapped for a pipe
    // since it was looked at must not hang the build.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        read.problem = FileRead::Problem::unreadable;
        return read;
    }
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
        ::close(fd);
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
