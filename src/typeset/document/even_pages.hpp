// Pages that end evenly: where a page would end short (its text more than
// its stretchable spaces can make up above the bottom, because a heading
// keeps with its lines or a paragraph may not leave one line behind), a
// paragraph on it is set one line longer or shorter, if that can be done
// without spacing its words more unevenly, and the page is broken again —
// lua-widow-control's answer for LuaLaTeX. Only paragraphs on pages that
// need it are set again, at most a few per page.
#pragma once

#include "document/blocks.hpp"
#include "page/page_builder.hpp"

namespace pamphlet::typeset {

// Single-column pages (the list as break_pages breaks it). `builder` made
// the list and remembered its paragraphs (ArticleBuilder::remember_paragraphs).
void even_pages(VerticalList& list, ArticleBuilder& builder, const PageParams& params);

}  // namespace pamphlet::typeset
