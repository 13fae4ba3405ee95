// CommonMark (cmark's AST) -> the model's blocks and inlines.
#pragma once

#include "conversion.hpp"

#include <string_view>
#include <vector>

namespace pamphlet {

// Parses the article body with cmark and converts it. Blocks containing raw
// HTML go through blocks_from_html(); links and images are resolved. Spans
// point into the real file.
std::vector<Block> blocks_from_markdown(std::string_view body, ConversionContext& context);

}  // namespace pamphlet
