#include "pamphlet/base/large_blocks.hpp"

#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace pamphlet::large_blocks_detail {

constexpr std::size_t huge_page = std::size_t{2} << 20;

void* allocate(std::size_t bytes, bool scratch) {
    if (bytes < huge_page) return ::operator new(bytes);
    // aligned_alloc wants a multiple of the alignment; the padding is never
    // touched, so it costs address space only.
    const std::size_t rounded = (bytes + huge_page - 1) / huge_page * huge_page;
    void* block = std::aligned_alloc(huge_page, rounded);
    if (block == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // A scratch block's tail too (soon given back: a 2.7 MB image's rows
    // take 4 MB for a moment, 175 faults fewer); a lasting block's tail stays
    // in small pages (the 2.2 MB automaton would take 4 MB for the run).
    madvise(block, scratch ? rounded : bytes / huge_page * huge_page, MADV_HUGEPAGE);
#endif
    return block;
}

void release(void* block, std::size_t bytes) noexcept {
    if (bytes < huge_page) {
        ::operator delete(block);
        return;
    }
    std::free(block);
}

}  // namespace pamphlet::large_blocks_detail

namespace pamphlet {

void reserve_huge_heap(std::size_t bytes) {
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
    using large_blocks_detail::huge_page;
    if (bytes < 2 * huge_page) return;
    const std::size_t half = bytes / 2;
    // A block below the mapping threshold comes from the heap, which grows
    // by the top pad beyond it; freed, it joins the heap's free top.
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(bytes));
    mallopt(M_TOP_PAD, static_cast<int>(bytes - half));
    char* const block = static_cast<char*>(std::malloc(half));
    char* const top = static_cast<char*>(sbrk(0));
    // Only when the block is the heap's (not a sanitizer's allocator's).
    if (block != nullptr && block < top && static_cast<std::size_t>(top - block) <= 2 * bytes) {
        const auto at = reinterpret_cast<std::uintptr_t>(block);
        char* const from = block + ((huge_page - at % huge_page) % huge_page);
        if (from < top) madvise(from, static_cast<std::size_t>(top - from), MADV_HUGEPAGE);
    }
    std::free(block);
    mallopt(M_TOP_PAD, 128 << 10);  // glibc's default
#else
    (void)bytes;
#endif
}

}  // namespace pamphlet
