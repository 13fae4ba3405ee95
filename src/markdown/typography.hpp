// Language typography for the model's text: quotes, dashes, ellipses and
// non-breaking spaces. The public plain-string form is apply_typography()
// in pamphlet/markdown.hpp.
#pragma once

#include "pamphlet/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

// Applies typography to every text inline of one paragraph (or heading, or
// caption) as a single run, so that a quote opened before an emphasis closes
// after it. Inline code and images are left alone but still count as words
// for the quotes around them.
void apply_typography(std::vector<Inline>& inlines, std::string_view lang);

// apply_typography() on a plain string, rewriting it only when it changes.
void apply_typography_in_place(std::string& text, std::string_view lang);

}  // namespace pamphlet
