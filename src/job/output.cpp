#include "pamphlet/job.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pamphlet {

std::optional<std::string> write_file_atomically(const std::filesystem::path& path,
                                                 std::string_view bytes) {
    namespace fs = std::filesystem;
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::string temp = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(temp.data());
    if (fd < 0) return "cannot create a file in " + dir.string() + ": " + std::strerror(errno);
    auto fail = [&](const char* what) {
        std::string msg = std::string(what) + " " + temp + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(temp.c_str());
        return msg;
    };
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    // mkstemp creates 0600; outputs are ordinary files.
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) return fail("cannot set permissions of");
    if (::fsync(fd) != 0) return fail("cannot flush");
    if (::close(fd) != 0) {
        ::unlink(temp.c_str());
        return "cannot close " + temp + ": " + std::strerror(errno);
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        std::string msg = "cannot replace " + path.string() + ": " + std::strerror(errno);
        ::unlink(temp.c_str());
        return msg;
    }
    return std::nullopt;
}

}  // namespace pamphlet
