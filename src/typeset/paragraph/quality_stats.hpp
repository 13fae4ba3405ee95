// Measured quality of set text: the counts behind `pamphlet build --stats`.
#pragma once

#include "paragraph/paragraph.hpp"

#include "pamphlet/typeset.hpp"

#include <vector>

namespace pamphlet::typeset {

// Adjustment ratios beyond which a justified line counts as loose or tight
// (the profile's quality.loose_ratio and quality.tight_ratio).
struct QualityLimits {
    double loose_ratio = 1;
    double tight_ratio = -0.8;
};

// Adds the lines of one paragraph, which starts at `paragraph`, to `stats`.
// Hyphen runs are counted within the paragraph: its last line never ends in
// a hyphen, so no run continues into the next.
void count_paragraph(const std::vector<SetLine>& lines, const SourceSpan& paragraph,
                     const QualityLimits& limits, TypesetStats& stats);

}  // namespace pamphlet::typeset
