#include "paragraph/quality_stats.hpp"

#include "tex.hpp"

#include <algorithm>
#include <cmath>

namespace pamphlet::typeset {

namespace {

// Runs this long are what TeX's \doublehyphendemerits and the typographers'
// "no more than two hyphens in a row" are meant to prevent.
constexpr int long_hyphen_run = 3;

void end_hyphen_run(int& run, TypesetStats& stats) {
    stats.longest_hyphen_run = std::max(stats.longest_hyphen_run, run);
    if (run >= long_hyphen_run) ++stats.hyphen_runs_of_three;
    run = 0;
}

}  // namespace

void count_paragraph(const std::vector<SetLine>& lines, const SourceSpan& paragraph,
                     const QualityLimits& limits, TypesetStats& stats) {
    int run = 0;
    for (const SetLine& line : lines) {
        ++stats.lines;
        if (line.hyphenated) ++stats.hyphenated_lines;
        // A run is of lines ending in a hyphen, inserted or written: the
        // reader's eye sees the same stack of hyphens at the edge.
        if (line.ends_in_hyphen) {
            ++run;
        } else {
            end_hyphen_run(run, stats);
        }
        const double ratio = line.adjustment_ratio;
        if (ratio > limits.loose_ratio) ++stats.loose_lines;
        if (ratio < limits.tight_ratio) ++stats.tight_lines;
        if (line.overflow > 0) ++stats.overfull_lines;
        // Uncapped, unlike the line breaker's badness: the report should tell
        // a line stretched to r = 3 from one stretched to r = 6.
        const double line_badness = uncapped_badness(ratio);
        if (line_badness > stats.worst_badness) {
            stats.worst_badness = line_badness;
            stats.worst_span = paragraph;
        }
    }
    end_hyphen_run(run, stats);
}

}  // namespace pamphlet::typeset
