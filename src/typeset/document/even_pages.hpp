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

// Single-column pages (the list as break_pages breaks it), of the items
// from `from` on, which must begin a page (the list's start, or a forced
// break). `builder` made the list and remembered its paragraphs
// (ArticleBuilder::remember_paragraphs); it forgets them afterwards. Called
// for each article that begins on a new page as soon as it is laid out, a
// paragraph set again moves only the rest of its own article in the list.
void even_pages(VerticalList& list, ArticleBuilder& builder, const PageParams& params,
                std::size_t from = 0);

}  // namespace pamphlet::typeset
