// The line breaker's view of a paragraph: Knuth and Plass's boxes, glue and
// penalties ("Breaking Paragraphs into Lines", 1981). A hyphenation point
// with a hyphen to insert is a flagged penalty whose width is the hyphen's:
// the paragraph engine never needs post-break text, so this is all of TeX's
// discretionary it uses. Widths are points.
#pragma once

#include "tex.hpp"

#include <vector>

namespace pamphlet::typeset {

struct Node {
    enum class Kind { box, glue, penalty };
    Kind kind = Kind::box;
    double width = 0;
    // Glue, and boxes and hyphens under font expansion (how much their
    // letters may widen or narrow). `fill_stretch` is stretch of the
    // infinite order (TeX's fil), which wins over any finite stretch in the
    // same line.
    double stretch = 0, shrink = 0, fill_stretch = 0;
    // A hyphen ends the line here (double-hyphen demerits, hyphen runs): a
    // penalty's inserted or written hyphen, or glue after a word that ends
    // in its own hyphen ("Hand- und Fußpflege").
    bool flagged = false;
    // Penalty only.
    double penalty = 0;
    bool hyphenation = false;  // found by the hyphenator: only from the second pass on
    // Margin kerning (optical margin alignment): how far this box may hang
    // into the left margin when it begins a line and into the right margin
    // when it ends one (a penalty: its hyphen, when the line breaks there).
    double protrude_left = 0, protrude_right = 0;

    static Node box(double width) { return {Kind::box, width}; }
    static Node glue(double width, double stretch, double shrink, double fill = 0) {
        return {Kind::glue, width, stretch, shrink, fill};
    }
    static Node make_penalty(double width, double penalty, bool flagged = false,
                             bool hyphenation = false) {
        Node n{Kind::penalty, width};
        n.penalty = penalty;
        n.flagged = flagged;
        n.hyphenation = hyphenation;
        return n;
    }
};

using NodeList = std::vector<Node>;

}  // namespace pamphlet::typeset
