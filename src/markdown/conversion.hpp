// State shared by the Markdown and the raw-HTML converters of one article.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/markdown.hpp"
#include "pamphlet/model.hpp"

#include <string_view>
#include <vector>

namespace pamphlet {

struct ConversionContext {
    const ArticleInput& input;
    DiagnosticSink& sink;
    int line_offset = 0;  // body line n is line n + line_offset of the file
    bool table_reported = false;
    bool nesting_reported = false;

    // Containers nested deeper than this are flattened to text, so that
    // no writer walking the model can run out of stack on hostile input.
    static constexpr int max_depth = 40;

    void report_nesting(const SourceSpan& span) {
        if (nesting_reported) return;
        nesting_reported = true;
        sink.warning(span, "nesting-too-deep",
                     "lists, quotes or emphasis nested this deeply are kept as plain text");
    }
};

// Blocks for one block of HTML (the rendering of a Markdown block that
// contains raw HTML). Every node gets `span`, the enclosing block's span.
std::vector<Block> blocks_from_html(std::string_view html, const SourceSpan& span,
                                    ConversionContext& context);

}  // namespace pamphlet
