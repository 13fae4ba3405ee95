// The XHTML pages of a book: articles, cover, title page, colophon.
#pragma once

#include "images.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/hyphenation.hpp"
#include "pamphlet/edition_info.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/page_starts.hpp"
#include "stylesheet.hpp"
#include "xhtml.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace pamphlet::epub {

// What links inside the edition can point to.
struct LinkTargets {
    std::map<std::string, std::string> file_of;  // article id -> "intro.xhtml"
};

struct PageContext {
    const Collection& collection;
    const Edition& edition;
    const EditionInfo& info;  // title, subtitle, rights: as the package metadata says
    const LinkTargets& targets;
    ImageCatalog& images;
    DiagnosticSink& sink;
    // Soft hyphens in body text, per language; nullptr: none.
    Hyphenation* hyphenation = nullptr;
    // What keeps the book from claiming WCAG 2.2 AA, found while its pages
    // are written (an image without alt text, a skipped heading level).
    std::vector<std::string> accessibility_problems = {};
    // What the pages show that the stylesheet styles only when it is there
    // (a book without tables has no table rules).
    BookFeatures features = {};
};

// Pages live in text/, one level below the stylesheet and images.
inline constexpr std::string_view page_to_root = "../";

// Where a page of the printed brochure begins in an article: an empty
// span (epub:type pagebreak, role doc-pagebreak) with this id and the
// printed number as its label.
struct PageBreak {
    std::string id;
    std::string label;
    TextPosition at;
};

// The id of the break before printed page `label`: "page-5", unless the
// article has a section of that name.
std::string page_break_id(const std::string& label, const std::set<std::string>& section_ids);

// `breaks` in reading order, all in this article.
XhtmlPage article_page(const Article& article, const std::vector<Block>& blocks,
                       const std::vector<PageBreak>& breaks, PageContext& context);
XhtmlPage cover_page(const std::string& image_href, PageContext& context);
XhtmlPage title_page(const std::optional<std::string>& logo_href, PageContext& context);
XhtmlPage colophon_page(const std::optional<std::string>& logo_href, const std::string& generator,
                        PageContext& context);

// Headings render as h2-h6: h1 is the article's title.
int heading_rank(const Block& heading);
}  // namespace pamphlet::epub
