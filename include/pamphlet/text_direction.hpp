// Right-to-left text (Arabic, Hebrew, ...) is refused, once, where the model
// is built, so that neither the EPUB (which would lack dir="rtl") nor the
// PDF (whose line breaker sets words left to right) ever shows it reversed.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"

#include <string_view>

namespace pamphlet {

// False, after an error ("right-to-left-text") at the first right-to-left
// character of `article`, when it has any. `source` is the article's
// Markdown file as read, to point at that character's own line and column.
bool check_text_direction(const Article& article, std::string_view source, DiagnosticSink& sink);

}  // namespace pamphlet
