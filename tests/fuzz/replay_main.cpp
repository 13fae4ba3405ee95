// Replays inputs through a fuzz target without libFuzzer: the corpus and
// past crashes as ordinary tests, in any build (tests/fuzz/CMakeLists.txt).
//
//   fuzz-replay-TARGET [--timeout SECONDS] [--memory-mb MB] FILE_OR_FOLDER...
//
// Each file of each folder (sorted, recursively) goes to
// LLVMFuzzerTestOneInput once. A regression must fail fast rather than hang
// CI or swap the machine: an input that runs longer than --timeout (10 s)
// ends the process at once, so does one allocation above --malloc-limit-mb
// (1024), and the address space is capped at --memory-mb (2048) so that a
// runaway of many allocations throws std::bad_alloc. An exception that escapes the
// target fails the input (user mistakes never travel as exceptions) and the
// replay goes on with the next one. Exit status 0: every input passed.
#include "fuzz_support.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Sanitizers reserve terabytes of address space for their shadow memory, so
// RLIMIT_AS cannot apply to them, and they own malloc; they get the same
// ceilings from __asan_default_options below instead.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PAMPHLET_REPLAY_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define PAMPHLET_REPLAY_SANITIZED 1
#endif
#endif

// The input being replayed, for the alarm handler and the allocation check
// (which may only call async-signal-safe functions, hence a fixed buffer
// and write).
char current_input[4096];

void say(const char* text) {
    (void)!write(STDERR_FILENO, text, std::strlen(text));
}

#ifndef PAMPHLET_REPLAY_SANITIZED
// One allocation larger than this is a failure, even when the memory is
// there: a file that asks for gigabytes must be refused before they are
// asked for (libFuzzer's -malloc_limit_mb does the same in a fuzz session).
std::size_t allocation_limit = std::numeric_limits<std::size_t>::max();

[[noreturn]] void too_large(std::size_t bytes) {
    char text[64];
    std::snprintf(text, sizeof text, " asked for %zu bytes at once\n", bytes);
    say("\nfuzz replay: OUT OF MEMORY: ");
    say(current_input);
    say(text);
    _exit(3);
}

#endif

}  // namespace

#ifndef PAMPHLET_REPLAY_SANITIZED
// malloc with a ceiling, on glibc's own allocator (whose free, memalign and
// the rest stay as they are: the blocks are glibc's).
extern "C" {
void* __libc_malloc(std::size_t bytes);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* block, std::size_t bytes);

void* malloc(std::size_t bytes) noexcept {
    if (bytes > allocation_limit) too_large(bytes);
    return __libc_malloc(bytes);
}

void* calloc(std::size_t count, std::size_t size) noexcept {
    std::size_t bytes = 0;
    if (!__builtin_mul_overflow(count, size, &bytes) && bytes > allocation_limit) too_large(bytes);
    return __libc_calloc(count, size);
}

void* realloc(void* block, std::size_t bytes) noexcept {
    if (bytes > allocation_limit) too_large(bytes);
    return __libc_realloc(block, bytes);
}
}
#else
// Under AddressSanitizer: one allocation above 1 GiB, or 2 GiB in all, is
// reported as an error (the defaults of --malloc-limit-mb and --memory-mb).
// ASAN_OPTIONS in the environment still overrides these.
extern "C" const char* __asan_default_options() {
    return "max_allocation_size_mb=1024:hard_rss_limit_mb=2048";
}
#endif

namespace {

void on_timeout(int) {
    say("\nfuzz replay: TIMEOUT: ");
    say(current_input);
    say(" ran longer than the time limit\n");
    _exit(2);
}

[[noreturn]] void usage(const char* program) {
    std::fprintf(stderr,
                 "usage: %s [--timeout SECONDS] [--memory-mb MB] [--malloc-limit-mb MB] "
                 "FILE_OR_FOLDER...\n",
                 program);
    std::exit(2);
}

std::vector<fs::path> inputs_of(const std::vector<fs::path>& arguments) {
    std::vector<fs::path> files;
    for (const fs::path& argument : arguments) {
        if (!fs::is_directory(argument)) {
            files.push_back(argument);
            continue;
        }
        std::vector<fs::path> found;
        for (const auto& entry : fs::recursive_directory_iterator(argument))
            if (entry.is_regular_file()) found.push_back(entry.path());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned timeout_seconds = 10;
    unsigned long memory_mb = 2048;
    unsigned long malloc_limit_mb = 1024;
    std::vector<fs::path> arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--timeout" || arg == "--memory-mb" || arg == "--malloc-limit-mb") &&
            i + 1 < argc) {
            const unsigned long value = std::strtoul(argv[++i], nullptr, 10);
            if (value == 0) usage(argv[0]);
            if (arg == "--timeout")
                timeout_seconds = static_cast<unsigned>(value);
            else if (arg == "--memory-mb")
                memory_mb = value;
            else
                malloc_limit_mb = value;
        } else if (arg.starts_with("-")) {
            usage(argv[0]);
        } else {
            arguments.emplace_back(arg);
        }
    }
    if (arguments.empty()) usage(argv[0]);

#ifndef PAMPHLET_REPLAY_SANITIZED
    const rlim_t address_space = static_cast<rlim_t>(memory_mb) << 20;
    const rlimit limit{address_space, address_space};
    if (setrlimit(RLIMIT_AS, &limit) != 0) std::perror("fuzz replay: setrlimit");
    allocation_limit = static_cast<std::size_t>(malloc_limit_mb) << 20;
#else
    (void)memory_mb;
    (void)malloc_limit_mb;
#endif
    struct sigaction action {};
    action.sa_handler = on_timeout;
    sigaction(SIGALRM, &action, nullptr);

    const std::vector<fs::path> files = inputs_of(arguments);
    if (files.empty()) {
        std::fprintf(stderr, "fuzz replay: no inputs: a test that replays nothing cannot fail\n");
        return 1;
    }
    int failed = 0;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        if (!in.good() && !in.eof()) {
            std::fprintf(stderr, "fuzz replay: FAILED: cannot read %s\n", file.c_str());
            ++failed;
            continue;
        }
        std::snprintf(current_input, sizeof current_input, "%s", file.c_str());
        std::fprintf(stderr, "fuzz replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
        const auto start = std::chrono::steady_clock::now();
        alarm(timeout_seconds);
        try {
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                   bytes.size());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "fuzz replay: FAILED: %s: exception escaped: %s\n", file.c_str(),
                         e.what());
            ++failed;
        } catch (...) {
            std::fprintf(stderr, "fuzz replay: FAILED: %s: exception escaped\n", file.c_str());
            ++failed;
        }
        alarm(0);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        std::fprintf(stderr, "fuzz replay:   %.3f s\n", took.count());
    }
    std::fprintf(stderr, "fuzz replay: %zu inputs, %d failed\n", files.size(), failed);
    return failed == 0 ? 0 : 1;
}
