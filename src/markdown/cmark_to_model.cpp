#include "cmark_to_model.hpp"

#include "targets.hpp"
#include "urls.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <set>
#include <string>

namespace pamphlet {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
struct ParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

// cmark-gfm's extensions give their nodes types numbered at run time; they
// are told apart by name.
bool is_a(cmark_node* node, const char* name) {
    return std::strcmp(cmark_node_get_type_string(node), name) == 0;
}

CellAlign cell_align(std::uint8_t gfm) {
    switch (gfm) {
        case 'l':
            return CellAlign::left;
        case 'c':
            return CellAlign::center;
        case 'r':
            return CellAlign::right;
        default:
            return CellAlign::none;
    }
}

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
    Converter(ConversionContext& context, std::string_view body, cmark_llist* extensions)
        : context_(context), extensions_(extensions) {
        for (std::size_t start = 0; start <= body.size();) {
            const auto end = std::min(body.find('\n', start), body.size());
            lines_.push_back(body.substr(start, end - start));
            start = end + 1;
        }
    }

    static std::size_t children_of(cmark_node* parent) {
        std::size_t n = 0;
        for (cmark_node* child = cmark_node_first_child(parent); child;
             child = cmark_node_next(child))
            ++n;
        return n;
    }

    void convert_blocks(cmark_node* parent, std::vector<Block>& out, int depth) {
        if (out.empty()) out.reserve(children_of(parent));
        for (cmark_node* child = cmark_node_first_child(parent); child;
             child = cmark_node_next(child))
            convert_block(child, out, depth);
    }

    // cmark-gfm drops the footnote definitions nothing refers to, without
    // a word; the source still has them ("[^label]: text" at a line's start,
    // outside code and HTML blocks).
    void report_unused_definitions(cmark_node* document, const std::vector<Block>& blocks) {
        std::vector<std::pair<int, int>> verbatim;  // lines of code and HTML blocks
        for (cmark_node* child = cmark_node_first_child(document); child;
             child = cmark_node_next(child)) {
            const cmark_node_type type = cmark_node_get_type(child);
            if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK)
                verbatim.emplace_back(cmark_node_get_start_line(child),
                                      cmark_node_get_end_line(child));
        }
        std::set<int> used;  // lines where the referenced definitions begin
        for (const Block& block : blocks)
            if (block.kind == BlockKind::footnote) used.insert(block.span.begin.line);
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const std::string_view text = lines_[i];
            const auto indent = text.find_first_not_of(' ');
            if (indent == std::string_view::npos || indent > 3 || text.substr(indent, 2) != "[^")
                continue;
            const auto close = text.find("]:", indent + 2);
            if (close == std::string_view::npos || close == indent + 2) continue;
            const std::string_view label = text.substr(indent + 2, close - indent - 2);
            if (label.find_first_of(" \t]") != std::string_view::npos) continue;
            const int line = static_cast<int>(i) + 1;
            if (std::any_of(verbatim.begin(), verbatim.end(), [&](const auto& lines) {
                    return line >= lines.first && line <= lines.second;
                }))
                continue;
            if (used.count(line + context_.line_offset) != 0) continue;
            const SourcePos at{line + context_.line_offset, static_cast<int>(indent) + 1};
            SourceSpan span{context_.file, at, at};
            span.end.column += static_cast<int>(close - indent) + 1;
            context_.sink.warning(span, "unused-footnote",
                                  "footnote [^" + escape_controls(std::string(label)) +
                                      "] is never referred to and was left out; refer to it "
                                      "in the text with [^" +
                                      escape_controls(std::string(label)) + "]");
        }
    }

private:
    ConversionContext& context_;
    cmark_llist* extensions_;              // the parser's, for rendering blocks as HTML
    std::vector<std::string_view> lines_;  // of the body, for columns cmark gets wrong
    SourceSpan block_span_;                // of the paragraph or heading being converted

    SourceSpan span_of(cmark_node* node, const SourceSpan& fallback) const {
        const int line = cmark_node_get_start_line(node);
        if (line <= 0) return fallback;
        const int offset = context_.line_offset;
        return SourceSpan{
            context_.file,
            {line + offset, cmark_node_get_start_column(node)},
            {cmark_node_get_end_line(node) + offset, cmark_node_get_end_column(node)}};
    }

    std::vector<Block> from_html(cmark_node* node, const SourceSpan& span) {
        block_span_ = span;
        char* html = cmark_render_html(node, CMARK_OPT_UNSAFE, extensions_);
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
        const SourceSpan span = span_of(node, SourceSpan::whole(context_.file));
        const cmark_node_type type = cmark_node_get_type(node);
        // A table with raw HTML in a cell goes through HTML as a whole: the
        // HTML converter maps <table> onto the same model.
        if (type == CMARK_NODE_HTML_BLOCK ||
            ((type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || is_a(node, "table")) &&
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
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                if (depth >= ConversionContext::max_depth) {
                    context_.report_nesting(span);
                    block.kind = BlockKind::paragraph;
                    block.inlines.push_back(Inline(InlineKind::text, plain_text(node), span));
                    break;
                }
                if (type == CMARK_NODE_LIST) {
                    const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
                    block.kind = ordered ? BlockKind::ordered_list : BlockKind::bullet_list;
                    block.start = ordered ? cmark_node_get_list_start(node) : 1;
                    block.tight = cmark_node_get_list_tight(node) != 0;
                } else if (type == CMARK_NODE_ITEM) {
                    block.kind = BlockKind::list_item;
                    if (is_a(node, "tasklist"))
                        block.task = cmark_gfm_extensions_get_tasklist_item_checked(node)
                                         ? TaskState::done
                                         : TaskState::open;
                } else if (type == CMARK_NODE_FOOTNOTE_DEFINITION) {
                    // cmark-gfm moves the referenced definitions to the
                    // end, in the order of their first reference.
                    block.kind = BlockKind::footnote;
                    block.start = ++footnotes_;
                    block.span = definition_span(node, span);
                } else {
                    block.kind = BlockKind::block_quote;
                }
                convert_blocks(node, block.children, depth + 1);
                break;
            default:
                if (is_a(node, "table")) {
                    convert_table(node, block);
                    break;
                }
                return;  // cmark's parser produces no other blocks
        }
        out.push_back(std::move(block));
    }

    int footnotes_ = 0;  // definitions converted so far

    // cmark-gfm places a definition at its text; the label before it is
    // where an author looks for it.
    SourceSpan definition_span(cmark_node* node, const SourceSpan& span) const {
        const int line = cmark_node_get_start_line(node);
        if (line <= 0 || static_cast<std::size_t>(line) > lines_.size()) return span;
        const std::string_view text = lines_[static_cast<std::size_t>(line) - 1];
        const auto at = text.find("[^");
        if (at == std::string_view::npos) return span;
        SourceSpan fixed = span;
        fixed.begin.column = static_cast<int>(at) + 1;
        return fixed;
    }

    void convert_table(cmark_node* node, Block& table) {
        table.kind = BlockKind::table;
        const std::uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
        const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(node);
        for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
            Block r;
            r.kind = BlockKind::table_row;
            r.span = span_of(row, table.span);
            r.header = is_a(row, "table_header");
            std::uint16_t column = 0;
            for (cmark_node* cell = cmark_node_first_child(row); cell;
                 cell = cmark_node_next(cell), ++column) {
                Block c;
                c.kind = BlockKind::table_cell;
                // The cells cmark-gfm adds to fill a short row have no place.
                c.span = span_of(cell, r.span);
                c.cell.align = aligns && column < columns ? cell_align(aligns[column])
                                                          : CellAlign::none;
                c.cell.scope = r.header ? CellScope::column : CellScope::none;
                block_span_ = c.span;
                convert_inlines(cell, c.inlines, c.span, 1);
                r.children.push_back(std::move(c));
            }
            table.children.push_back(std::move(r));
        }
    }

    // "[^label]" that cmark-gfm left as text: a reference to no footnote.
    // One written "\[^label]" is text on purpose; the source tells them apart.
    void report_undefined_references(cmark_node* node, const SourceSpan& span) {
        const std::string text = literal(node);
        const int line = cmark_node_get_start_line(node);
        const std::string_view source =
            line > 0 && static_cast<std::size_t>(line) <= lines_.size()
                ? lines_[static_cast<std::size_t>(line) - 1]
                : std::string_view{};
        std::size_t searched = 0;
        for (auto at = text.find("[^"); at != std::string::npos; at = text.find("[^", at + 2)) {
            const auto close = text.find(']', at + 2);
            if (close == std::string::npos || close == at + 2) break;
            const std::string label = text.substr(at + 2, close - at - 2);
            if (label.find_first_of(" \t") != std::string::npos) continue;
            const std::string written = "[^" + label + "]";
            SourceSpan where = span;
            const auto in_source = source.find(written, searched);
            if (in_source != std::string_view::npos) {
                searched = in_source + written.size();
                if (in_source > 0 && source[in_source - 1] == '\\') continue;
                where.begin.column = static_cast<int>(in_source) + 1;
                where.end = where.begin;
                where.end.column += static_cast<int>(written.size()) - 1;
            }
            context_.sink.warning(where, "undefined-footnote",
                                  "footnote [^" + escape_controls(label) +
                                      "] is not defined; define it on a line of its own: [^" +
                                      escape_controls(label) + "]: text");
        }
    }

    void convert_inlines(cmark_node* parent, std::vector<Inline>& out, const SourceSpan& fallback,
                         int depth) {
        // Room for one inline per node, made once: an inline is a large
        // object, and growing by doubling moved each of them several times.
        // (Only into an empty vector: a link's text added to its parent's
        // inlines must not reserve exactly, again and again.)
        if (out.empty()) out.reserve(children_of(parent));
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
        // A bare address ("https://..." or "www...", the autolink
        // extension's) has no '<' before it and is placed right.
        const std::size_t line = static_cast<std::size_t>(cmark_node_get_start_line(text));
        const auto lt = static_cast<std::size_t>(std::max(fixed.begin.column - 2, 0));
        if (line > lines_.size() || fixed.begin.column < 2 || lt >= lines_[line - 1].size() ||
            lines_[line - 1][lt] != '<')
            return fixed;
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
        const bool strikethrough = is_a(node, "strikethrough");
        const bool container = type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG ||
                               type == CMARK_NODE_LINK || strikethrough;
        if (container && depth >= ConversionContext::max_depth) {
            context_.report_nesting(in.span);
            out.push_back(Inline(InlineKind::text, plain_text(node), in.span));
            return;
        }
        switch (type) {
            case CMARK_NODE_TEXT:
                in.text = literal(node);
                if (in.text.find("[^") != std::string::npos)
                    report_undefined_references(node, in.span);
                break;
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                in.kind = InlineKind::footnote_ref;
                in.text = literal(node);  // the number cmark-gfm gave it
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
                if (title && *title) in.mutable_title() = title;
                auto target =
                    resolve_link(cmark_node_get_url(node), context_.input, in.span, context_.sink);
                if (!target) {
                    convert_inlines(node, out, fallback, depth + 1);
                    return;
                }
                in.kind = InlineKind::link;
                in.mutable_target() = std::move(*target);
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
                if (title && *title) in.mutable_title() = title;
                in.mutable_image() = std::move(*target);
                if (in.text.empty())
                    context_.sink.warning(in.span, "missing-alt",
                                          "image '" + escape_controls(in.image().url) +
                                              "' has no alt text; describe it for readers who "
                                              "cannot see it: ![description](" +
                                              escape_controls(in.image().url) + ")");
                break;
            }
            default:
                if (strikethrough) {
                    in.kind = InlineKind::strikethrough;
                    convert_inlines(node, in.children, in.span, depth + 1);
                    break;
                }
                return;  // raw HTML never gets here; it goes through blocks_from_html
        }
        out.push_back(std::move(in));
    }
};

// GitHub's extensions, as authors see their Markdown rendered there.
// cmark-gfm keeps its registry of extensions in globals that it fills on
// first use without a lock: it is filled and read once, before any two
// threads parse (a C++ static's initialisation is thread-safe).
const std::array<cmark_syntax_extension*, 4>& gfm_extensions() {
    static const std::array<cmark_syntax_extension*, 4> extensions = [] {
        cmark_gfm_core_extensions_ensure_registered();
        std::array<cmark_syntax_extension*, 4> found{};
        const char* names[] = {"table", "strikethrough", "autolink", "tasklist"};
        for (std::size_t i = 0; i < found.size(); ++i)
            found[i] = cmark_find_syntax_extension(names[i]);
        return found;
    }();
    return extensions;
}

}  // namespace

std::vector<Block> blocks_from_markdown(std::string_view body, ConversionContext& context) {
    // Strikethrough wants two tildes: "ca. ~5 bis ~10 Minuten" is no
    // deletion.
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(
        CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE));
    for (cmark_syntax_extension* extension : gfm_extensions())
        cmark_parser_attach_syntax_extension(parser.get(), extension);
    cmark_parser_feed(parser.get(), body.data(), body.size());
    std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
    std::vector<Block> blocks;
    Converter converter(context, body, cmark_parser_get_syntax_extensions(parser.get()));
    converter.convert_blocks(document.get(), blocks, 0);
    converter.report_unused_definitions(document.get(), blocks);
    return blocks;
}

}  // namespace pamphlet
