#include "cmark_to_model.hpp"

#include "targets.hpp"
#include "urls.hpp"

#include <cmark.h>

#include <algorithm>
#include <memory>
#include <string>

namespace pamphlet {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

std::string literal(cmark_node* node) {
    const char* s = cmark_node_get_literal(node);
    return s ? s : "";
}

// The text below `node` without recursion (alt text, flattened containers).
std::string plain_text(cmark_node* node) {
    std::string out;
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(node));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* current = cmark_iter_get_node(iter.get());
        if (event == CMARK_EVENT_EXIT) {
            const cmark_node_type type = cmark_node_get_type(current);
            if ((type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
                 type == CMARK_NODE_CODE_BLOCK) &&
                !out.empty() && out.back() != ' ')
                out += ' ';
            continue;
        }
        switch (cmark_node_get_type(current)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_CODE_BLOCK:
                out += literal(current);
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            default:
                break;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool contains_raw_html(cmark_node* node) {
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(node));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        const cmark_node_type type = cmark_node_get_type(cmark_iter_get_node(iter.get()));
        if (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK) return true;
    }
    return false;
}

class Converter {
public:
    Converter(ConversionContext& context, std::string_view body) : context_(context) {
        for (std::size_t start = 0; start <= body.size();) {
            const auto end = std::min(body.find('\n', start), body.size());
            lines_.push_back(body.substr(start, end - start));
            start = end + 1;
        }
    }

    void convert_blocks(cmark_node* parent, std::vector<Block>& out, int depth) {
        for (cmark_node* child = cmark_node_first_child(parent); child;
             child = cmark_node_next(child))
            convert_block(child, out, depth);
    }

private:
    ConversionContext& context_;
    std::vector<std::string_view> lines_;  // of the body, for columns cmark gets wrong
    SourceSpan block_span_;                // of the paragraph or heading being converted

    SourceSpan span_of(cmark_node* node, const SourceSpan& fallback) const {
        const int line = cmark_node_get_start_line(node);
        if (line <= 0) return fallback;
        const int offset = context_.line_offset;
        return SourceSpan{
            context_.input.display_path,
            {line + offset, cmark_node_get_start_column(node)},
            {cmark_node_get_end_line(node) + offset, cmark_node_get_end_column(node)}};
    }

    std::vector<Block> from_html(cmark_node* node, const SourceSpan& span) {
        block_span_ = span;
        char* html = cmark_render_html(node, CMARK_OPT_UNSAFE);
        const HtmlSourceMap map = source_map(node, html, span);
        std::vector<Block> blocks = blocks_from_html(html, span, context_, map);
        cmark_get_default_mem_allocator()->free(html);
        return blocks;
    }

    // The raw HTML of `block` (an HTML block, or the inline tags of a
    // paragraph) appears verbatim and in order in its rendering `html`.
    HtmlSourceMap source_map(cmark_node* block, std::string_view html,
                             const SourceSpan& span) const {
        HtmlSourceMap map;
        map.html = html;
        std::size_t from = 0;
        std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(block));
        cmark_event_type event;
        while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            const cmark_node_type type = cmark_node_get_type(node);
            if (event != CMARK_EVENT_ENTER ||
                (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE) ||
                cmark_node_get_start_line(node) <= 0)
                continue;
            const std::string raw = literal(node);
            const auto at = raw.empty() ? std::string_view::npos : html.find(raw, from);
            if (at == std::string_view::npos) continue;
            map.pieces.push_back({at, raw.size(), inline_span(node, span).begin,
                                  type == CMARK_NODE_HTML_BLOCK ? cmark_node_get_start_column(node)
                                                                : span.begin.column});
            from = at + raw.size();
        }
        return map;
    }

    void convert_block(cmark_node* node, std::vector<Block>& out, int depth) {
        const SourceSpan span = span_of(node, SourceSpan::whole(context_.input.display_path));
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HTML_BLOCK ||
            ((type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) &&
             contains_raw_html(node))) {
            for (Block& block : from_html(node, span)) out.push_back(std::move(block));
            return;
        }
        Block block;
        block.span = span;
        switch (type) {
            case CMARK_NODE_PARAGRAPH:
                block.kind = BlockKind::paragraph;
                block_span_ = span;
                convert_inlines(node, block.inlines, span, 0);
                break;
            case CMARK_NODE_HEADING:
                block.kind = BlockKind::heading;
                block.level = cmark_node_get_heading_level(node);
                block_span_ = span;
                convert_inlines(node, block.inlines, span, 0);
                break;
            case CMARK_NODE_CODE_BLOCK: {
                block.kind = BlockKind::code_block;
                block.text = literal(node);
                const char* info = cmark_node_get_fence_info(node);
                const std::string_view info_view = info ? info : "";
                block.info = std::string(info_view.substr(0, info_view.find_first_of(" \t")));
                break;
            }
            case CMARK_NODE_THEMATIC_BREAK:
                block.kind = BlockKind::thematic_break;
                break;
            case CMARK_NODE_LIST:
            case CMARK_NODE_ITEM:
            case CMARK_NODE_BLOCK_QUOTE:
                if (depth >= ConversionContext::max_depth) {
                    context_.report_nesting(span);
                    block.kind = BlockKind::paragraph;
                    block.inlines.push_back(
                        Inline{InlineKind::text, plain_text(node), {}, {}, {}, {}, span});
                    break;
                }
                if (type == CMARK_NODE_LIST) {
                    const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
                    block.kind = ordered ? BlockKind::ordered_list : BlockKind::bullet_list;
                    block.start = ordered ? cmark_node_get_list_start(node) : 1;
                    block.tight = cmark_node_get_list_tight(node) != 0;
                } else {
                    block.kind =
                        type == CMARK_NODE_ITEM ? BlockKind::list_item : BlockKind::block_quote;
                }
                convert_blocks(node, block.children, depth + 1);
                break;
            default:
                return;  // cmark's parser produces no other blocks
        }
        out.push_back(std::move(block));
    }

    void convert_inlines(cmark_node* parent, std::vector<Inline>& out, const SourceSpan& fallback,
                         int depth) {
        for (cmark_node* child = cmark_node_first_child(parent); child;
             child = cmark_node_next(child))
            convert_inline(child, out, fallback, depth);
    }

    // cmark 0.30 counts an inline's column on a paragraph's later line from
    // the line's text without its indent ("  and <b>" put '<' at 5, not 7):
    // the indent after the container's prefix is added back.
    SourceSpan inline_span(cmark_node* node, const SourceSpan& fallback) const {
        SourceSpan span = span_of(node, fallback);
        const int line = cmark_node_get_start_line(node);
        if (line <= 0 || span.begin.line <= block_span_.begin.line) return span;
        if (static_cast<std::size_t>(line) > lines_.size()) return span;
        const std::string_view text = lines_[static_cast<std::size_t>(line) - 1];
        std::size_t at = static_cast<std::size_t>(std::max(block_span_.begin.column - 1, 0));
        int indent = 0;
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) {
            ++at;
            ++indent;
        }
        span.begin.column += indent;
        if (span.end.line == span.begin.line) span.end.column += indent;
        return span;
    }

    // cmark 0.30 places an autolink ("<https://...>") by its offset in the
    // paragraph's text, without the line's start or the container's indent:
    // on a paragraph's second line it named column 45 for column 8. The
    // text inside it is placed right; the '<' is just before that.
    SourceSpan autolink_span(cmark_node* link, const SourceSpan& span) const {
        cmark_node* text = cmark_node_first_child(link);
        if (!text || cmark_node_next(text) || cmark_node_get_type(text) != CMARK_NODE_TEXT ||
            cmark_node_get_start_line(text) <= 0)
            return span;
        const std::string label = literal(text);
        const char* url = cmark_node_get_url(link);
        const std::string_view destination = url ? url : "";
        if (destination != label && destination != "mailto:" + label) return span;
        SourceSpan fixed = inline_span(text, span);
        fixed.begin.column -= 1;
        fixed.end.column += 1;
        return fixed;
    }

    void convert_inline(cmark_node* node, std::vector<Inline>& out, const SourceSpan& fallback,
                        int depth) {
        Inline in;
        in.span = inline_span(node, fallback);
        if (cmark_node_get_type(node) == CMARK_NODE_LINK) in.span = autolink_span(node, in.span);
        const cmark_node_type type = cmark_node_get_type(node);
        const bool container =
            type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK;
        if (container && depth >= ConversionContext::max_depth) {
            context_.report_nesting(in.span);
            out.push_back(Inline{InlineKind::text, plain_text(node), {}, {}, {}, {}, in.span});
            return;
        }
        switch (type) {
            case CMARK_NODE_TEXT:
                in.text = literal(node);
                break;
            case CMARK_NODE_SOFTBREAK:
                in.kind = InlineKind::soft_break;
                break;
            case CMARK_NODE_LINEBREAK:
                in.kind = InlineKind::line_break;
                break;
            case CMARK_NODE_CODE:
                in.kind = InlineKind::code;
                in.text = literal(node);
                break;
            case CMARK_NODE_EMPH:
            case CMARK_NODE_STRONG:
                in.kind = type == CMARK_NODE_EMPH ? InlineKind::emphasis : InlineKind::strong;
                convert_inlines(node, in.children, in.span, depth + 1);
                break;
            case CMARK_NODE_LINK: {
                const char* title = cmark_node_get_title(node);
                in.title = title ? title : "";
                auto target =
                    resolve_link(cmark_node_get_url(node), context_.input, in.span, context_.sink);
                if (!target) {
                    convert_inlines(node, out, fallback, depth + 1);
                    return;
                }
                in.kind = InlineKind::link;
                in.target = std::move(*target);
                convert_inlines(node, in.children, in.span, depth + 1);
                break;
            }
            case CMARK_NODE_IMAGE: {
                in.text = plain_text(node);
                auto target =
                    resolve_image(cmark_node_get_url(node), context_.input, in.span, context_.sink);
                if (!target) break;  // stays a text inline holding the alt text
                const char* title = cmark_node_get_title(node);
                in.kind = InlineKind::image;
                in.title = title ? title : "";
                in.image = std::move(*target);
                if (in.text.empty())
                    context_.sink.warning(in.span, "missing-alt",
                                          "image '" + escape_controls(in.image.url) +
                                              "' has no alt text; describe it for readers who "
                                              "cannot see it: ![description](" +
                                              escape_controls(in.image.url) + ")");
                break;
            }
            default:
                return;  // raw HTML never gets here; it goes through blocks_from_html
        }
        out.push_back(std::move(in));
    }
};

}  // namespace

std::vector<Block> blocks_from_markdown(std::string_view body, ConversionContext& context) {
    std::unique_ptr<cmark_node, NodeDeleter> document(
        cmark_parse_document(body.data(), body.size(), CMARK_OPT_SOURCEPOS));
    std::vector<Block> blocks;
    Converter(context, body).convert_blocks(document.get(), blocks, 0);
    return blocks;
}

}  // namespace pamphlet
