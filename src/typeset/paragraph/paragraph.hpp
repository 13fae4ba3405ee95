// Setting one paragraph: styled text -> shaped, broken, justified lines.
// The contract between the paragraph engine and the page builder.
#pragma once

#include "pamphlet/color.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/font_set.hpp"
#include "pamphlet/hyphenator.hpp"
#include "pamphlet/layout.hpp"

#include <string>
#include <vector>

namespace pamphlet::typeset {

struct TextStyle {
    int font = 0;                // FontSet index of the face
    std::vector<int> fallbacks;  // FontSet indexes tried, in order, for characters the face lacks
    double size = 10;            // pt
    Color color;
    std::string features;       // OpenType features for HarfBuzz ("onum,smcp")
    bool hyphenate = true;      // words may be hyphenated (never in code, URLs, headings)
    double baseline_shift = 0;  // pt, positive up (superscript)
    bool struck = false;        // a line through it (~~struck out~~)
};

// Text in one style. Pieces are concatenated; line breaks may fall between
// or inside pieces. "\n" in text is a forced line break.
struct TextPiece {
    std::string text;
    TextStyle style;
    SourceSpan span;
    int link = -1;  // index of the link this text belongs to, or -1
    // Index of the phrase in another language this text belongs to (its
    // innermost), or -1: the line setter begins a run where one begins.
    int phrase = -1;
};

enum class Alignment { justify, left, center, right };

// Knuth–Plass parameters; TeX's defaults (plain.tex).
struct BreakParams {
    double pretolerance = 100;
    double tolerance = 200;
    double line_penalty = 10;
    double hyphen_penalty = 50;
    double adj_demerits = 10000;
    double double_hyphen_demerits = 10000;
    double final_hyphen_demerits = 5000;
    double emergency_stretch = 0;   // pt, third pass
    double space_stretch = 0.5;     // of the space width
    double space_shrink = 1.0 / 3;  // of the space width
    // Most lines in a row ending in a hyphen (0: any number); the final
    // pass, which must always find breaks, ignores it.
    int max_hyphen_run = 0;
    // A last line shorter than this share of the measure costs
    // `short_last_line_demerits` (a word alone on the last line).
    double last_line_min = 0;
    double short_last_line_demerits = 0;
    // Margin kerning: hyphens, punctuation and quotes at a line's ends hang
    // partly into the margin, so the text's edges look straight (pdfTeX's
    // character protrusion). Justified and left-aligned text only.
    bool protrusion = false;
    // Font expansion: the share by which the letters of a justified line
    // may be widened or narrowed, taking part of the adjustment off the word
    // spaces (pdfTeX's hz); 0: off.
    double font_expansion = 0;
    // Lines more (> 0) or fewer (< 0) than the best breaks have, at the
    // least cost (TeX's \looseness): the page builder asks for a paragraph
    // one line longer or shorter when that lets a page end at its bottom.
    // Not met when no such breaks exist within the tolerance.
    int looseness = 0;
};

struct ParagraphSpec {
    std::vector<TextPiece> pieces;
    std::string lang;              // BCP 47, for shaping and hyphenation
    double measure = 400;          // line width, pt
    double first_line_indent = 0;  // pt
    Alignment align = Alignment::justify;
    BreakParams params;
    const Hyphenator* hyphenator = nullptr;  // none: words break only at explicit hyphens
};

// Horizontal extent of a link on a line.
struct LineLink {
    int link = -1;
    double x0 = 0, x1 = 0;
};

// Horizontal extent of a phrase in another language on a line.
struct LinePhrase {
    int phrase = -1;
    double x0 = 0, x1 = 0;
};

// A line through struck-out text: from x0 to x1, its middle y above the
// baseline.
struct LineStrike {
    double x0 = 0, x1 = 0, y = 0, thickness = 0;
    Color color;
};

struct SetLine {
    // x relative to the line's left edge, y = 0 on the baseline; GlyphRun::font
    // is a FontSet index here (the page builder maps it to the document's).
    std::vector<GlyphRun> runs;
    double width = 0;                // width of the set line
    double ascent = 0, descent = 0;  // largest of its glyphs' fonts, pt, both >= 0
    std::vector<LineLink> links;
    std::vector<LinePhrase> phrases;  // a run lies within one or outside all
    std::vector<LineStrike> strikes;
    bool hyphenated = false;      // ends in a hyphen the breaker inserted
    // Ends in a hyphen, inserted or written ("Physiotherapie-", "Hand-"):
    // what breaking.max_consecutive_hyphens counts.
    bool ends_in_hyphen = false;
    double adjustment_ratio = 0;  // how much its glue stretched (>0) or shrank (<0)
    double overflow = 0;          // pt beyond the measure with all glue shrunk (> 0: overfull)
    // Bytes into the paragraph's text (its pieces' texts one after another)
    // where the line's first letter is written: where a page that opens
    // with this line begins (pamphlet/page_starts.hpp).
    std::size_t text_begin = 0;
};

struct SetParagraph {
    std::vector<SetLine> lines;
};

class UncoveredText;

// Characters no font has go to `uncovered`, to be reported once per article
// and script; without it, they are reported at the end of this paragraph.
SetParagraph set_paragraph(const ParagraphSpec& spec, FontSet& fonts, DiagnosticSink& sink,
                           UncoveredText* uncovered = nullptr);

}  // namespace pamphlet::typeset
