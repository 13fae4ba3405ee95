#include "document/text_setter.hpp"

namespace pamphlet::typeset {

std::vector<SetLine> TextSetter::set(const StyledText& text, const std::string& lang,
                                     double measure, Alignment align, double first_line_indent,
                                     int looseness) {
    if (text.empty()) return {};
    ParagraphSpec spec;
    spec.pieces = text.pieces;
    spec.lang = lang;
    spec.measure = measure;
    spec.first_line_indent = first_line_indent;
    spec.align = align;
    spec.params = styles_.break_params;
    // Pieces that must not be hyphenated (headings, code, URLs) say so in
    // their style; the paragraph engine asks the hyphenator for the rest.
    if (hyphenation_ != nullptr)
        spec.hyphenator = hyphenation_->for_language(lang, text.pieces.front().span, sink_);
    spec.params.looseness = looseness;
    if (looseness != 0) {
        DiagnosticSink quiet;
        UncoveredText seen;
        return set_paragraph(spec, fonts_, quiet, &seen).lines;
    }
    return set_paragraph(spec, fonts_, sink_, &uncovered_).lines;
}

BoxContent TextSetter::line_content(SetLine&& line, double x,
                                    const std::vector<LinkTarget>& links) {
    // The hyphen the breaker added is a run of its own, the line's last: the
    // text's element ends before it (tagged PDF reads the word whole), and
    // the hyphen is painted as an artifact.
    if (line.hyphenated && !line.runs.empty() && line.runs.back().glyphs.size() > 1) {
        GlyphRun& last = line.runs.back();
        GlyphRun hyphen = last;
        hyphen.glyphs.assign(1, last.glyphs.back());
        last.glyphs.pop_back();
        for (const PlacedGlyph& glyph : last.glyphs) hyphen.x += glyph.advance;
        const std::size_t cut =
            std::min<std::size_t>(hyphen.glyphs.front().cluster, last.text.size());
        hyphen.text = last.text.substr(cut);
        last.text.resize(cut);
        hyphen.glyphs.front().cluster = 0;
        line.runs.push_back(std::move(hyphen));
    }
    BoxContent content;
    content.items.reserve(line.runs.size());
    for (GlyphRun& run : line.runs) {
        run.x += x;
        document_fonts_.adopt(run);
        if (!keep_run_text_) std::string().swap(run.text);
        // The line setter grew the glyphs one by one; what stays until the
        // page is painted should not keep that room.
        run.glyphs.shrink_to_fit();
        content.items.emplace_back(std::move(run));
    }
    line.runs.clear();
    for (const LineStrike& strike : line.strikes) {
        content.items.emplace_back(FilledRect{x + strike.x0, strike.y - strike.thickness / 2,
                                              strike.x1 - strike.x0, strike.thickness,
                                              strike.color});
    }
    for (const LineLink& link : line.links) {
        if (link.link < 0 || static_cast<std::size_t>(link.link) >= links.size()) continue;
        const LinkTarget& target = links[static_cast<std::size_t>(link.link)];
        PendingLink pending;
        pending.area.x = x + link.x0;
        pending.area.width = link.x1 - link.x0;
        pending.area.y = -line.descent;
        pending.area.height = line.ascent + line.descent;
        pending.area.uri = target.uri;
        pending.destination = target.destination;
        content.links.push_back(std::move(pending));
    }
    return content;
}

BoxContent TextSetter::line_content(const SetLine& line, double x,
                                    const std::vector<LinkTarget>& links) {
    SetLine copy = line;
    return line_content(std::move(copy), x, links);
}

double TextSetter::width(const StyledText& text, const std::string& lang) {
    // Wide enough never to break; ragged, so nothing is stretched.
    const double unlimited = 1e6;
    std::vector<SetLine> lines = set(text, lang, unlimited, Alignment::left);
    double widest = 0;
    for (const SetLine& line : lines) widest = std::max(widest, line.width);
    return widest;
}

}  // namespace pamphlet::typeset
