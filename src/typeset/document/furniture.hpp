// Page furniture: the running footer (footer.text and the page number) and
// the page labels a viewer shows.
#pragma once

#include "document/text_setter.hpp"

#include "pamphlet/layout.hpp"
#include "pamphlet/model.hpp"

#include <string>

namespace pamphlet::typeset {

// footer.text with {publisher}, {title} and {article} replaced.
std::string footer_text(const std::string& pattern, const std::string& publisher,
                        const std::string& title, const std::string& article);

// Adds the footer to a page of the body: `text` at the text area's left (or
// outer) edge, `number` at the other, on the footer's baseline.
void add_footer(Page& page, const std::string& text, int number, bool right_hand_page,
                const std::string& lang, const SourceSpan& span, TextSetter& setter);

// Adds the running head of an article page above the text area, over a
// hairline: `article` at the outer edge (right on right-hand pages, like
// the page number below), `publisher` at the inner.
void add_running_head(Page& page, const std::string& article, const std::string& publisher,
                      bool right_hand_page, const std::string& lang, const SourceSpan& span,
                      TextSetter& setter);

// Labels: the cover (if any) and back page (if any) named, the table of
// contents' pages (if any) numbered i, ii, ..., the body numbered 1, 2, ...
// from its first page.
std::vector<PageLabelRange> page_labels(int page_count, bool has_cover, bool has_back_page,
                                        const std::string& lang, int contents_pages = 0);

}  // namespace pamphlet::typeset
