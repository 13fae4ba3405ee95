// set_paragraph: characters resolved to fonts (itemize), words shaped into
// boxes and glue (paragraph_nodes), total-fit breaks (line_breaker), then
// each line set: justification goes into the space glyphs' advances so the
// spaces stay real glyphs a PDF reader extracts as spaces.
#include "paragraph/paragraph.hpp"

#include "paragraph/itemize.hpp"
#include "paragraph/line_breaker.hpp"
#include "paragraph/paragraph_nodes.hpp"

#include <algorithm>
#include <charconv>

namespace pamphlet::typeset {

namespace {

// Ragged lines may end this many ems short of the measure at no great cost
// (plain TeX's \raggedright uses 2em; a little more suits narrow columns).
constexpr double ragged_stretch_em = 3;
constexpr double overfull_tolerance = 0.01;  // pt

std::string format_points(double pt) {
    char buffer[32];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, pt, std::chars_format::fixed, 1);
    return std::string(buffer, result.ptr);
}

class LineSetter {
public:
    LineSetter(const ParagraphSpec& spec, const FontSet& fonts, const ParagraphNodes& paragraph)
        : spec_(spec), fonts_(fonts), paragraph_(paragraph) {
        piece_begin_.reserve(spec.pieces.size());
        std::size_t at = 0;
        for (const TextPiece& piece : spec.pieces) {
            piece_begin_.push_back(at);
            at += piece.text.size();
        }
    }

    SetLine set(const LineBreak& line, bool first_line);

private:
    const TextPiece& piece(int index) const {
        return spec_.pieces[static_cast<std::size_t>(index)];
    }
    void place(const NodeContent& content, double extra, bool is_box);
    double scale_ = 1;  // font expansion of the line's letters
    void extend_links(int link, double x0, double x1);
    void extend_phrases(int phrase, double x0, double x1);
    void extend_strike(const TextStyle& style, int font, double x0, double x1);

    const ParagraphSpec& spec_;
    const FontSet& fonts_;
    const ParagraphNodes& paragraph_;
    // Where a line's text begins: in the paragraph's text, by the first
    // word's place in its piece.
    std::size_t text_begin(const LineBreak& line) const;

    std::vector<std::size_t> piece_begin_;  // bytes into the paragraph's text, per piece
    std::size_t last_text_begin_ = 0;
    SetLine out_;
    double pen_ = 0;
    bool link_open_ = false;
    bool strike_open_ = false;
    int run_phrase_ = -1;  // the phrase of the line's last run
};

void LineSetter::place(const NodeContent& content, double extra, bool is_box) {
    const Segment& segment = paragraph_.segments[static_cast<std::size_t>(content.segment)];
    const TextPiece& source = piece(segment.piece);
    const TextStyle& style = source.style;
    if (out_.runs.empty() || out_.runs.back().font != segment.font ||
        out_.runs.back().size != style.size || !(out_.runs.back().color == style.color) ||
        out_.runs.back().y != style.baseline_shift || out_.runs.back().horizontal_scale != scale_ ||
        run_phrase_ != source.phrase) {
        GlyphRun run;
        run.font = segment.font;
        run.size = style.size;
        run.color = style.color;
        run.x = pen_;
        run.y = style.baseline_shift;
        run.horizontal_scale = scale_;
        run.span = source.span;
        out_.runs.push_back(std::move(run));
        run_phrase_ = source.phrase;
        const FontMetrics& m = fonts_.metrics(segment.font);
        const double scale = style.size / m.units_per_em;
        out_.ascent = std::max(out_.ascent, m.ascender * scale + style.baseline_shift);
        out_.descent = std::max(out_.descent, -m.descender * scale - style.baseline_shift);
    }
    GlyphRun& run = out_.runs.back();
    const std::vector<ShapedGlyph>& glyphs = *segment.glyphs;
    const std::uint32_t text_begin = glyphs[content.glyph_begin].cluster;
    const std::size_t text_end =
        content.glyph_end < glyphs.size() ? glyphs[content.glyph_end].cluster : segment.text.size();
    const auto base = static_cast<std::uint32_t>(run.text.size());
    run.text.append(segment.text, text_begin, text_end - text_begin);

    // Letters widen with the line; a space's width is its glue's.
    const double expand = is_box ? scale_ : 1;
    const double x0 = pen_;
    for (std::uint32_t g = content.glyph_begin; g < content.glyph_end; ++g) {
        const ShapedGlyph& shaped = glyphs[g];
        PlacedGlyph placed;
        placed.id = shaped.id;
        placed.advance = shaped.x_advance * segment.scale * expand;
        placed.dx = static_cast<float>(shaped.x_offset * segment.scale * expand);
        placed.dy = static_cast<float>(shaped.y_offset * segment.scale);
        placed.cluster = base + (shaped.cluster - text_begin);
        pen_ += placed.advance;
        run.glyphs.push_back(placed);
    }
    if (!run.glyphs.empty()) run.glyphs.back().advance += extra;
    pen_ += extra;
    if (is_box) {
        extend_links(source.link, x0, pen_);
        extend_phrases(source.phrase, x0, pen_);
        extend_strike(style, segment.font, x0, pen_);
    }
}

// Like a link's, a strike runs through the spaces between its words.
void LineSetter::extend_strike(const TextStyle& style, int font, double x0, double x1) {
    if (!style.struck) {
        strike_open_ = false;
        return;
    }
    const FontMetrics& m = fonts_.metrics(font);
    const double scale = style.size / m.units_per_em;
    LineStrike strike{x0, x1, style.baseline_shift + m.strikeout_position * scale,
                      m.strikeout_size * scale, style.color};
    if (strike_open_) {
        LineStrike& last = out_.strikes.back();
        if (last.y == strike.y && last.thickness == strike.thickness &&
            last.color == strike.color) {
            last.x1 = x1;
            return;
        }
        strike.x0 = last.x1;  // a change of size or colour: the next part joins on
    }
    out_.strikes.push_back(strike);
    strike_open_ = true;
}

// A link's extent runs from its first box on the line to its last,
// spaces between its words included.
void LineSetter::extend_links(int link, double x0, double x1) {
    if (link < 0) {
        link_open_ = false;
        return;
    }
    if (link_open_ && out_.links.back().link == link) {
        out_.links.back().x1 = x1;
    } else {
        out_.links.push_back({link, x0, x1});
    }
    link_open_ = true;
}

// Like a link's, a phrase's extent runs through the spaces between its words.
void LineSetter::extend_phrases(int phrase, double x0, double x1) {
    if (phrase < 0) return;
    if (!out_.phrases.empty() && out_.phrases.back().phrase == phrase) {
        out_.phrases.back().x1 = x1;
    } else {
        out_.phrases.push_back({phrase, x0, x1});
    }
}

std::size_t LineSetter::text_begin(const LineBreak& line) const {
    for (std::size_t i = line.start; i < line.position; ++i) {
        const NodeContent& content = paragraph_.content[i];
        if (paragraph_.nodes[i].kind != Node::Kind::box || content.segment < 0) continue;
        const Segment& segment = paragraph_.segments[static_cast<std::size_t>(content.segment)];
        const std::vector<ShapedGlyph>& glyphs = *segment.glyphs;
        const std::size_t cluster =
            content.glyph_begin < glyphs.size() ? glyphs[content.glyph_begin].cluster : 0;
        return piece_begin_[static_cast<std::size_t>(segment.piece)] + segment.piece_offset +
               cluster;
    }
    return last_text_begin_;  // no letters: an empty line between forced breaks
}

SetLine LineSetter::set(const LineBreak& line, bool first_line) {
    out_ = SetLine{};
    out_.text_begin = last_text_begin_ = text_begin(line);
    link_open_ = false;
    strike_open_ = false;
    run_phrase_ = -1;
    pen_ = (first_line ? spec_.first_line_indent : 0) - line.hang_left;
    const bool justify = spec_.align == Alignment::justify;
    const double ratio = std::max(line.ratio, -1.0);
    scale_ = justify ? 1 + line.expansion * spec_.params.font_expansion : 1;

    for (std::size_t i = line.start; i < line.position; ++i) {
        const Node& node = paragraph_.nodes[i];
        const NodeContent& content = paragraph_.content[i];
        if (node.kind == Node::Kind::penalty) continue;
        if (content.segment < 0) {  // glue without a glyph: its width goes to the pen
            const double adjustment = justify && ratio > 0 ? ratio * node.stretch : 0;
            pen_ += node.width + adjustment;
            if (!out_.runs.empty() && !out_.runs.back().glyphs.empty()) {
                out_.runs.back().glyphs.back().advance += node.width + adjustment;
            }
        } else if (node.kind == Node::Kind::box) {
            place(content, 0, true);
        } else {
            const double adjustment =
                justify ? (ratio > 0 ? ratio * node.stretch : ratio * node.shrink) : 0;
            place(content, adjustment, false);
        }
    }
    const Node& end = paragraph_.nodes[line.position];
    const NodeContent& end_content = paragraph_.content[line.position];
    const bool forced = end.kind == Node::Kind::penalty && end.penalty <= eject_penalty;
    if (end.kind == Node::Kind::penalty && !forced && end_content.segment >= 0) {
        place(end_content, 0, true);
        out_.hyphenated = true;
    }
    if ((end.kind == Node::Kind::glue || forced) && end_content.segment >= 0 &&
        !out_.runs.empty()) {
        // The space the line breaks at (or a forced break's inside the
        // paragraph), as pdfTeX's \pdfinterwordspaceon adds it: a glyph of
        // no advance, so that a reader of the text (a screen reader, a
        // tagged PDF's structure) hears "you wonder", not "youwonder".
        // Nothing moves on the page, and the line is no taller.
        const double pen = pen_, ascent = out_.ascent, descent = out_.descent;
        const std::size_t run_count = out_.runs.size();
        const std::size_t glyph_count = out_.runs.back().glyphs.size();
        place(end_content, 0, false);
        GlyphRun& run = out_.runs.back();
        const std::size_t first = out_.runs.size() == run_count ? glyph_count : 0;
        for (std::size_t g = first; g < run.glyphs.size(); ++g) run.glyphs[g].advance = 0;
        pen_ = pen;
        out_.ascent = ascent;
        out_.descent = descent;
    }
    out_.ends_in_hyphen = end.flagged;

    double shift = 0;
    if (spec_.align == Alignment::right) shift = spec_.measure - pen_;
    if (spec_.align == Alignment::center) shift = (spec_.measure - pen_) / 2;
    if (shift != 0) {
        for (GlyphRun& run : out_.runs) run.x += shift;
        for (LineLink& link : out_.links) {
            link.x0 += shift;
            link.x1 += shift;
        }
        for (LinePhrase& phrase : out_.phrases) {
            phrase.x0 += shift;
            phrase.x1 += shift;
        }
        for (LineStrike& strike : out_.strikes) {
            strike.x0 += shift;
            strike.x1 += shift;
        }
    }
    out_.width = pen_ + shift;
    out_.adjustment_ratio = justify ? line.ratio : 0;
    out_.overflow = line.overflow > overfull_tolerance ? line.overflow : 0;
    if (out_.runs.empty() && !spec_.pieces.empty()) {  // an empty line between forced breaks
        const TextStyle& style = spec_.pieces.front().style;
        const FontMetrics& m = fonts_.metrics(style.font);
        out_.ascent = m.ascender * style.size / m.units_per_em;
        out_.descent = -m.descender * style.size / m.units_per_em;
    }
    return std::move(out_);
}

void report_overfull(const LineBreak& line, const SetLine& set, const ParagraphNodes& paragraph,
                     const ParagraphSpec& spec, DiagnosticSink& sink) {
    if (line.overflow <= overfull_tolerance) return;
    SourceSpan span;
    bool has_space = false;
    for (std::size_t i = line.start; i < line.position; ++i) {
        const NodeContent& content = paragraph.content[i];
        if (paragraph.nodes[i].kind == Node::Kind::glue && content.segment >= 0) has_space = true;
        if (!span.has_file() && content.piece >= 0) {
            span = spec.pieces[static_cast<std::size_t>(content.piece)].span;
        }
    }
    std::string text;
    for (const GlyphRun& run : set.runs) text += run.text;
    if (!text.empty() && text.back() == ' ') text.pop_back();  // the space the line breaks at
    const std::string by = format_points(line.overflow) + " pt";
    if (has_space) {
        sink.warning(span, "overfull-line",
                     "overfull line: '" + text + "' is " + by + " wider than the measure");
    } else {
        sink.warning(span, "overfull-line",
                     "word longer than the measure: '" + text + "' sticks out by " + by);
    }
}

}  // namespace

SetParagraph set_paragraph(const ParagraphSpec& spec, FontSet& fonts, DiagnosticSink& sink,
                           UncoveredText* uncovered) {
    static const NoHyphenation no_hyphenation;
    UncoveredText own_uncovered;
    const std::vector<ResolvedChar> chars =
        resolve_fonts(spec, fonts, uncovered != nullptr ? *uncovered : own_uncovered);
    own_uncovered.report({}, sink);
    const ParagraphNodes paragraph = build_nodes(
        spec, chars, fonts, spec.hyphenator != nullptr ? *spec.hyphenator : no_hyphenation);
    if (paragraph.nodes.empty()) return {};

    LineMeasure measure;
    measure.first = spec.measure - spec.first_line_indent;
    measure.rest = spec.measure;
    measure.first_line_protrudes = spec.first_line_indent == 0;
    if (spec.align != Alignment::justify && !spec.pieces.empty()) {
        measure.background_stretch = ragged_stretch_em * spec.pieces.front().style.size;
    }
    const std::vector<LineBreak> breaks = break_lines(paragraph.nodes, measure, spec.params);
    for (const OverlongWord& word : paragraph.overlong_words) {
        sink.warning(spec.pieces[static_cast<std::size_t>(word.piece)].span, "overlong-word",
                     "word longer than the measure: '" + word.text +
                         "' is broken where the line ends, wherever that falls");
    }

    SetParagraph result;
    LineSetter setter(spec, fonts, paragraph);
    for (std::size_t i = 0; i < breaks.size(); ++i) {
        result.lines.push_back(setter.set(breaks[i], i == 0));
        report_overfull(breaks[i], result.lines.back(), paragraph, spec, sink);
    }
    return result;
}

}  // namespace pamphlet::typeset
