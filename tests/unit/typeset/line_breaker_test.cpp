#include "paragraph/line_breaker.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

using namespace pamphlet::typeset;

namespace {

constexpr double space = 10, space_stretch = 5, space_shrink = 3;

// Words of the given widths separated by spaces, ended as a paragraph is.
NodeList words(const std::vector<double>& widths) {
    NodeList nodes;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (i > 0) nodes.push_back(Node::glue(space, space_stretch, space_shrink));
        nodes.push_back(Node::box(widths[i]));
    }
    nodes.push_back(Node::make_penalty(0, infinite_penalty));
    nodes.push_back(Node::glue(0, 0, 0, 1));
    nodes.push_back(Node::make_penalty(0, eject_penalty));
    return nodes;
}

// Index of the word each line ends with.
std::vector<std::size_t> last_words(const NodeList& nodes, const std::vector<LineBreak>& lines) {
    std::vector<std::size_t> result;
    for (const LineBreak& line : lines) {
        std::size_t word = 0;
        for (std::size_t i = 0; i < line.position; ++i) {
            if (nodes[i].kind == Node::Kind::box) ++word;
        }
        result.push_back(word - 1);
    }
    return result;
}

LineMeasure measure_of(double width) {
    return {width, width, 0};
}

// Independent reference for the demerits when adjacent fitness classes cost
// nothing: every way of breaking between words tried, the cheapest kept.
struct Reference {
    const std::vector<double>& widths;
    double measure;
    double threshold;

    std::optional<double> line_badness(std::size_t first, std::size_t last, bool final) const {
        double natural = 0;
        for (std::size_t i = first; i <= last; ++i) natural += widths[i];
        const double spaces = static_cast<double>(last - first);
        natural += spaces * space;
        const double shortfall = measure - natural;
        if (final)
            return shortfall >= -spaces * space_shrink ? std::optional<double>(0) : std::nullopt;
        if (shortfall < -spaces * space_shrink) return std::nullopt;
        double b = 0;
        if (shortfall > 0) {
            b = spaces > 0 ? badness(shortfall / (spaces * space_stretch)) : infinitely_bad;
        } else if (shortfall < 0) {
            b = badness(shortfall / (spaces * space_shrink));
        }
        if (b > threshold) return std::nullopt;
        return b;
    }

    // Lines as the index of their last word; nullopt if nothing is feasible.
    std::optional<std::vector<std::size_t>> best() const {
        const std::size_t n = widths.size();
        std::optional<std::vector<std::size_t>> result;
        double best_demerits = std::numeric_limits<double>::infinity();
        for (std::uint32_t mask = 0; mask < (1u << (n - 1)); ++mask) {
            std::vector<std::size_t> ends;
            for (std::size_t i = 0; i + 1 < n; ++i) {
                if (mask & (1u << i)) ends.push_back(i);
            }
            ends.push_back(n - 1);
            double demerits = 0;
            std::size_t first = 0;
            bool feasible = true;
            for (std::size_t e : ends) {
                const auto b = line_badness(first, e, e == n - 1);
                if (!b) {
                    feasible = false;
                    break;
                }
                demerits += (10 + *b) * (10 + *b);
                first = e + 1;
            }
            if (feasible && demerits < best_demerits) {
                best_demerits = demerits;
                result = ends;
            }
        }
        return result;
    }
};

// First fit: as many words on each line as fit with the spaces shrunk.
std::vector<std::size_t> first_fit(const std::vector<double>& widths, double measure) {
    std::vector<std::size_t> ends;
    double line = -1;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const double with_word = line < 0 ? widths[i] : line + space - space_shrink + widths[i];
        if (line >= 0 && with_word > measure) {
            ends.push_back(i - 1);
            line = widths[i];
        } else {
            line = with_word;
        }
    }
    ends.push_back(widths.size() - 1);
    return ends;
}

}  // namespace

TEST_CASE("total fit finds the breaks with the least demerits, where first fit does not") {
    BreakParams params;
    params.adj_demerits = 0;  // the reference knows no fitness classes
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % 60;
    };
    int feasible = 0, differs_from_first_fit = 0;
    int balanced_better = 0;  // the classic: first fit leaves a loose line
    for (int trial = 0; trial < 40; ++trial) {
        std::vector<double> widths;
        for (int i = 0; i < 15; ++i) widths.push_back(10 + static_cast<double>(next() % 25));
        const double measure = 160;
        const NodeList nodes = words(widths);
        std::optional<std::vector<std::size_t>> expected =
            Reference{widths, measure, params.pretolerance}.best();
        if (!expected) expected = Reference{widths, measure, params.tolerance}.best();
        if (!expected) continue;
        ++feasible;
        CAPTURE(trial);
        const std::vector<LineBreak> lines = break_lines(nodes, measure_of(measure), params);
        const std::vector<std::size_t> got = last_words(nodes, lines);
        CHECK(got == *expected);
        const std::vector<std::size_t> greedy = first_fit(widths, measure);
        if (got == greedy) continue;
        ++differs_from_first_fit;
        // The worst line of each, by how much of its stretch or shrink it uses.
        double greedy_worst = 0;
        std::size_t first = 0;
        for (std::size_t k = 0; k + 1 < greedy.size(); ++k) {
            double natural = 0;
            for (std::size_t w = first; w <= greedy[k]; ++w) natural += widths[w];
            const double spaces = static_cast<double>(greedy[k] - first);
            natural += spaces * space;
            const double shortfall = measure - natural;
            const double ratio =
                spaces == 0 ? 100
                            : shortfall / (spaces * (shortfall > 0 ? space_stretch : space_shrink));
            greedy_worst = std::max(greedy_worst, std::abs(ratio));
            first = greedy[k] + 1;
        }
        double total_fit_worst = 0;
        for (const LineBreak& line : lines) {
            total_fit_worst = std::max(total_fit_worst, std::abs(line.ratio));
        }
        if (greedy_worst > total_fit_worst) ++balanced_better;
    }
    CHECK(feasible >= 20);
    MESSAGE(differs_from_first_fit
            << " of " << feasible << " paragraphs broken differently from first fit, "
            << balanced_better << " where first fit's worst line is worse than total fit's");
    CHECK(balanced_better > 0);
}

TEST_CASE("forced breaks end a line; infinite penalties prevent one") {
    NodeList nodes = words({30, 30, 30, 30});
    // A forced break after the second word.
    nodes.insert(nodes.begin() + 3, {Node::make_penalty(0, infinite_penalty),
                                     Node::glue(0, 0, 0, 1), Node::make_penalty(0, eject_penalty)});
    auto lines = break_lines(nodes, measure_of(500), BreakParams{});
    REQUIRE(lines.size() == 2);
    CHECK(last_words(nodes, lines) == std::vector<std::size_t>{1, 3});
    CHECK(lines[0].ratio == 0);  // ragged: infinite stretch

    // Where the measure wants a break after word 2 (index 1), a tie forbids it.
    NodeList tied = words({45, 45, 45, 45});
    tied.insert(tied.begin() + 3, Node::make_penalty(0, infinite_penalty));
    lines = break_lines(tied, measure_of(100), BreakParams{});
    for (std::size_t end : last_words(tied, lines)) CHECK(end != 1);
}

TEST_CASE("hyphenation points are tried only when the first pass fails") {
    BreakParams params;
    NodeList nodes = words({50, 44, 50});
    // A hyphenation point inside the middle word (22 + hyphen 5 | 22).
    nodes[2] = Node::box(22);
    nodes.insert(nodes.begin() + 3,
                 {Node::make_penalty(5, params.hyphen_penalty, true, true), Node::box(22)});
    auto lines = break_lines(nodes, measure_of(106), params);
    CHECK(lines.front().pass == 1);
    CHECK(nodes[lines.front().position].kind == Node::Kind::glue);

    // At 87pt no line without hyphenation is good enough.
    lines = break_lines(nodes, measure_of(87), params);
    CHECK(lines.front().pass == 2);
    CHECK(nodes[lines.front().position].kind == Node::Kind::penalty);
}

TEST_CASE("ragged setting balances lines with the background stretch") {
    // Spaces without stretch, as in ragged-right setting.
    NodeList nodes;
    const std::vector<double> widths = {30, 50, 20, 40, 35, 25, 45, 30, 20, 50, 40, 30};
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (i > 0) nodes.push_back(Node::glue(space, 0, 0));
        nodes.push_back(Node::box(widths[i]));
    }
    nodes.push_back(Node::make_penalty(0, infinite_penalty));
    nodes.push_back(Node::glue(0, 0, 0, 1));
    nodes.push_back(Node::make_penalty(0, eject_penalty));
    const auto lines = break_lines(nodes, {150, 150, 30}, BreakParams{});
    REQUIRE(lines.size() >= 3);
    for (const LineBreak& line : lines) {
        CHECK(line.overflow == 0);
        CHECK(line.ratio == 0);  // the spaces themselves never stretch
    }
}

TEST_CASE("a box wider than the measure makes an overfull line; no text is lost") {
    const NodeList nodes = words({40, 300, 40, 40});
    const auto lines = break_lines(nodes, measure_of(100), BreakParams{});
    const auto ends = last_words(nodes, lines);
    REQUIRE(!lines.empty());
    CHECK(ends.back() == 3);
    double worst = 0;
    for (const LineBreak& line : lines) worst = std::max(worst, line.overflow);
    CHECK(worst == doctest::Approx(200));
    // Every box is in exactly one line.
    std::size_t boxes = 0;
    for (const LineBreak& line : lines) {
        for (std::size_t i = line.start; i < line.position; ++i) {
            boxes += nodes[i].kind == Node::Kind::box;
        }
    }
    CHECK(boxes == 4);
}

TEST_CASE("emergency stretch rescues a paragraph without overfull lines") {
    BreakParams params;
    params.emergency_stretch = 50;
    const NodeList nodes = words({60, 60, 60});
    const auto lines = break_lines(nodes, measure_of(100), params);
    CHECK(lines.front().pass == 3);
    for (const LineBreak& line : lines) CHECK(line.overflow == 0);
}

TEST_CASE("badness is 100 r cubed, capped") {
    CHECK(badness(0) == 0);
    CHECK(badness(1) == doctest::Approx(100));
    CHECK(badness(-0.5) == doctest::Approx(12.5));
    CHECK(badness(5) == 10000);
    CHECK(badness(-12) == 10000);
}

TEST_CASE("uncapped badness goes on past the cap, for ranking lines beyond it") {
    CHECK(uncapped_badness(-0.5) == doctest::Approx(12.5));
    CHECK(uncapped_badness(5) == doctest::Approx(12500));
    CHECK(uncapped_badness(6) > uncapped_badness(5));
    CHECK(badness(6) == badness(5));
}

namespace {

constexpr double hyphen = 5;

// Words split into parts at hyphenation points, ended as a paragraph is.
NodeList hyphenated_words(const std::vector<std::vector<double>>& words, double penalty = 50) {
    NodeList nodes;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) nodes.push_back(Node::glue(space, space_stretch, space_shrink));
        for (std::size_t k = 0; k < words[i].size(); ++k) {
            if (k > 0) nodes.push_back(Node::make_penalty(hyphen, penalty, true, true));
            nodes.push_back(Node::box(words[i][k]));
        }
    }
    nodes.push_back(Node::make_penalty(0, infinite_penalty));
    nodes.push_back(Node::glue(0, 0, 0, 1));
    nodes.push_back(Node::make_penalty(0, eject_penalty));
    return nodes;
}

bool ends_in_hyphen(const NodeList& nodes, const LineBreak& line) {
    return nodes[line.position].kind == Node::Kind::penalty && nodes[line.position].flagged;
}

int longest_hyphen_run(const NodeList& nodes, const std::vector<LineBreak>& lines) {
    int run = 0, longest = 0;
    for (const LineBreak& line : lines) {
        run = ends_in_hyphen(nodes, line) ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// Independent reference for the hyphen rules: dynamic programming over
// (break, hyphen run) in one pass under `tolerance`, fitness classes ignored.
struct HyphenReference {
    const NodeList& nodes;
    double measure;
    BreakParams params;

    std::size_t start_after(std::size_t position) const {
        std::size_t start = position + 1;
        while (start < nodes.size() && nodes[start].kind != Node::Kind::box) ++start;
        return start;
    }

    // Demerits of the line from `start` to the break at `end`, hyphen runs
    // aside; nullopt when it is too bad.
    std::optional<double> line(std::size_t start, std::size_t end) const {
        const Node& at = nodes[end];
        double natural = at.kind == Node::Kind::penalty ? at.width : 0;
        double stretch = 0, shrink = 0, fill = 0;
        for (std::size_t i = start; i < end; ++i) {
            if (nodes[i].kind == Node::Kind::penalty) continue;
            natural += nodes[i].width;
            stretch += nodes[i].stretch;
            shrink += nodes[i].shrink;
            fill += nodes[i].fill_stretch;
        }
        const double shortfall = measure - natural;
        double b = 0;
        if (shortfall > 0 && fill == 0)
            b = stretch > 0 ? badness(shortfall / stretch) : infinitely_bad;
        if (shortfall < 0) {
            if (-shortfall > shrink) return std::nullopt;
            b = badness(shortfall / shrink);
        }
        if (b > params.tolerance) return std::nullopt;
        double d = (params.line_penalty + b) * (params.line_penalty + b);
        if (at.kind == Node::Kind::penalty && at.penalty > 0) d += at.penalty * at.penalty;
        return d;
    }

    bool flagged(std::size_t position) const {
        return nodes[position].flagged;
    }

    // The cost of the hyphen rules for a line ending at `end` after `run`
    // hyphenated lines; nullopt when the limit forbids it.
    std::optional<double> hyphen_cost(int run, std::size_t end) const {
        if (!flagged(end))
            return run > 0 && end + 1 == nodes.size() ? params.final_hyphen_demerits : 0;
        if (params.max_hyphen_run > 0 && run >= params.max_hyphen_run) return std::nullopt;
        return run > 0 ? params.double_hyphen_demerits : 0;
    }

    // Total demerits of breaking at `ends`, the last the paragraph's end.
    std::optional<double> demerits(const std::vector<std::size_t>& ends) const {
        double total = 0;
        std::size_t start = 0;  // a paragraph begins with a box
        int run = 0;
        for (std::size_t end : ends) {
            const std::optional<double> d = line(start, end);
            const std::optional<double> h = hyphen_cost(run, end);
            if (!d || !h) return std::nullopt;
            total += *d + *h;
            run = flagged(end) ? run + 1 : 0;
            start = start_after(end);
        }
        return total;
    }

    std::optional<double> best() const {
        const int runs = std::max(params.max_hyphen_run, 1) + 1;
        const double none = std::numeric_limits<double>::infinity();
        // best[i][r]: the least demerits of breaking at i after r hyphenated lines in a row.
        std::vector<std::vector<double>> best(nodes.size(), std::vector<double>(runs, none));
        std::vector<std::size_t> breaks{0};
        auto cheapest = [&](std::size_t end) {
            for (std::size_t from : breaks) {
                const std::size_t start = from == 0 ? 0 : start_after(from);
                const std::optional<double> d = line(start, end);
                if (!d) continue;
                for (int run = 0; run < runs; ++run) {
                    const double before = from == 0 ? (run == 0 ? 0 : none) : best[from][run];
                    const std::optional<double> h = hyphen_cost(run, end);
                    if (before == none || !h) continue;
                    const int after = flagged(end) ? run + 1 : 0;
                    double& slot = best[end][std::min(after, runs - 1)];
                    slot = std::min(slot, before + *d + *h);
                }
            }
            breaks.push_back(end);
        };
        for (std::size_t i = 1; i + 1 < nodes.size(); ++i) {
            const Node& n = nodes[i];
            const bool legal = n.kind == Node::Kind::glue
                                   ? nodes[i - 1].kind == Node::Kind::box
                                   : n.kind == Node::Kind::penalty && n.penalty < infinite_penalty;
            if (legal) cheapest(i);
        }
        cheapest(nodes.size() - 1);
        const double result = *std::min_element(best.back().begin(), best.back().end());
        return result == none ? std::nullopt : std::optional<double>(result);
    }
};

}  // namespace

TEST_CASE("no more lines in a row end in a hyphen than the limit allows") {
    // Unlimited, the best breaks hyphenate three lines in a row:
    //   30-25 10 10- | 15 40 10- | 35 15 20- | 15
    // With at most two, the third line takes the last word, shrunk instead.
    const NodeList nodes =
        hyphenated_words({{30, 25}, {10}, {10, 15}, {40}, {10, 35}, {15}, {20, 15}});
    BreakParams params;
    params.pretolerance = -1;  // straight to the pass with hyphenation
    const std::vector<LineBreak> unlimited = break_lines(nodes, measure_of(100), params);
    CHECK(unlimited.front().pass == 2);
    CHECK(longest_hyphen_run(nodes, unlimited) == 3);

    params.max_hyphen_run = 2;
    const std::vector<LineBreak> limited = break_lines(nodes, measure_of(100), params);
    CHECK(limited.front().pass == 2);
    CHECK(longest_hyphen_run(nodes, limited) == 2);
    REQUIRE(limited.size() == 3);
    CHECK(limited.back().ratio < 0);

    // With one, no set of breaks meets the limit under the tolerance; the
    // last resort sets the paragraph anyway, hyphens and all.
    params.max_hyphen_run = 1;
    const std::vector<LineBreak> impossible = break_lines(nodes, measure_of(100), params);
    CHECK(impossible.front().pass == 4);
    CHECK(longest_hyphen_run(nodes, impossible) == 3);
    CHECK(impossible.back().position == nodes.size() - 1);
}

TEST_CASE("every line ending in a hyphen: the final pass ignores the limit") {
    // "45 40-" then "45 40-" again and again: neither a word alone nor two
    // whole words fit a line of 100, so each line must end in a hyphen.
    const NodeList nodes = hyphenated_words({{45}, {40, 45}, {40, 45}, {40, 45}, {40, 45}});
    BreakParams params;
    params.max_hyphen_run = 2;
    const std::vector<LineBreak> lines = break_lines(nodes, measure_of(100), params);
    REQUIRE(lines.size() == 5);
    CHECK(lines.front().pass == 4);
    CHECK(longest_hyphen_run(nodes, lines) == 4);
    for (const LineBreak& line : lines) CHECK(line.overflow == 0);
}

TEST_CASE("with a hyphen limit, total fit still finds the least demerits") {
    // A node per hyphen run and fitness class: were runs merged, a break
    // reached cheaply through a long run would hide a dearer one through a
    // short run that alone may hyphenate again.
    std::uint32_t seed = 2024;
    auto next = [&seed](std::uint32_t n) {
        seed = seed * 1103515245u + 12345u;
        return static_cast<double>((seed >> 16) % n);
    };
    int compared = 0, limit_mattered = 0;
    for (int trial = 0; trial < 1000; ++trial) {
        // Words of up to four syllables, each a hyphenation point.
        std::vector<std::vector<double>> words(12);
        for (auto& word : words) {
            const int syllables = 1 + static_cast<int>(next(4));
            for (int k = 0; k < syllables; ++k) word.push_back(6 + next(15));
        }
        const NodeList nodes = hyphenated_words(words, 10);
        const double measure = 100 + next(40);
        BreakParams params;
        params.pretolerance = -1;
        params.adj_demerits = 0;  // the reference knows no fitness classes
        params.double_hyphen_demerits = trial % 2 == 0 ? 0 : 3000;
        params.max_hyphen_run = 1 + trial % 3;
        const HyphenReference reference{nodes, measure, params};
        const std::optional<double> expected = reference.best();
        if (!expected) continue;
        CAPTURE(trial);
        const std::vector<LineBreak> lines = break_lines(nodes, measure_of(measure), params);
        REQUIRE(lines.front().pass == 2);
        std::vector<std::size_t> ends;
        for (const LineBreak& line : lines) ends.push_back(line.position);
        const std::optional<double> got = reference.demerits(ends);
        REQUIRE(got.has_value());
        CHECK(*got == doctest::Approx(*expected));
        ++compared;
        BreakParams unlimited = params;
        unlimited.max_hyphen_run = 0;
        const std::vector<LineBreak> free = break_lines(nodes, measure_of(measure), unlimited);
        if (longest_hyphen_run(nodes, free) > params.max_hyphen_run) ++limit_mattered;
    }
    MESSAGE(compared << " paragraphs compared, " << limit_mattered << " where the limit mattered");
    CHECK(compared >= 400);
    CHECK(limit_mattered >= 30);
}

TEST_CASE("a short word alone on the last line costs short_last_line_demerits") {
    // Without the rule: 17 35 28 | 18 28 25 (stretched, badness 73) | 8,
    // 6889 + 2·100 demerits. With it the 8 joins the line before, shrunk
    // fully (badness 100): 12100 against 6989 + 10000.
    const NodeList nodes = words({17, 35, 28, 18, 28, 25, 8});
    BreakParams params;
    const std::vector<LineBreak> plain = break_lines(nodes, measure_of(100), params);
    CHECK(last_words(nodes, plain) == std::vector<std::size_t>{2, 5, 6});

    params.last_line_min = 0.15;
    params.short_last_line_demerits = 10000;
    const std::vector<LineBreak> ruled = break_lines(nodes, measure_of(100), params);
    CHECK(last_words(nodes, ruled) == std::vector<std::size_t>{2, 6});
    CHECK(ruled.front().pass == 1);

    // A cheaper rule loses against the shrunk line; a one-line paragraph is never short.
    params.short_last_line_demerits = 1000;
    CHECK(last_words(nodes, break_lines(nodes, measure_of(100), params)) ==
          std::vector<std::size_t>{2, 5, 6});
    params.short_last_line_demerits = 10000;
    const NodeList alone = words({8});
    CHECK(break_lines(alone, measure_of(100), params).size() == 1);
}

TEST_CASE("margin kerning: what hangs into the margins takes no room on the line") {
    // 50 + 10 + 43 = 103 on a measure of 100: without protrusion the space
    // shrinks fully (ratio -1). The first word may hang 3 into the left
    // margin and the second 3 into the right one: 97, the space stretches
    // by 3 of its 5.
    Node first = Node::box(50);
    first.protrude_left = 3;
    Node second = Node::box(43);
    second.protrude_right = 3;
    second.protrude_left = 2;  // only where a line begins with it
    NodeList nodes{first,
                   Node::glue(space, space_stretch, space_shrink),
                   second,
                   Node::glue(space, space_stretch, space_shrink),
                   Node::box(30),
                   Node::make_penalty(0, infinite_penalty),
                   Node::glue(0, 0, 0, 1),
                   Node::make_penalty(0, eject_penalty)};
    LineMeasure measure = measure_of(100);
    const std::vector<LineBreak> hung = break_lines(nodes, measure, BreakParams{});
    REQUIRE(hung.size() == 2);
    CHECK(hung[0].hang_left == 3);
    CHECK(hung[0].hang_right == 3);
    CHECK(hung[0].ratio == doctest::Approx(0.6));
    CHECK(hung[1].hang_left == 0);  // the last line begins with a plain box

    // An indented first line begins with the indent, which does not hang.
    measure.first_line_protrudes = false;
    const std::vector<LineBreak> indented = break_lines(nodes, measure, BreakParams{});
    CHECK(indented[0].hang_left == 0);
    CHECK(indented[0].ratio == doctest::Approx(0));

    // A hyphen inserted at the break hangs by its own amount.
    Node hyphen = Node::make_penalty(4, 50, true);
    hyphen.protrude_right = 2.8;
    NodeList split{Node::box(60),          hyphen,
                   Node::box(20),          Node::glue(space, space_stretch, space_shrink),
                   Node::box(25),          Node::make_penalty(0, infinite_penalty),
                   Node::glue(0, 0, 0, 1), Node::make_penalty(0, eject_penalty)};
    BreakParams params;
    params.pretolerance = -1;
    const std::vector<LineBreak> lines = break_lines(split, measure_of(61.2), params);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].position == 1);
    CHECK(lines[0].hang_right == doctest::Approx(2.8));
}

TEST_CASE("font expansion takes part of the adjustment off the spaces, up to its limit") {
    // Two words of 40 whose letters may widen or narrow by 2 % (0.8 each)
    // and a space of 10 (stretch 5, shrink 3).
    auto expanding = [](double width) {
        Node box = Node::box(width);
        box.stretch = box.shrink = 0.02 * width;
        return box;
    };
    auto paragraph = [&](double tail) {
        return NodeList{expanding(40),          Node::glue(space, space_stretch, space_shrink),
                        expanding(40),          Node::glue(space, space_stretch, space_shrink),
                        Node::box(tail),        Node::make_penalty(0, infinite_penalty),
                        Node::glue(0, 0, 0, 1), Node::make_penalty(0, eject_penalty)};
    };
    // 3 pt short of 93: letters and space share it by their stretch (6.6).
    std::vector<LineBreak> lines = break_lines(paragraph(60), measure_of(93), BreakParams{});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].expansion == doctest::Approx(3 / 6.6));
    CHECK(lines[0].ratio == doctest::Approx(3 / 6.6));
    // 10 pt short of 100: the letters widen by all of their 1.6, the space takes 8.4.
    BreakParams params;
    params.pretolerance = params.tolerance = 10000;
    lines = break_lines(paragraph(60), measure_of(100), params);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].expansion == doctest::Approx(1));
    CHECK(lines[0].ratio == doctest::Approx(8.4 / 5));
    // 2 pt too long for 88: both shrink by the same share of their shrink (4.6).
    lines = break_lines(paragraph(60), measure_of(88), BreakParams{});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].expansion == doctest::Approx(-2 / 4.6));
    CHECK(lines[0].ratio == doctest::Approx(-2 / 4.6));
}
