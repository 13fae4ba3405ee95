#include "pamphlet/base/large_blocks.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#include <unistd.h>
#endif

using namespace pamphlet;

TEST_CASE("large and scratch vectors hold what is put in them, small or large") {
    for (std::size_t count : {std::size_t{0}, std::size_t{17}, std::size_t{700'000},
                              std::size_t{(std::size_t{5} << 20) / 4 + 3}}) {
        CAPTURE(count);
        LargeVector<std::uint32_t> lasting(count);
        ScratchVector<std::uint32_t> scratch(count);
        std::iota(lasting.begin(), lasting.end(), 0u);
        std::iota(scratch.begin(), scratch.end(), 7u);
        bool right = true;
        for (std::size_t i = 0; i < count; ++i)
            right = right && lasting[i] == i && scratch[i] == i + 7;
        CHECK(right);
        if (count * sizeof(std::uint32_t) >= (std::size_t{2} << 20)) {
            // Blocks of 2 MiB and more start on a 2 MiB boundary.
            CHECK(reinterpret_cast<std::uintptr_t>(lasting.data()) % (std::size_t{2} << 20) == 0);
            CHECK(reinterpret_cast<std::uintptr_t>(scratch.data()) % (std::size_t{2} << 20) == 0);
        }
        // Zeroed as any memory a vector makes.
        ScratchVector<char> zeroed(count);
        CHECK(std::all_of(zeroed.begin(), zeroed.end(), [](char c) { return c == 0; }));
        lasting.resize(count * 2 + 1);  // grows through the allocator again
        CHECK(lasting.size() == count * 2 + 1);
    }
}

#if defined(__GLIBC__) && defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__)
namespace {

// The kernel's word on the mapping that holds `address` (/proc/self/smaps):
// whether it may be backed by huge pages.
bool huge_page_eligible(const void* address) {
    std::ifstream smaps("/proc/self/smaps");
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    bool inside = false;
    for (std::string line; std::getline(smaps, line);) {
        std::uintptr_t from = 0, to = 0;
        char dash = 0;
        std::istringstream range(line);
        if (range >> std::hex >> from >> dash >> to && dash == '-') {
            inside = from <= at && at < to;
        } else if (inside && line.rfind("THPeligible:", 0) == 0) {
            return line.find('1') != std::string::npos;
        }
    }
    return false;
}

bool huge_pages_on_advice() {
    std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string text((std::istreambuf_iterator<char>(setting)), std::istreambuf_iterator<char>());
    return text.find("[madvise]") != std::string::npos ||
           text.find("[always]") != std::string::npos;
}

}  // namespace

TEST_CASE("the heap's next megabytes are offered as huge pages") {
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    reserve_huge_heap(std::size_t{16} << 20);
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    // Blocks made now come from the reserve, a few megabytes in.
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 40; ++i) blocks.emplace_back(new char[100'000]);
    const void* late = blocks.back().get();
    CHECK(static_cast<const char*>(late) < static_cast<const char*>(sbrk(0)));
    if (huge_pages_on_advice()) CHECK(huge_page_eligible(late));
}
#endif
