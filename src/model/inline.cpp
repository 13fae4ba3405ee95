// Inline's parts held apart (a link's destination, an image's source, a
// title): copied with it, made only when set.
#include "pamphlet/model.hpp"

namespace pamphlet {

Inline::Inline(const Inline& other)
    : kind(other.kind),
      text(other.text),
      children(other.children),
      span(other.span),
      extras_(other.extras_ ? std::make_unique<Extras>(*other.extras_) : nullptr) {}

Inline& Inline::operator=(const Inline& other) {
    if (this != &other) *this = Inline(other);
    return *this;
}

const Inline::Extras& Inline::no_extras() {
    static const Extras none;
    return none;
}

std::size_t Inline::extras_bytes() const {
    if (!extras_) return 0;
    auto heap = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
    return sizeof(Extras) + heap(extras_->title) + heap(extras_->target.url) +
           heap(extras_->target.article_id) + heap(extras_->target.fragment) +
           heap(extras_->image.url);
}

}  // namespace pamphlet
