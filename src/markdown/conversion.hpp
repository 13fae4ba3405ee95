// State shared by the Markdown and the raw-HTML converters of one article.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/markdown.hpp"
#include "pamphlet/model.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace pamphlet {

struct ConversionContext {
    const ArticleInput& input;
    DiagnosticSink& sink;
    int line_offset = 0;  // body line n is line n + line_offset of the file
    bool nesting_reported = false;
    // input.display_path, interned once for every span of the article.
    FileName file = FileName(input.display_path);

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

// Where the HTML handed to blocks_from_html() came from. cmark renders a
// Markdown block with raw HTML in it as HTML; the raw tags (an HTML block,
// inline tags) are copied into that rendering verbatim. Each such piece maps
// its bytes back to the Markdown, so that a message about an element or an
// attribute points at it rather than at the block's first column.
struct HtmlSourceMap {
    struct Piece {
        std::size_t offset = 0;  // in the rendered HTML
        std::size_t size = 0;
        SourcePos start;              // of its first byte in the file
        int continuation_column = 1;  // column of a line's first byte after the first line
    };
    std::string_view html;
    std::vector<Piece> pieces;  // in rendering order

    // The place in the file of byte `offset` of `html`, or `fallback` when
    // that byte is not Markdown source verbatim.
    SourceSpan locate(std::size_t offset, const SourceSpan& fallback) const;
};

// Blocks for one block of HTML (the rendering of a Markdown block that
// contains raw HTML). Every node gets `span`, the enclosing block's span;
// messages about an element or attribute point at it through `map`.
std::vector<Block> blocks_from_html(std::string_view html, const SourceSpan& span,
                                    ConversionContext& context, const HtmlSourceMap& map = {});

}  // namespace pamphlet
