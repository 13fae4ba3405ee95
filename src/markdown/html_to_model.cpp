// Raw HTML -> model nodes. gumbo (behind src/html) has already repaired the
// markup the way a browser would; here elements map onto the few things the
// model knows, everything else is unwrapped to its content, and whatever
// could run code is dropped with a warning.
#include "conversion.hpp"
#include "html.hpp"
#include "targets.hpp"
#include "urls.hpp"

#include "pamphlet/locale.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <string>

namespace pamphlet {
namespace {

using html::Node;

bool is_one_of(const std::string& tag, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), tag) != names.end();
}

bool is_unsafe(const std::string& tag) {
    return is_one_of(tag, {"script", "style", "iframe", "object", "embed", "form", "input",
                           "button", "textarea", "select", "template", "noscript", "frame",
                           "frameset", "applet", "link", "meta", "base"});
}

// Elements that start a new block when they appear among blocks.
bool is_block_container(const std::string& tag) {
    return is_one_of(tag,
                     {"div",     "section",  "article",    "aside",    "header",  "footer",  "nav",
                      "main",    "figure",   "figcaption", "address",  "details", "summary", "dl",
                      "dt",      "dd",       "center",     "fieldset", "legend",  "hgroup",  "li",
                      "table",   "thead",    "tbody",      "tfoot",    "tr",      "td",      "th",
                      "caption", "colgroup", "col",        "body",     "html"});
}

int heading_level(const std::string& tag) {
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return tag[1] - '0';
    return 0;
}

bool is_html_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    bool in_space = false;
    for (char c : text) {
        if (is_html_space(c)) {
            if (!in_space) out += ' ';
            in_space = true;
        } else {
            out += c;
            in_space = false;
        }
    }
    return out;
}

// HTML's whitespace rules across the text nodes of one paragraph: no space
// at either end, none doubled, none after a line break.
void trim_spaces(std::vector<Inline>& inlines, bool& after_space) {
    for (Inline& in : inlines) {
        if (in.kind == InlineKind::text) {
            std::string out;
            for (char c : in.text) {
                if (c == ' ' && after_space) continue;
                out += c;
                after_space = c == ' ';
            }
            in.text = std::move(out);
        } else if (in.kind == InlineKind::line_break || in.kind == InlineKind::soft_break) {
            after_space = true;
        } else if (in.kind == InlineKind::code || in.kind == InlineKind::image) {
            after_space = false;
        } else {
            trim_spaces(in.children, after_space);
        }
    }
}

bool trim_trailing_space(std::vector<Inline>& inlines) {
    for (auto it = inlines.rbegin(); it != inlines.rend(); ++it) {
        if (it->kind == InlineKind::text) {
            if (it->text.empty()) continue;
            if (it->text.back() == ' ') it->text.pop_back();
            return true;
        }
        if (it->kind == InlineKind::soft_break) continue;
        if (!it->children.empty() && trim_trailing_space(it->children)) return true;
        if (it->kind != InlineKind::emphasis && it->kind != InlineKind::strong &&
            it->kind != InlineKind::superscript && it->kind != InlineKind::subscript &&
            it->kind != InlineKind::language)
            return true;
    }
    return false;
}

void normalize_spaces(std::vector<Inline>& inlines) {
    bool after_space = true;
    trim_spaces(inlines, after_space);
    trim_trailing_space(inlines);
}

bool has_content(const std::vector<Inline>& inlines) {
    for (const Inline& in : inlines) {
        if (in.kind == InlineKind::text && in.text.find_first_not_of(' ') == std::string::npos)
            continue;
        if (in.kind == InlineKind::soft_break) continue;
        if (in.kind == InlineKind::emphasis || in.kind == InlineKind::strong ||
            in.kind == InlineKind::superscript || in.kind == InlineKind::subscript ||
            in.kind == InlineKind::language) {
            if (has_content(in.children)) return true;
            continue;
        }
        return true;
    }
    return false;
}

class HtmlConverter {
public:
    HtmlConverter(const SourceSpan& span, ConversionContext& context, const HtmlSourceMap& map)
        : span_(span), context_(context), map_(map) {}

    // Blocks collect into `out`; loose inline content between them becomes
    // paragraphs.
    struct BlockRun {
        std::vector<Block>& out;
        std::vector<Inline> pending;
    };

    void flush(BlockRun& run) {
        normalize_spaces(run.pending);
        if (has_content(run.pending)) {
            Block paragraph = block(BlockKind::paragraph);
            paragraph.inlines = in_block_language(std::move(run.pending));
            run.out.push_back(std::move(paragraph));
        }
        run.pending.clear();
    }

    void convert_blocks(const std::vector<Node>& nodes, std::vector<Block>& out) {
        BlockRun run{out, {}};
        for (const Node& node : nodes) convert_block(node, run);
        flush(run);
    }

private:
    const SourceSpan& span_;
    ConversionContext& context_;
    const HtmlSourceMap& map_;
    std::set<std::string> reported_;

    SourceSpan at(const Node& node) const { return map_.locate(node.offset, span_); }
    SourceSpan at_attribute(const Node& node, std::size_t i) const {
        return i < node.attribute_offsets.size() ? map_.locate(node.attribute_offsets[i], span_)
                                                 : at(node);
    }

    Block block(BlockKind kind) const {
        Block b;
        b.kind = kind;
        b.span = span_;
        return b;
    }

    Inline inline_node(InlineKind kind, std::string text = {}) const {
        Inline in;
        in.kind = kind;
        in.text = std::move(text);
        in.span = span_;
        return in;
    }

    // Reports what a hostile or unsupported element or attribute loses.
    // Returns false when the element is dropped altogether.
    bool check_element(const Node& node) {
        if (is_unsafe(node.tag)) {
            warn_once(at(node), "unsafe-html", "<" + node.tag + ">",
                      "raw HTML element <" + node.tag + "> is not allowed and was removed");
            return false;
        }
        for (std::size_t i = 0; i < node.attributes.size(); ++i) {
            const std::string& name = node.attributes[i].first;
            if (name.starts_with("on"))
                warn_once(at_attribute(node, i), "unsafe-html", name,
                          "event handler attribute '" + name + "' on <" + node.tag +
                              "> is not allowed and was removed");
        }
        return true;
    }

    std::vector<std::string> block_languages_;  // of the block elements around, innermost last

    void warn_once(const SourceSpan& span, std::string code, const std::string& what,
                   std::string message) {
        if (!reported_.insert(code + what).second) return;
        context_.sink.warning(span, std::move(code), std::move(message));
    }

    // A block element's language (<p lang="en">, <blockquote lang="la">)
    // goes to the inlines of every paragraph and heading inside it.
    std::vector<Inline> in_block_language(std::vector<Inline> inlines) const {
        if (block_languages_.empty() || inlines.empty()) return inlines;
        Inline phrase = inline_node(InlineKind::language, block_languages_.back());
        phrase.children = std::move(inlines);
        std::vector<Inline> out;
        out.push_back(std::move(phrase));
        return out;
    }

    void convert_block(const Node& node, BlockRun& run) {
        if (node.kind == Node::Kind::element && is_block_element(node.tag)) {
            if (const std::optional<std::string> lang = language_of(node)) {
                flush(run);
                block_languages_.push_back(*lang);
                convert_block_element(node, run);
                flush(run);
                block_languages_.pop_back();
                return;
            }
        }
        convert_block_element(node, run);
    }

    static bool is_block_element(const std::string& tag) {
        return tag == "p" || heading_level(tag) > 0 || tag == "ul" || tag == "ol" ||
               tag == "li" || tag == "blockquote" || is_block_container(tag);
    }

    void convert_block_element(const Node& node, BlockRun& run) {
        if (node.kind == Node::Kind::text) {
            std::string text = collapse_whitespace(node.text);
            if (run.pending.empty() && text == " ") return;
            run.pending.push_back(inline_node(InlineKind::text, std::move(text)));
            return;
        }
        if (!check_element(node)) return;
        const std::string& tag = node.tag;
        if (tag == "p" || heading_level(tag) > 0) {
            flush(run);
            Block b = block(tag == "p" ? BlockKind::paragraph : BlockKind::heading);
            b.level = heading_level(tag);
            convert_inlines(node.children, b.inlines);
            normalize_spaces(b.inlines);
            b.inlines = in_block_language(std::move(b.inlines));
            if (has_content(b.inlines)) run.out.push_back(std::move(b));
        } else if (tag == "ul" || tag == "ol") {
            flush(run);
            run.out.push_back(list(node));
        } else if (tag == "blockquote") {
            flush(run);
            Block quote = block(BlockKind::block_quote);
            convert_blocks(node.children, quote.children);
            run.out.push_back(std::move(quote));
        } else if (tag == "pre") {
            flush(run);
            run.out.push_back(code_block(node));
        } else if (tag == "hr") {
            flush(run);
            run.out.push_back(block(BlockKind::thematic_break));
        } else if (tag == "table") {
            flush(run);
            run.out.push_back(table(node));
        } else if (is_block_container(tag)) {
            flush(run);
            for (const Node& child : node.children) convert_block(child, run);
            flush(run);
        } else {
            convert_inline(node, run.pending);
        }
    }

    Block list(const Node& node) {
        Block b = block(node.tag == "ol" ? BlockKind::ordered_list : BlockKind::bullet_list);
        b.tight = true;
        if (node.tag == "ol") {
            if (const std::string* start = node.attribute("start")) {
                int value = 1;
                auto [end, ec] =
                    std::from_chars(start->data(), start->data() + start->size(), value);
                if (ec == std::errc{} && end == start->data() + start->size()) b.start = value;
            }
        }
        for (const Node& child : node.children) {
            if (child.kind == Node::Kind::text &&
                collapse_whitespace(child.text).find_first_not_of(' ') == std::string::npos)
                continue;
            if (child.kind == Node::Kind::element && !check_element(child)) continue;
            Block item = block(BlockKind::list_item);
            if (child.kind == Node::Kind::element && child.tag == "li") {
                const std::optional<std::string> lang = language_of(child);
                if (lang) block_languages_.push_back(*lang);
                convert_blocks(child.children, item.children);
                if (lang) block_languages_.pop_back();
                for (const Node& grandchild : child.children)
                    if (grandchild.kind == Node::Kind::element && grandchild.tag == "p")
                        b.tight = false;
            } else {
                convert_blocks({child}, item.children);
            }
            b.children.push_back(std::move(item));
        }
        return b;
    }

    // <table>: its caption, then its rows (<thead>'s as header rows) and
    // their cells. A cell keeps text and inline markup; blocks in it are
    // joined as lines, with a warning.
    Block table(const Node& node) {
        Block t = block(BlockKind::table);
        t.span = at(node);
        bool body_rows = false;  // seen: leading rows of <th> only are header rows
        auto add_row = [&](const Node& tr, bool in_head) {
            Block row = block(BlockKind::table_row);
            row.span = at(tr);
            bool all_th = true;
            for (const Node& cell : tr.children)
                if (cell.kind == Node::Kind::element && cell.tag == "td") all_th = false;
            row.header = in_head || (all_th && !body_rows);
            body_rows = body_rows || !row.header;
            for (const Node& cell : tr.children) {
                if (cell.kind != Node::Kind::element || !check_element(cell)) continue;
                if (cell.tag != "td" && cell.tag != "th") continue;
                row.children.push_back(table_cell(cell, row.header));
            }
            t.children.push_back(std::move(row));
        };
        for (const Node& part : node.children) {
            if (part.kind != Node::Kind::element || !check_element(part)) continue;
            if (part.tag == "caption") {
                convert_inlines(part.children, t.caption);
                normalize_spaces(t.caption);
            } else if (part.tag == "tr") {
                add_row(part, false);
            } else if (part.tag == "thead" || part.tag == "tbody" || part.tag == "tfoot") {
                for (const Node& tr : part.children)
                    if (tr.kind == Node::Kind::element && tr.tag == "tr" && check_element(tr))
                        add_row(tr, part.tag == "thead");
            }
        }
        return t;
    }

    Block table_cell(const Node& node, bool header_row) {
        Block cell = block(BlockKind::table_cell);
        cell.span = at(node);
        if (node.tag == "th") {
            const std::string* scope = node.attribute("scope");
            if (scope && (*scope == "row" || *scope == "rowgroup"))
                cell.cell.scope = CellScope::row;
            else if (scope && (*scope == "col" || *scope == "colgroup"))
                cell.cell.scope = CellScope::column;
            else
                cell.cell.scope = header_row ? CellScope::column : CellScope::row;
        }
        cell.cell.colspan = span_attribute(node, "colspan", 1000);
        cell.cell.rowspan = span_attribute(node, "rowspan", 65534);
        cell.cell.align = cell_align(node);
        std::vector<Block> blocks;
        convert_blocks(node.children, blocks);
        bool joined = false;
        for (Block& b : blocks) {
            if (!cell.inlines.empty()) cell.inlines.push_back(inline_node(InlineKind::line_break));
            joined = joined || b.kind != BlockKind::paragraph || blocks.size() > 1;
            inlines_of(std::move(b), cell.inlines);
        }
        if (joined)
            warn_once(cell.span, "table-cell-blocks", "",
                      "a table cell holds text and inline markup only; the paragraphs, lists or "
                      "tables in this cell were joined as lines");
        return cell;
    }

    // A block's text as inlines, its parts as lines.
    void inlines_of(Block&& b, std::vector<Inline>& out) {
        if (b.kind == BlockKind::code_block) {
            out.push_back(inline_node(InlineKind::code, std::move(b.text)));
            return;
        }
        for (Inline& in : b.caption) out.push_back(std::move(in));
        if (!b.caption.empty() && (!b.inlines.empty() || !b.children.empty()))
            out.push_back(inline_node(InlineKind::line_break));
        for (Inline& in : b.inlines) out.push_back(std::move(in));
        bool first = b.inlines.empty();
        for (Block& child : b.children) {
            if (!first) out.push_back(inline_node(InlineKind::line_break));
            first = false;
            inlines_of(std::move(child), out);
        }
    }

    // colspan="2", rowspan="3": whole numbers from 1 to `limit`, as browsers
    // read them; anything else spans one cell, with a warning.
    std::uint16_t span_attribute(const Node& node, std::string_view name, int limit) {
        const std::string* value = node.attribute(name);
        if (value == nullptr) return 1;
        int n = 0;
        auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
        if (ec == std::errc{} && end == value->data() + value->size() && n >= 1 && n <= limit)
            return static_cast<std::uint16_t>(n);
        std::string message = std::string(name) + "=\"" + escape_controls(*value) +
                              "\" is not a number of cells from 1 to " + std::to_string(limit) +
                              "; the cell spans one";
        context_.sink.warning(at(node), "table-span", std::move(message));
        return 1;
    }

    // align="right" or style="text-align: right".
    static CellAlign cell_align(const Node& node) {
        std::string value;
        if (const std::string* align = node.attribute("align")) value = *align;
        if (const std::string* style = node.attribute("style")) {
            const auto at = style->find("text-align");
            if (at != std::string::npos) {
                const auto colon = style->find(':', at);
                const auto end = style->find(';', at);
                if (colon != std::string::npos && colon < end)
                    value = style->substr(colon + 1, end == std::string::npos ? end : end - colon - 1);
            }
        }
        value = collapse_whitespace(value);
        if (value.find("right") != std::string::npos) return CellAlign::right;
        if (value.find("center") != std::string::npos) return CellAlign::center;
        if (value.find("left") != std::string::npos) return CellAlign::left;
        return CellAlign::none;
    }

    Block code_block(const Node& pre) {
        Block b = block(BlockKind::code_block);
        b.text = html::text_content(pre);
        if (!b.text.empty() && b.text.back() != '\n') b.text += '\n';
        for (const Node& child : pre.children) {
            if (child.kind != Node::Kind::element || child.tag != "code") continue;
            if (const std::string* cls = child.attribute("class")) {
                const std::string_view prefix = "language-";
                if (cls->starts_with(prefix))
                    b.info = cls->substr(prefix.size(), cls->find(' ') - prefix.size());
            }
        }
        return b;
    }

    void convert_inlines(const std::vector<Node>& nodes, std::vector<Inline>& out) {
        for (const Node& node : nodes) convert_inline(node, out);
    }

    void convert_inline(const Node& node, std::vector<Inline>& out) {
        if (node.kind == Node::Kind::text) {
            out.push_back(inline_node(InlineKind::text, collapse_whitespace(node.text)));
            return;
        }
        if (!check_element(node)) return;
        // A phrase in another language (<span lang="en">, <i lang="la">):
        // its element as usual, inside a language inline.
        if (const std::optional<std::string> lang = language_of(node)) {
            Inline in = inline_node(InlineKind::language, *lang);
            convert_element(node, in.children);
            out.push_back(std::move(in));
            return;
        }
        convert_element(node, out);
    }

    // The element's `lang` (or `xml:lang`), when it is a well-formed BCP 47
    // tag; an ill-formed one is reported and the phrase kept without it.
    std::optional<std::string> language_of(const Node& node) {
        const std::string* lang = node.attribute("lang");
        if (lang == nullptr) lang = node.attribute("xml:lang");
        if (lang == nullptr || lang->empty()) return std::nullopt;
        if (!is_language_tag(*lang)) {
            std::string message = "lang=\"";
            message += escape_controls(*lang);
            message +=
                "\" is not a language tag (BCP 47, e.g. en, de-CH); the phrase is kept in the "
                "article's language";
            context_.sink.warning(at(node), "bad-language-tag", std::move(message));
            return std::nullopt;
        }
        return *lang;
    }

    void convert_element(const Node& node, std::vector<Inline>& out) {
        const std::string& tag = node.tag;
        if (is_one_of(tag, {"em", "i", "cite", "dfn", "var"})) {
            container(InlineKind::emphasis, node, out);
        } else if (is_one_of(tag, {"strong", "b"})) {
            container(InlineKind::strong, node, out);
        } else if (tag == "sup" || tag == "sub") {
            container(tag == "sup" ? InlineKind::superscript : InlineKind::subscript, node, out);
        } else if (is_one_of(tag, {"code", "kbd", "samp", "tt"})) {
            out.push_back(inline_node(InlineKind::code, html::text_content(node)));
        } else if (tag == "br") {
            out.push_back(inline_node(InlineKind::line_break));
        } else if (tag == "a") {
            link(node, out);
        } else if (tag == "img") {
            image(node, out);
        } else if (tag == "pre") {
            out.push_back(inline_node(InlineKind::code, html::text_content(node)));
        } else if (tag == "p" || tag == "hr" || heading_level(tag) > 0 || is_block_container(tag) ||
                   is_one_of(tag, {"ul", "ol", "blockquote"})) {
            // A block inside inline content (gumbo allows <div> in <em>):
            // its content joins the paragraph, set off by a space.
            if (!out.empty()) out.push_back(inline_node(InlineKind::soft_break));
            convert_inlines(node.children, out);
        } else {
            convert_inlines(node.children, out);
        }
    }

    void container(InlineKind kind, const Node& node, std::vector<Inline>& out) {
        Inline in = inline_node(kind);
        convert_inlines(node.children, in.children);
        out.push_back(std::move(in));
    }

    void link(const Node& node, std::vector<Inline>& out) {
        const std::string* href = node.attribute("href");
        std::optional<Target> target;
        if (href) target = resolve_link(*href, context_.input, at(node), context_.sink);
        if (!target) {
            convert_inlines(node.children, out);
            return;
        }
        Inline in = inline_node(InlineKind::link);
        in.mutable_target() = std::move(*target);
        if (const std::string* title = node.attribute("title")) in.mutable_title() = *title;
        convert_inlines(node.children, in.children);
        out.push_back(std::move(in));
    }

    void image(const Node& node, std::vector<Inline>& out) {
        const std::string* src = node.attribute("src");
        const std::string* alt = node.attribute("alt");
        Inline in = inline_node(InlineKind::text, alt ? collapse_whitespace(*alt) : "");
        auto target = resolve_image(src ? *src : "", context_.input, at(node), context_.sink);
        if (target) {
            in.kind = InlineKind::image;
            in.mutable_image() = std::move(*target);
            if (const std::string* title = node.attribute("title")) in.mutable_title() = *title;
            if (in.text.empty())
                context_.sink.warning(at(node), "missing-alt",
                                      "image '" + escape_controls(in.image().url) +
                                          "' has no alt text; describe it for readers who "
                                          "cannot see it (alt=\"...\")");
        }
        out.push_back(std::move(in));
    }
};

}  // namespace

SourceSpan HtmlSourceMap::locate(std::size_t offset, const SourceSpan& fallback) const {
    for (const Piece& piece : pieces) {
        if (offset < piece.offset || offset >= piece.offset + piece.size) continue;
        const std::string_view before = html.substr(piece.offset, offset - piece.offset);
        const auto newlines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        const auto last_newline = before.rfind('\n');
        SourcePos pos = piece.start;
        pos.line += newlines;
        pos.column =
            last_newline == std::string_view::npos
                ? piece.start.column + static_cast<int>(before.size())
                : piece.continuation_column + static_cast<int>(before.size() - last_newline - 1);
        return SourceSpan{fallback.file, pos, pos};
    }
    return fallback;
}

std::vector<Block> blocks_from_html(std::string_view source, const SourceSpan& span,
                                    ConversionContext& context, const HtmlSourceMap& map) {
    html::Fragment fragment = html::parse_fragment(source);
    if (fragment.flattened) context.report_nesting(span);
    std::vector<Block> blocks;
    HtmlConverter(span, context, map).convert_blocks(fragment.nodes, blocks);
    return blocks;
}

}  // namespace pamphlet
