// What a body costs in memory, for the collection's budget of held bodies.
#include "pamphlet/model.hpp"

namespace pamphlet {

namespace {

// A string's heap block (none while it fits in the object itself).
std::size_t heap_bytes(const std::string& s) {
    return s.capacity() > 15 ? s.capacity() + 1 : 0;
}

std::size_t inline_bytes(const std::vector<Inline>& inlines) {
    std::size_t n = inlines.capacity() * sizeof(Inline);
    for (const Inline& i : inlines) {
        n += heap_bytes(i.text) + i.extras_bytes() + inline_bytes(i.children);
    }
    return n;
}

}  // namespace

std::size_t model_bytes(const std::vector<Block>& blocks) {
    std::size_t n = blocks.capacity() * sizeof(Block);
    for (const Block& b : blocks) {
        n += heap_bytes(b.text) + heap_bytes(b.info) + heap_bytes(b.id) + inline_bytes(b.inlines) +
             inline_bytes(b.caption) + model_bytes(b.children);
    }
    return n;
}

}  // namespace pamphlet
