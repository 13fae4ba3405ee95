#include "cmark_to_model.hpp"
#include "conversion.hpp"
#include "front_matter.hpp"
#include "model_passes.hpp"
#include "pamphlet/markdown.hpp"
#include "utf8.hpp"

namespace pamphlet {

namespace {

// The body's blocks, with its headings' texts as written when asked for.
std::vector<Block> body_blocks(const FrontMatterSplit& split, const ArticleInput& input,
                               DiagnosticSink& sink,
                               std::vector<std::string>* source_headings = nullptr) {
    ConversionContext context{input, sink, split.body_line_offset};
    std::vector<Block> blocks = blocks_from_markdown(split.body, context);
    remove_forbidden_characters(blocks, sink);
    merge_text(blocks);
    make_callouts(blocks, input.lang, sink);
    make_figures(blocks);
    shift_headings_below_title(blocks);
    if (source_headings != nullptr) *source_headings = heading_texts(blocks);
    apply_typography(blocks, input.lang);
    assign_heading_ids(blocks);
    return blocks;
}

}  // namespace

std::optional<Article> parse_article(const ArticleInput& input, std::string_view text,
                                     DiagnosticSink& sink) {
    std::string repaired;  // the text, only when it had to be made safe
    const std::string_view clean = utf8::sanitize_input(text, input.display_path, sink, repaired);
    auto split = split_front_matter(clean, input.display_path, sink);
    if (!split) return std::nullopt;

    Article article;
    article.id = input.id;
    article.lang = input.lang;
    article.span = SourceSpan::whole(input.display_path);
    const bool front_matter_ok = read_front_matter(split->yaml, input, article, sink);

    // The body is converted even when the front matter is broken, so that
    // one run reports every problem of the article.
    std::vector<std::string> source_headings;
    std::vector<Block> blocks = body_blocks(*split, input, sink, &source_headings);
    article.heading_aliases = github_heading_aliases(blocks, source_headings);
    note_body(article, blocks);
    // Held for the whole build, whether or not the body is: no room to spare
    // (an outline of five headings grown one by one had room for eight).
    article.outline.shrink_to_fit();
    article.body_images.shrink_to_fit();
    article.body = make_body(std::move(blocks));

    // Without a title there is nothing to show the article under; other
    // problems are reported and the article is kept, so that the rest of a
    // collection built to keep going sees it as it is (links to it stay links).
    if (!front_matter_ok && article.title.empty()) return std::nullopt;
    return article;
}

ArticleBody parse_article_body(const ArticleInput& input, std::string_view text,
                               DiagnosticSink& sink) {
    std::string repaired;
    const std::string_view clean = utf8::sanitize_input(text, input.display_path, sink, repaired);
    auto split = split_front_matter(clean, input.display_path, sink);
    if (!split) return nullptr;
    return make_body(body_blocks(*split, input, sink));
}

}  // namespace pamphlet
