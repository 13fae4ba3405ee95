#include "pamphlet/base/large_blocks.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <algorithm>
#include <numeric>

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
