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
    // A huge page backs a 2 MiB extent only if none of its pages was touched
    // before: the reserve begins at the first boundary past the heap's end.
    // A spacer block takes the heap's free top (which ends at the break;
    // mallinfo2's keepcost is its size) up to just below that boundary; it
    // is larger than the top, so the heap grows by the top pad beyond it,
    // and the new top's header lands below the boundary. The spacer stays
    // made (its pages past the old end are never touched: address space
    // only); the blocks made next come from the reserve.
    const std::uintptr_t old_end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t top_start = old_end - mallinfo2().keepcost;
    // A spacer of a few kilobytes could come from a free block instead.
    std::uintptr_t from = (old_end + huge_page - 1) / huge_page * huge_page;
    if (from - old_end < (std::uintptr_t{64} << 10)) from += huge_page;
    constexpr std::size_t header = 2 * sizeof(std::size_t);    // a chunk's, before its block
    const std::size_t spacer = from - 2 * header - top_start;  // the chunk, header included
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(spacer + huge_page));
    mallopt(M_TOP_PAD, static_cast<int>(bytes));
    void* const spacer_block = std::malloc(spacer - sizeof(std::size_t));
    mallopt(M_TOP_PAD, 128 << 10);  // glibc's default
    if (spacer_block == nullptr ||
        reinterpret_cast<std::uintptr_t>(spacer_block) != top_start + header) {
        // Not from the heap's top (a sanitizer's allocator, or a free block
        // that fitted): nothing is reserved.
        std::free(spacer_block);
        return;
    }
    const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    if (end > from) madvise(reinterpret_cast<void*>(from), end - from, MADV_HUGEPAGE);
#else
    (void)bytes;
#endif
}

}  // namespace pamphlet
