#include "pamphlet/job.hpp"

#include "staging.hpp"

#include "pamphlet/digest.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>

namespace pamphlet {

namespace job {

namespace {

// The host's name as it may stand in a file name.
std::string host_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "host";
    std::string safe;
    for (const char* c = name; *c != '\0'; ++c)
        safe += (std::isalnum(static_cast<unsigned char>(*c)) || *c == '.') ? *c : '_';
    return safe;
}

std::string temp_prefix(const std::filesystem::path& target) {
    return "." + target.filename().string() + ".tmp-";
}

}  // namespace

int remove_stale_temps(const std::vector<std::filesystem::path>& targets) {
    namespace fs = std::filesystem;
    // File names to look for, by folder: one pass over each folder.
    std::map<fs::path, std::set<std::string>> names_in;
    for (const fs::path& target : targets)
        names_in[target.parent_path().empty() ? fs::path(".") : target.parent_path()].insert(
            target.filename().string());
    const std::string mine = host_name() + "-";
    const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
    int removed = 0;
    for (const auto& [dir, names] : names_in) {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            // ".NAME.tmp-HOST-PID-XXXXXX"
            const std::string entry = it->path().filename().string();
            const std::size_t tmp = entry.rfind(".tmp-");
            if (entry.empty() || entry[0] != '.' || tmp == std::string::npos || tmp < 2) continue;
            if (names.count(entry.substr(1, tmp - 1)) == 0) continue;
            std::error_code type_ec;
            if (it->is_symlink(type_ec) || !it->is_regular_file(type_ec)) continue;
            const std::string rest = entry.substr(tmp + 5);
            bool stale = false;
            if (rest.compare(0, mine.size(), mine) == 0) {
                const std::size_t dash = rest.rfind('-');
                const std::string pid_text =
                    dash > mine.size() ? rest.substr(mine.size(), dash - mine.size()) : "";
                char* end_of_pid = nullptr;
                const long pid = std::strtol(pid_text.c_str(), &end_of_pid, 10);
                if (pid > 0 && end_of_pid != nullptr && *end_of_pid == '\0')
                    stale = ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
            }
            if (!stale) {
                const auto written = it->last_write_time(type_ec);
                stale = !type_ec && written < day_ago;
            }
            if (stale && ::unlink(it->path().c_str()) == 0) ++removed;
        }
    }
    return removed;
}

namespace {

// mkstemp beside `target`: the descriptor, or -1 with `error` set.
int make_temp(const std::filesystem::path& target, std::string& temp, std::string& error) {
    namespace fs = std::filesystem;
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    temp = (dir / (temp_prefix(target) + host_name() + "-" + std::to_string(::getpid()) + "-XXXXXX"))
               .string();
    int fd = ::mkstemp(temp.data());
    if (fd < 0) error = "cannot create a file in " + dir.string() + ": " + std::strerror(errno);
    return fd;
}

// Ordinary permissions, flushed, closed; on failure the file is removed.
std::optional<std::string> settle_temp(int fd, const std::string& temp) {
    auto fail = [&](const char* what) {
        std::string msg = std::string(what) + " " + temp + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(temp.c_str());
        return msg;
    };
    // mkstemp creates 0600; outputs are ordinary files.
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) return fail("cannot set permissions of");
    if (::fsync(fd) != 0) return fail("cannot flush");
    if (::close(fd) != 0) {
        std::string msg = "cannot close " + temp + ": " + std::strerror(errno);
        ::unlink(temp.c_str());
        return msg;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> stage_file(const std::filesystem::path& target, std::string_view bytes,
                                      StagedFile& staged) {
    std::string temp, error;
    int fd = make_temp(target, temp, error);
    if (fd < 0) return error;
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string msg = "cannot write " + temp + ": " + std::strerror(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            return msg;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (auto failed = settle_temp(fd, temp)) return failed;
    staged = {temp, target};
    return std::nullopt;
}

std::optional<std::string> create_staged(const std::filesystem::path& target, StagedFile& staged) {
    std::string temp, error;
    int fd = make_temp(target, temp, error);
    if (fd < 0) return error;
    ::close(fd);
    staged = {temp, target};
    return std::nullopt;
}

std::optional<std::string> seal_staged(const StagedFile& staged, StagedDigest& digest) {
    const std::string temp = staged.temp.string();
    int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        std::string msg = "cannot read " + temp + ": " + std::strerror(errno);
        ::unlink(temp.c_str());
        return msg;
    }
    // The digest of what is on the disk, not of what a writer meant to write.
    Sha256 hash;
    long long total = 0;
    std::string block(1 << 16, '\0');
    for (;;) {
        ssize_t n = ::read(fd, block.data(), block.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            std::string msg = "cannot read " + temp + ": " + std::strerror(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            return msg;
        }
        if (n == 0) break;
        hash.update(std::string_view(block.data(), static_cast<std::size_t>(n)));
        total += n;
    }
    if (auto failed = settle_temp(fd, temp)) return failed;
    digest = {hash.hex_digest(), total};
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
