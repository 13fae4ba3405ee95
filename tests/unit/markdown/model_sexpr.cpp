#include "model_sexpr.hpp"

#include "pamphlet/image.hpp"

#include <doctest/doctest.h>

namespace pamphlet::test {
namespace {

std::string literal(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (text.substr(i).starts_with("\u00A0")) {
            out += "\\u00a0";
            i += 1;
        } else if (text.substr(i).starts_with("\u202F")) {
            out += "\\u202f";
            i += 2;
        } else if (text.substr(i).starts_with("\u00AD")) {
            out += "\\u00ad";
            i += 1;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string target(const Target& t) {
    switch (t.kind) {
        case Target::Kind::external:
            return "ext:" + t.url;
        case Target::Kind::article:
            return "article:" + t.article_id + (t.fragment.empty() ? "" : "#" + t.fragment);
        case Target::Kind::fragment:
            return "#" + t.fragment;
    }
    return "?";
}

std::string target(const ImageSource& image) {
    return image.asset ? "file:" + image.asset->file().filename().string() : "missing:" + image.url;
}

void append(std::string& out, const Inline& in) {
    out += ' ';
    auto children = [&](std::string_view name) {
        out += "(" + std::string(name);
        for (const Inline& child : in.children) append(out, child);
        out += ")";
    };
    switch (in.kind) {
        case InlineKind::text:
            out += literal(in.text);
            break;
        case InlineKind::soft_break:
            out += "(soft)";
            break;
        case InlineKind::line_break:
            out += "(br)";
            break;
        case InlineKind::code:
            out += "(code " + literal(in.text) + ")";
            break;
        case InlineKind::emphasis:
            children("em");
            break;
        case InlineKind::strong:
            children("strong");
            break;
        case InlineKind::superscript:
            children("sup");
            break;
        case InlineKind::subscript:
            children("sub");
            break;
        case InlineKind::language:
            children("lang " + in.text);
            break;
        case InlineKind::link:
            out += "(a " + target(in.target());
            for (const Inline& child : in.children) append(out, child);
            out += ")";
            break;
        case InlineKind::strikethrough:
            children("del");
            break;
        case InlineKind::footnote_ref:
            out += "(fnref " + in.text + ")";
            break;
        case InlineKind::image:
            out += "(img " + target(in.image()) + " " + literal(in.text);
            if (!in.title().empty()) out += " title=" + literal(in.title());
            out += ")";
            break;
    }
}

void append(std::string& out, const Block& b) {
    auto inlines = [&](const std::vector<Inline>& list) {
        for (const Inline& in : list) append(out, in);
    };
    auto blocks = [&] {
        for (const Block& child : b.children) {
            out += ' ';
            append(out, child);
        }
    };
    switch (b.kind) {
        case BlockKind::paragraph:
            out += "(p";
            inlines(b.inlines);
            break;
        case BlockKind::heading:
            out += "(h" + std::to_string(b.level) + "#" + b.id;
            inlines(b.inlines);
            break;
        case BlockKind::bullet_list:
            out += b.tight ? "(ul" : "(ul loose";
            blocks();
            break;
        case BlockKind::ordered_list:
            out += "(ol";
            if (b.start != 1) out += " start=" + std::to_string(b.start);
            if (!b.tight) out += " loose";
            blocks();
            break;
        case BlockKind::list_item:
            out += "(li";
            if (b.task != TaskState::none) out += b.task == TaskState::done ? " [x]" : " [ ]";
            blocks();
            break;
        case BlockKind::block_quote:
            out += "(quote";
            blocks();
            break;
        case BlockKind::code_block:
            out += "(pre";
            if (!b.info.empty()) out += " " + b.info;
            out += " " + literal(b.text);
            break;
        case BlockKind::thematic_break:
            out += "(hr";
            break;
        case BlockKind::figure:
            out += "(figure";
            inlines(b.inlines);
            if (!b.caption.empty()) {
                out += " (caption";
                inlines(b.caption);
                out += ")";
            }
            break;
        case BlockKind::table:
            out += "(table";
            if (!b.caption.empty()) {
                out += " (caption";
                inlines(b.caption);
                out += ")";
            }
            blocks();
            break;
        case BlockKind::table_row:
            out += b.header ? "(thead-tr" : "(tr";
            blocks();
            break;
        case BlockKind::table_cell: {
            out += b.cell.scope == CellScope::none     ? "(td"
                   : b.cell.scope == CellScope::column ? "(th-col"
                                                       : "(th-row";
            static constexpr std::string_view aligns[] = {"", " left", " center", " right"};
            out += aligns[static_cast<int>(b.cell.align)];
            if (b.cell.colspan != 1) out += " colspan=" + std::to_string(b.cell.colspan);
            if (b.cell.rowspan != 1) out += " rowspan=" + std::to_string(b.cell.rowspan);
            inlines(b.inlines);
            break;
        }
        case BlockKind::callout: {
            static constexpr std::string_view kinds[] = {"note", "tip", "important", "warning",
                                                         "caution"};
            out += "(callout " + std::string(kinds[static_cast<int>(b.callout)]);
            inlines(b.caption);
            blocks();
            break;
        }
        case BlockKind::footnote:
            out += "(footnote " + std::to_string(b.start);
            blocks();
            break;
    }
    out += ")";
}

}  // namespace

std::string sexpr(const std::vector<Inline>& inlines) {
    std::string out;
    for (const Inline& in : inlines) append(out, in);
    return out.empty() ? out : out.substr(1);
}

std::string sexpr(const std::vector<Block>& blocks) {
    std::string out;
    for (const Block& b : blocks) {
        if (!out.empty()) out += ' ';
        append(out, b);
    }
    return out;
}

std::string codes(const DiagnosticSink& sink) {
    std::string out;
    for (const Diagnostic& d : sink.diagnostics()) {
        if (!out.empty()) out += '\n';
        out += std::string(severity_name(d.severity)) + " " + d.code + " " +
               std::to_string(d.span.begin.line) + ":" + std::to_string(d.span.begin.column);
    }
    return out;
}

std::string data_dir() {
    return PAMPHLET_TEST_DIR "/unit/markdown/data";
}

ArticleInput input_for(std::string lang) {
    ArticleInput input;
    input.display_path = "a.md";
    input.path = data_dir() + "/a." + lang + ".md";
    input.id = "a";
    input.lang = lang;
    input.article_ids =
        std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"a", "fascia", "back-pain"});
    return input;
}

Parsed parse(std::string_view file_text, std::string lang) {
    Parsed parsed;
    parsed.article = parse_article(input_for(std::move(lang)), file_text, parsed.sink);
    return parsed;
}

std::string body(std::string_view markdown, std::string lang, Parsed* parsed) {
    Parsed local;
    Parsed& p = parsed ? *parsed : local;
    const std::string file = "---\ntitle: T\n---\n" + std::string(markdown);
    p.article = parse_article(input_for(std::move(lang)), file, p.sink);
    REQUIRE(p.article);
    return sexpr(*p.article->body);
}

}  // namespace pamphlet::test
