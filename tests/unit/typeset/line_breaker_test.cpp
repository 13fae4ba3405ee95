#include "line_breaker.hpp"

#include <doctest/doctest.h>

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
    nodes.push_back(Node::make_penalty(0, forced_break));
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
            b = spaces > 0 ? badness(shortfall / (spaces * space_stretch)) : 10000;
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
                                     Node::glue(0, 0, 0, 1), Node::make_penalty(0, forced_break)});
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
    nodes.push_back(Node::make_penalty(0, forced_break));
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
}
