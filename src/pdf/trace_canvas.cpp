#include "trace_canvas.hpp"

#include "number_format.hpp"
#include "structure_order.hpp"

#include <algorithm>
#include <cmath>

namespace pamphlet::pdf_detail {

namespace {

std::string trace_number(double value) {
    return format_number(value, 2);
}

std::string point(double x, double y) {
    return trace_number(x) + "," + trace_number(y);
}

std::string size(double width, double height) {
    return trace_number(width) + "x" + trace_number(height);
}

std::string box_text(const Box& box) {
    return point(box.left, box.bottom) + " " + size(box.width(), box.height());
}

// Quoted, with the quote, backslash and control characters escaped, so a
// trace line is always one line.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += '?';
        } else {
            out += c;
        }
    }
    return out + "\"";
}

const char* style_name(PageLabelRange::Style style) {
    switch (style) {
        case PageLabelRange::Style::decimal:
            return "decimal";
        case PageLabelRange::Style::roman_lower:
            return "roman";
        case PageLabelRange::Style::none:
            return "none";
    }
    return "?";
}

}  // namespace

std::string trace_color(const Color& color) {
    if (color.space == Color::Space::cmyk) {
        return "cmyk(" + trace_number(color.v[0]) + "," + trace_number(color.v[1]) + "," +
               trace_number(color.v[2]) + "," + trace_number(color.v[3]) + ")";
    }
    static const char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (int i = 0; i < 3; ++i) {
        const int byte = static_cast<int>(std::lround(std::clamp(color.v[i], 0.0, 1.0) * 255));
        out += digits[byte >> 4];
        out += digits[byte & 0xF];
    }
    return out;
}

std::string TraceCanvas::tag(StructRef node) const {
    if (!structure_) return {};
    if (node == artifact) return " artifact";
    return std::string(" tag=") +
           role_name(structure_->nodes[static_cast<std::size_t>(node)].role) + "#" +
           std::to_string(node);
}

std::optional<std::string> TraceCanvas::finish() {
    if (!structure_) return out_;
    // The elements in the order they were made, each under its parent.
    for (std::size_t n = 0; n < structure_->nodes.size(); ++n) {
        const StructNode& node = structure_->nodes[n];
        std::string text = "element " + std::string(role_name(node.role)) + "#" + std::to_string(n);
        if (node.parent != artifact) {
            text += " in " +
                    std::string(
                        role_name(structure_->nodes[static_cast<std::size_t>(node.parent)].role)) +
                    "#" + std::to_string(node.parent);
        }
        const auto ref = static_cast<StructRef>(n);
        if (!structure_->alt(ref).empty()) text += " alt=" + quoted(structure_->alt(ref));
        if (!structure_->lang(ref).empty()) text += " lang=" + structure_->lang(ref);
        if (node.scope != HeaderScope::none)
            text += node.scope == HeaderScope::row ? " scope=row" : " scope=column";
        line(text);
    }
    return out_;
}

void TraceCanvas::line(const std::string& text) {
    out_ += text;
    out_ += '\n';
}

void TraceCanvas::begin_document(const DocumentInfo& info, const std::vector<DocumentFont>& fonts,
                                 const std::vector<DocumentImage>& images, Conformance conformance,
                                 const StructureTree* structure) {
    structure_ = structure;
    line("document title=" + quoted(info.title) + " author=" + quoted(info.author) +
         " lang=" + info.lang + " time=" + std::to_string(info.timestamp));
    if (conformance == Conformance::pdfa_1b) line("conformance PDF/A-1b");
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        line("font " + std::to_string(i) + " " + fonts[i].postscript_name +
             " upem=" + std::to_string(fonts[i].units_per_em) +
             " glyphs=" + std::to_string(fonts[i].glyphs.size()));
    }
    // File names only: the folders differ between machines.
    for (std::size_t i = 0; i < images.size(); ++i) {
        line("image " + std::to_string(i) + " " + images[i].asset->name());
    }
}

void TraceCanvas::begin_page(double width, double height) {
    line("page " + std::to_string(++page_number_) + " " + size(width, height));
}

void TraceCanvas::set_page_boxes(const Box& trim, const Box& bleed) {
    line("trim " + box_text(trim) + " bleed " + box_text(bleed));
}

void TraceCanvas::begin_imposed_page(std::optional<int> page, const Box& trim) {
    line("imposed " + (page ? "page " + std::to_string(*page + 1) : std::string("blank")) + " at " +
         box_text(trim));
}

void TraceCanvas::show_glyphs(const GlyphRun& run) {
    std::string glyphs;
    for (const PlacedGlyph& glyph : run.glyphs) {
        if (!glyphs.empty()) glyphs += ' ';
        glyphs += std::to_string(glyph.id) + ":" + trace_number(glyph.advance);
        if (glyph.dx != 0 || glyph.dy != 0) glyphs += "@" + point(glyph.dx, glyph.dy);
    }
    line("glyphs font=" + std::to_string(run.font) + " size=" + trace_number(run.size) +
         " color=" + trace_color(run.color) + " at " + point(run.x, run.y) +
         (run.horizontal_scale != 1 ? " scale=" + trace_number(run.horizontal_scale) : "") + " " +
         quoted(run.text) + " [" + glyphs + "]" + tag(run.node));
}

void TraceCanvas::fill_rect(const FilledRect& rect) {
    line("rect " + point(rect.x, rect.y) + " " + size(rect.width, rect.height) +
         " color=" + trace_color(rect.color) + tag(rect.node));
}

void TraceCanvas::draw_image(const PlacedImage& image) {
    line("image " + std::to_string(image.image) + " at " + point(image.x, image.y) + " " +
         size(image.width, image.height) + " alt=" + quoted(image.alt) + tag(image.node));
}

void TraceCanvas::begin_clip(const Box& box) {
    line("clip " + box_text(box));
}

void TraceCanvas::end_clip() {
    line("end clip");
}

void TraceCanvas::stroke_line(const StrokedLine& stroke) {
    line("line " + point(stroke.x0, stroke.y0) + " to " + point(stroke.x1, stroke.y1) +
         " width=" + trace_number(stroke.width) + " color=" + trace_color(stroke.color));
}

void TraceCanvas::add_link(const LinkArea& link) {
    std::string target =
        link.dest_page ? "page=" + std::to_string(*link.dest_page + 1) + " y=" + trace_number(link.dest_y)
                       : "uri=" + quoted(link.uri);
    line("link " + point(link.x, link.y) + " " + size(link.width, link.height) + " " + target +
         tag(link.node));
}

void TraceCanvas::add_outline(const OutlineEntry& entry) {
    line("outline " + std::string(static_cast<std::size_t>(std::max(entry.level, 0)) * 2, ' ') +
         quoted(entry.title) + " page=" + std::to_string(entry.page + 1) +
         " y=" + trace_number(entry.y));
}

void TraceCanvas::set_page_labels(const std::vector<PageLabelRange>& ranges) {
    for (const PageLabelRange& range : ranges) {
        line("labels from page " + std::to_string(range.first_page + 1) + " " +
             style_name(range.style) + " prefix=" + quoted(range.prefix) +
             " start=" + std::to_string(range.start));
    }
}

}  // namespace pamphlet::pdf_detail
