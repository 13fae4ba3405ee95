#include "pamphlet/job.hpp"

#include "staging.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pamphlet {

namespace job {

std::optional<std::string> stage_file(const std::filesystem::path& target, std::string_view bytes,
                                      StagedFile& staged) {
    namespace fs = std::filesystem;
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
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
    staged = {temp, target};
    return std::nullopt;
}

std::optional<std::string> commit_staged(const StagedFile& staged) {
    if (std::rename(staged.temp.c_str(), staged.target.c_str()) != 0) {
        std::string msg = "cannot replace " + staged.target.string() + ": " + std::strerror(errno);
        ::unlink(staged.temp.c_str());
        return msg;
    }
    return std::nullopt;
}

void discard_staged(const StagedFile& staged) {
    ::unlink(staged.temp.c_str());
}

}  // namespace job

std::optional<std::string> write_file_atomically(const std::filesystem::path& path,
                                                 std::string_view bytes) {
    job::StagedFile staged;
    if (auto error = job::stage_file(path, bytes, staged)) return error;
    return job::commit_staged(staged);
}

}  // namespace pamphlet
