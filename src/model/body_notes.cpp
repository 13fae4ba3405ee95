// What an article notes of its body, so that it can be let go and the
// article still be linked to, listed and digested.
#include "pamphlet/model.hpp"

#include "pamphlet/image.hpp"

namespace pamphlet {

namespace {

// Whether the lead image is also one of the body's figures.
bool shows_as_figure(const std::vector<Block>& blocks, const std::optional<ArticleImage>& image) {
    if (!image || !image->source.asset) return false;
    for (const Block& b : blocks)
        if (b.kind == BlockKind::figure && !b.inlines.empty() &&
            same_image_file(b.inlines.front().image(), image->source))
            return true;
    return false;
}

void collect_images(const std::vector<Inline>& inlines, std::vector<ImageSource>& out) {
    for (const Inline& item : inlines) {
        if (item.kind == InlineKind::image) out.push_back(item.image());
        collect_images(item.children, out);
    }
}

void collect_images(const std::vector<Block>& blocks, std::vector<ImageSource>& out) {
    for (const Block& block : blocks) {
        collect_images(block.inlines, out);
        collect_images(block.caption, out);
        collect_images(block.children, out);
    }
}

}  // namespace

bool same_image_file(const ImageSource& a, const ImageSource& b) {
    // A build's store gives one file one asset; a lone parse loads it anew.
    return a.asset && b.asset && (a.asset == b.asset || a.asset->file() == b.asset->file());
}

void note_body(Article& article, const std::vector<Block>& blocks) {
    article.section_ids = heading_ids(blocks);
    article.outline.clear();
    for (const Block& block : blocks)
        if (block.kind == BlockKind::heading)
            article.outline.push_back({block.level, block.id, plain_text(block.inlines)});
    article.lead_image_in_body = shows_as_figure(blocks, article.image);
    article.body_images.clear();
    collect_images(blocks, article.body_images);
}

}  // namespace pamphlet
