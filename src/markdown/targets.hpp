// Where links and images point: URLs as written in an article, resolved
// against the article's folder and the collection's article ids.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/markdown.hpp"
#include "pamphlet/model.hpp"

#include <optional>
#include <string_view>

namespace pamphlet {

// The target of a link, or nullopt when the link must become plain text
// (a local file outside the collection, an unsafe or unknown scheme); the
// reason has then been reported at `span`.
std::optional<Target> resolve_link(std::string_view url, const ArticleInput& input,
                                   const SourceSpan& span, DiagnosticSink& sink);

// The source of an image: a file inside the collection, loaded and judged
// (the verdict reported here, at `span`: the one place it is said), or
// without an asset when there is no such file (an error, reported). Or
// nullopt when the image must be replaced by its alt text (remote images are
// never fetched; other schemes are not images we can embed); reported.
std::optional<ImageSource> resolve_image(std::string_view url, const ArticleInput& input,
                                         const SourceSpan& span, DiagnosticSink& sink);

}  // namespace pamphlet
