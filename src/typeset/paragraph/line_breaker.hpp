// Total-fit line breaking (Knuth and Plass 1981, as TeX does it): the
// breaks that minimise the paragraph's total demerits, found in up to three
// passes — without hyphenation under `pretolerance`, with it under
// `tolerance`, then with emergency stretch; when even that finds nothing, a
// last resort accepts any line that is not overfull and, where there is
// none, the least overfull one, so that no text is ever lost.
#pragma once

#include "paragraph/nodes.hpp"
#include "paragraph/paragraph.hpp"

#include <cstddef>
#include <vector>

namespace pamphlet::typeset {

struct LineMeasure {
    double first = 400;  // the first line's width (after the indent)
    double rest = 400;   // every other line's
    // Stretch every line has besides its glue: ragged setting's rightskip
    // (and leftskip). Enters the badness, not the spaces.
    double background_stretch = 0;
    // Whether the first line's first box may hang into the left margin
    // (not when the line is indented).
    bool first_line_protrudes = true;
};

struct LineBreak {
    std::size_t start =
        0;  // first node of the line (discardables after the previous break skipped)
    std::size_t position = 0;  // the break node ending the line (not part of the line)
    // How the line's own glue is set: > 0 stretched, < 0 shrunk (by that
    // share of its stretch/shrink); 0 for lines ending in infinite stretch.
    double ratio = 0;
    double overflow = 0;  // pt beyond the measure with all glue shrunk (> 0: overfull)
    // Margin kerning: how far the line's first box hangs into the left
    // margin and its last box (or inserted hyphen) into the right one.
    double hang_left = 0, hang_right = 0;
    // Font expansion: the share of the letters' expansion the line uses,
    // -1 (narrowest) to 1 (widest).
    double expansion = 0;
    int pass =
        1;  // which pass found the breaks: 1 pretolerance, 2 tolerance, 3 emergency, 4 last resort
};

// Breaks `nodes`, which must end in a forced break (TeX's \parfillskip and
// \penalty-10000). Lines in order; every node is in exactly one line or is
// discarded at a break.
std::vector<LineBreak> break_lines(const NodeList& nodes, const LineMeasure& measure,
                                   const BreakParams& params);

}  // namespace pamphlet::typeset
