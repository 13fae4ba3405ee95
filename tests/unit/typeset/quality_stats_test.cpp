#include "paragraph/quality_stats.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;
using namespace pamphlet::typeset;

namespace {

SetLine line(double ratio, bool hyphenated = false, double overflow = 0) {
    SetLine l;
    l.adjustment_ratio = ratio;
    l.hyphenated = l.ends_in_hyphen = hyphenated;
    l.overflow = overflow;
    return l;
}

}  // namespace

TEST_CASE("hyphen runs are counted within a paragraph, longest and three or more") {
    TypesetStats stats;
    const QualityLimits limits;
    // Runs of 3, then 1, then 2 (the last before the paragraph's end).
    count_paragraph({line(0.1, true), line(0.2, true), line(0.3, true), line(0.1), line(0.1, true),
                     line(0.1), line(0.2, true), line(0.2, true), line(0)},
                    SourceSpan::at("a.md", 3, 1), limits, stats);
    CHECK(stats.lines == 9);
    CHECK(stats.hyphenated_lines == 6);
    CHECK(stats.longest_hyphen_run == 3);
    CHECK(stats.hyphen_runs_of_three == 1);
    count_paragraph({line(0, true), line(0, true), line(0, true), line(0, true), line(0)},
                    SourceSpan::at("a.md", 9, 1), limits, stats);
    CHECK(stats.longest_hyphen_run == 4);
    CHECK(stats.hyphen_runs_of_three == 2);
}

TEST_CASE("a line ending in a written hyphen continues a run, but is not a hyphenated line") {
    TypesetStats stats;
    // "Sicherheits-/", "Hand-" (written), then "„im-" (inserted).
    SetLine written = line(0.1);
    written.ends_in_hyphen = true;
    count_paragraph({written, written, line(0.1, true), line(0)}, SourceSpan::at("a.md", 3, 1),
                    QualityLimits{}, stats);
    CHECK(stats.hyphenated_lines == 1);
    CHECK(stats.longest_hyphen_run == 3);
    CHECK(stats.hyphen_runs_of_three == 1);
}

TEST_CASE("loose, tight and overfull lines follow the limits; the worst line keeps its place") {
    TypesetStats stats;
    const QualityLimits limits{1.0, -0.8};
    count_paragraph({line(0.5), line(1.0), line(1.5), line(0)}, SourceSpan::at("a.md", 1, 1),
                    limits, stats);
    count_paragraph({line(-0.8), line(-0.9), line(-1, false, 2.5), line(0)},
                    SourceSpan::at("b.md", 7, 3), limits, stats);
    CHECK(stats.loose_lines == 1);  // 1.0 is at the limit, not beyond it
    CHECK(stats.tight_lines == 2);  // -0.9 and the overfull -1
    CHECK(stats.overfull_lines == 1);
    CHECK(stats.worst_badness == doctest::Approx(337.5));  // 100 · 1.5³
    CHECK(stats.worst_span == SourceSpan::at("a.md", 1, 1));

    count_paragraph({line(2.0), line(0)}, SourceSpan::at("c.md", 2, 1), {3.0, -0.8}, stats);
    CHECK(stats.loose_lines == 1);  // within this paragraph's looser limit
    CHECK(stats.worst_badness == doctest::Approx(800));
    CHECK(stats.worst_span == SourceSpan::at("c.md", 2, 1));
}
