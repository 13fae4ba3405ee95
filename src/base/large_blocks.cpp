#include "pamphlet/base/large_blocks.hpp"

#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace pamphlet::large_blocks_detail {

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

}  // namespace

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
