// Articles: YAML front matter + CommonMark (cmark) -> pamphlet's model.
// Only src/markdown sees cmark; raw HTML inside Markdown is parsed (src/html,
// gumbo) into model nodes here, so writers never see HTML either.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

class ImageStore;   // pamphlet/image.hpp
class Confinement;  // pamphlet/base/confine.hpp

struct ArticleInput {
    std::string
        display_path;  // path as shown in messages, e.g. "samples/clinic/articles/fascia.de.md"
    std::filesystem::path path;            // real path; images resolve relative to its folder
    std::string id;                        // "fascia"
    std::string lang;                      // "de"
    // Every article of the collection, for link resolution: one list shared
    // by all the articles (a copy each would grow with the square of their number).
    std::shared_ptr<const std::vector<std::string>> article_ids;
    // The collection folder: images must lie inside it, symbolic links
    // followed (empty: the article's own folder).
    std::filesystem::path collection_root = {};
    // Where images are loaded and judged (each file once per build); without
    // one, each image is loaded on its own.
    ImageStore* images = nullptr;
    // The collection folder's confinement, shared by every article (each
    // image path resolved once per build); without one, made from
    // collection_root for this article.
    const Confinement* confinement = nullptr;
};

// Parses one article file's full text (front matter + body). Typography for
// the language (quotes, dashes, non-breaking spaces) is applied to the text
// and to title/summary. Problems are reported (an article with errors is
// still returned, for the caller to judge); nullopt when the article cannot
// be used at all (no front matter, no title).
std::optional<Article> parse_article(const ArticleInput& input, std::string_view text,
                                     DiagnosticSink& sink);

// The body alone of an article file's full text, exactly as parse_article
// makes it, without reading the front matter: for a body read again whose
// article was parsed whole before. nullptr when there is no front matter to
// split off.
ArticleBody parse_article_body(const ArticleInput& input, std::string_view text,
                               DiagnosticSink& sink);

// Language typography on a plain string (titles from collection.yaml):
// straight quotes -> the language's quotes, -- and --- -> dashes, ... ->
// ellipsis, non-breaking spaces where the language wants them.
std::string apply_typography(std::string_view text, std::string_view lang);

}  // namespace pamphlet
