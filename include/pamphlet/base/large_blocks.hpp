// Memory for large buffers that are written through soon after they are
// made (the hyphenation automaton, an image's rows being checked). On the
// machines pamphlet runs on, faulting in a fresh page costs microseconds
// (far more in a virtual machine): 2 MB touched page by page took 4.6 ms on
// the development machine, in transparent huge pages 0.35 ms. A block of
// 2 MiB or more is so aligned to 2 MiB and offered to Linux as huge pages
// (a hint): its whole 2 MiB extents, and for a scratch block (given back
// soon after) its tail too; smaller blocks are ordinary memory. The memory
// is zeroed as any (but see UnzeroedScratchVector).
#pragma once

#include <cstddef>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace pamphlet {

// The next `bytes` of the heap offered to Linux as huge pages, for a run's
// working memory (glibc's malloc on Linux; elsewhere nothing): the heap is
// grown by that much at once from a 2 MiB boundary (address space only: its
// pages are touched as malloc hands them out) and advised as huge pages, so
// that most of a document's small blocks are faulted in 2 MiB at a time.
// Growth beyond it is ordinary memory. Call it before any
// other thread allocates, with malloc's trim threshold set above `bytes`
// (else the heap's free top is given back at once); it leaves the mapping
// threshold at `bytes`: set that after.
void reserve_huge_heap(std::size_t bytes);

namespace large_blocks_detail {
void* allocate(std::size_t bytes, bool scratch);
void release(void* block, std::size_t bytes) noexcept;
}  // namespace large_blocks_detail

// `Zeroed`: a vector's new elements are value-initialised (bytes zeroed),
// as by std::allocator; otherwise default-initialised (bytes left as they
// are), for a buffer that is written through before anything reads it.
template <typename T, bool Scratch, bool Zeroed = true>
struct LargeBlockAllocator {
    using value_type = T;
    template <typename U>
    struct rebind {
        using other = LargeBlockAllocator<U, Scratch, Zeroed>;
    };
    LargeBlockAllocator() = default;
    template <typename U>
    LargeBlockAllocator(const LargeBlockAllocator<U, Scratch, Zeroed>&) noexcept {}
    T* allocate(std::size_t n) {
        return static_cast<T*>(large_blocks_detail::allocate(n * sizeof(T), Scratch));
    }
    void deallocate(T* p, std::size_t n) noexcept {
        large_blocks_detail::release(p, n * sizeof(T));
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
        if constexpr (!Zeroed && sizeof...(Args) == 0) {
            ::new (static_cast<void*>(p)) U;
        } else {
            ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
        }
    }
    template <typename U>
    bool operator==(const LargeBlockAllocator<U, Scratch, Zeroed>&) const noexcept {
        return true;
    }
};

// A lasting buffer: no more memory than asked for.
template <typename T>
using LargeVector = std::vector<T, LargeBlockAllocator<T, false>>;
// The same, not zeroed first: for one whose every element is then set.
template <typename T>
using UnzeroedLargeVector = std::vector<T, LargeBlockAllocator<T, false, false>>;
// A buffer given back soon after it is filled: whole huge pages.
template <typename T>
using ScratchVector = std::vector<T, LargeBlockAllocator<T, true>>;
// The same, not zeroed first: for one filled whole at once (an inflated
// stream), where zeroing would be a second pass over every byte.
template <typename T>
using UnzeroedScratchVector = std::vector<T, LargeBlockAllocator<T, true, false>>;

}  // namespace pamphlet
