#include "pamphlet/base/files.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

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

FileRead read_file_limited(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    FileRead read;
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        read.problem = FileRead::Problem::missing;
        return read;
    }
    if (!std::filesystem::is_regular_file(status)) {
        read.problem = FileRead::Problem::not_a_file;
        return read;
    }
    read.size = std::filesystem::file_size(path, ec);
    if (ec) {
        read.problem = FileRead::Problem::unreadable;
        return read;
    }
    if (read.size > max_bytes) {
        read.problem = FileRead::Problem::too_large;
        return read;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        read.problem = FileRead::Problem::unreadable;
        return read;
    }
    read.bytes.resize(static_cast<std::size_t>(read.size));
    in.read(read.bytes.data(), static_cast<std::streamsize>(read.size));
    // The file may have changed since it was measured: read what is there,
    // never more than the limit.
    read.bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        read.problem = FileRead::Problem::unreadable;
        read.bytes.clear();
    } else if (in.peek() != std::char_traits<char>::eof()) {
        read.problem = FileRead::Problem::too_large;  // it grew past its size while read
        read.bytes.clear();
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
