// One place that turns styled text into set lines and set lines into box
// contents for the page: fonts mapped to the document's, links to areas.
#pragma once

#include "document/document_fonts.hpp"
#include "document/styles.hpp"
#include "page/vertical_list.hpp"
#include "paragraph/paragraph.hpp"
#include "paragraph/uncovered_text.hpp"

#include "pamphlet/hyphenation.hpp"

#include <string>
#include <vector>

namespace pamphlet::typeset {

// Where a link of a paragraph goes: an external `uri`, or an anchor name.
struct LinkTarget {
    std::string uri;
    std::string destination;
    std::string label;  // the text the link is set on (tagged PDF's /Contents)
    std::string lang;   // BCP 47: the link lies within a phrase in that language
};

struct StyledText {
    std::vector<TextPiece> pieces;
    std::vector<LinkTarget> links;  // TextPiece::link indexes these
    // Phrases in another language than the paragraph's (<span lang="en">),
    // by BCP 47 tag: TextPiece::phrase indexes these; `phrase` is the one
    // the pieces added now belong to.
    std::vector<std::string> phrases;
    int phrase = -1;

    void add(std::string text, const TextStyle& style, const SourceSpan& span, int link = -1) {
        if (!text.empty()) pieces.push_back({std::move(text), style, span, link, phrase});
    }
    bool empty() const { return pieces.empty(); }
};

class TextSetter {
public:
    // Without `hyphenation`, words break only at hyphens.
    TextSetter(const Styles& styles, FontSet& fonts, DocumentFonts& document_fonts,
               DiagnosticSink& sink, Hyphenation* hyphenation = nullptr)
        : styles_(styles),
          fonts_(fonts),
          document_fonts_(document_fonts),
          sink_(sink),
          hyphenation_(hyphenation) {}

    // `looseness`: lines more or fewer than the best breaks (BreakParams);
    // such a variant is set quietly (its warnings were said of the best).
    std::vector<SetLine> set(const StyledText& text, const std::string& lang, double measure,
                             Alignment align, double first_line_indent = 0, int looseness = 0);

    // A set line as box content, its left edge at `x`; its fonts become the
    // document's. The line's runs move into the content (the rvalue form):
    // a glyph is stored once, not once per stage.
    BoxContent line_content(SetLine&& line, double x, const std::vector<LinkTarget>& links);
    BoxContent line_content(const SetLine& line, double x, const std::vector<LinkTarget>& links);

    // Width of `text` set on one line (for right-aligned markers and footers).
    double width(const StyledText& text, const std::string& lang);

    // Reports the characters no font of the profile had, once per article
    // and script (call when the document is set).
    void report_uncovered() { uncovered_.report(styles_.profile().id, sink_); }

    // Whether the runs placed keep their characters (GlyphRun::text) once
    // their fonts have noted them: traces and tests read them; the PDF does
    // not, and a long brochure spares a string per run.
    void keep_run_text(bool keep) { keep_run_text_ = keep; }

    const Styles& styles() const { return styles_; }
    FontSet& fonts() { return fonts_; }
    DiagnosticSink& sink() { return sink_; }

private:
    const Styles& styles_;
    FontSet& fonts_;
    DocumentFonts& document_fonts_;
    DiagnosticSink& sink_;
    Hyphenation* hyphenation_;
    UncoveredText uncovered_;
    bool keep_run_text_ = true;
};

}  // namespace pamphlet::typeset
