#include "paragraph/line_breaker.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <optional>

namespace pamphlet::typeset {

namespace {

constexpr double overfull_badness = infinitely_bad + 1;

// TeX's fitness classes; neighbours more than one class apart cost adj_demerits.
enum Fitness { very_loose = 0, loose = 1, decent = 2, tight = 3 };

// Prefix sums over the node list, so a line's totals are two subtractions.
struct Totals {
    std::vector<double> width, stretch, shrink, fill;
    std::vector<double> expansion;  // the boxes' share of stretch (and of shrink)

    explicit Totals(const NodeList& nodes) {
        const std::size_t n = nodes.size();
        width.assign(n + 1, 0);
        stretch.assign(n + 1, 0);
        shrink.assign(n + 1, 0);
        fill.assign(n + 1, 0);
        expansion.assign(n + 1, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const Node& node = nodes[i];
            // A penalty's width and expansion count only where the line
            // breaks (its hyphen).
            const bool counts = node.kind != Node::Kind::penalty;
            width[i + 1] = width[i] + (counts ? node.width : 0);
            stretch[i + 1] = stretch[i] + (counts ? node.stretch : 0);
            shrink[i + 1] = shrink[i] + (counts ? node.shrink : 0);
            fill[i + 1] = fill[i] + node.fill_stretch;
            expansion[i + 1] = expansion[i] + (node.kind == Node::Kind::box ? node.stretch : 0);
        }
    }
};

bool is_forced(const Node& node) {
    return node.kind == Node::Kind::penalty && node.penalty <= eject_penalty;
}

// Where the line after a break at `position` begins: glue and penalties
// after a break vanish (TeX discards them) up to the next box or forced break.
std::size_t line_start_after(const NodeList& nodes, std::size_t position) {
    std::size_t i = position;
    while (i < nodes.size() && nodes[i].kind != Node::Kind::box && !is_forced(nodes[i])) ++i;
    return i;
}

bool is_legal_break(const NodeList& nodes, std::size_t i, bool hyphenation_allowed) {
    const Node& node = nodes[i];
    switch (node.kind) {
        case Node::Kind::box:
            return false;
        case Node::Kind::glue:
            return i > 0 && nodes[i - 1].kind == Node::Kind::box;
        case Node::Kind::penalty:
            return node.penalty < infinite_penalty && (hyphenation_allowed || !node.hyphenation);
    }
    return false;
}

struct Fit {
    double hang_left = 0, hang_right = 0;  // margin kerning
    double ratio = 0;                      // with the background stretch (for badness)
    double glue_ratio = 0;                 // of the line's own glue (for setting it)
    double expansion = 0;                  // of the letters' expansion, -1 to 1 (for setting it)
    double badness = 0;
    double raw_badness = 0;  // 100·|r|³ without TeX's cap, to rank lines beyond it
    double overflow = 0;
    Fitness fitness = decent;
};

Fit fit_line(const NodeList& nodes, const Totals& totals, std::size_t start, std::size_t end,
             double width, double background_stretch, bool protrude_left) {
    Fit fit;
    if (end <= start) return fit;  // an empty line before a forced break
    double natural = totals.width[end] - totals.width[start];
    double stretch = totals.stretch[end] - totals.stretch[start];
    double shrink = totals.shrink[end] - totals.shrink[start];
    double expansion = totals.expansion[end] - totals.expansion[start];
    const Node& last = nodes[end];
    if (last.kind == Node::Kind::penalty) {
        natural += last.width;
        stretch += last.stretch;
        shrink += last.shrink;
        expansion += last.stretch;
    }
    // What hangs into the margins takes no room on the line.
    if (protrude_left && nodes[start].kind == Node::Kind::box) {
        fit.hang_left = nodes[start].protrude_left;
    }
    if (last.kind == Node::Kind::penalty && last.width > 0) {
        fit.hang_right = last.protrude_right;
    } else if (nodes[end - 1].kind == Node::Kind::box) {
        fit.hang_right = nodes[end - 1].protrude_right;
    }
    natural -= fit.hang_left + fit.hang_right;
    const double shortfall = width - natural;
    const double fill = totals.fill[end] - totals.fill[start];
    if (shortfall > 0) {
        if (fill > 0) return fit;
        const double all_stretch = stretch + background_stretch;
        fit.ratio = all_stretch > 0 ? shortfall / all_stretch : 0;
        // The letters widen at most by their expansion; the spaces take the rest.
        fit.expansion = stretch > 0 ? std::min(1.0, shortfall / stretch) : 0;
        const double glue_stretch = stretch - expansion;
        fit.glue_ratio = glue_stretch > 0 ? (shortfall - fit.expansion * expansion) / glue_stretch
                         : stretch > 0    ? fit.expansion
                                          : 0;
        fit.badness = all_stretch > 0 ? badness(fit.ratio) : infinitely_bad;
        fit.raw_badness = all_stretch > 0 ? uncapped_badness(fit.ratio) : 1e12;
        fit.fitness = fit.badness > 99 ? very_loose : fit.badness > 12 ? loose : decent;
    } else if (shortfall < 0) {
        if (-shortfall > shrink) {
            fit.ratio = fit.glue_ratio = fit.expansion = shrink > 0 ? -1 : 0;
            fit.badness = overfull_badness;
            fit.overflow = -shortfall - shrink;
            fit.fitness = tight;
        } else {
            fit.ratio = fit.glue_ratio = fit.expansion = shortfall / shrink;
            fit.badness = badness(fit.ratio);
            fit.raw_badness = fit.badness;
            fit.fitness = fit.badness > 12 ? tight : decent;
        }
    }
    return fit;
}

struct Active {
    std::size_t start = 0;  // first node of the line that begins here
    int line = 0;           // number of lines before it
    Fitness fitness = decent;
    // Lines in a row ending in a hyphen up to this break, counted only as far
    // as the rules look back (see HyphenRuns): nodes that differ here have
    // different futures, so each keeps its own best.
    int hyphen_run = 0;
    double demerits = 0;  // total of the best way to get here
    int passive = -1;     // the break that created it, in Pass::breaks
};

// How far back the hyphen rules look: with a limit, runs up to it are told
// apart; without one, only whether the previous line ended in a hyphen
// (double_hyphen_demerits).
struct HyphenRuns {
    int limit = 0;  // 0: none
    int states = 2;

    explicit HyphenRuns(int max_run)
        : limit(std::max(0, max_run)), states(limit > 0 ? limit + 1 : 2) {}

    int after(const Active& from, bool flagged) const {
        return flagged ? std::min(from.hyphen_run + 1, states - 1) : 0;
    }
    // Passes 1 to 3 never end one line too many in a hyphen; the final pass
    // must always set the paragraph, so it may.
    bool allows(const Active& from, bool flagged, bool final_pass) const {
        return !flagged || limit == 0 || final_pass || from.hyphen_run < limit;
    }
};

struct Pass {
    double threshold = 0;
    bool hyphenation = false;
    bool final = false;
    double background_stretch = 0;
};

struct PassiveBreak {
    std::size_t start = 0, position = 0;
    int previous = -1;
};

struct BreakCandidate {
    double demerits = std::numeric_limits<double>::infinity();
    const Active* from = nullptr;
};

double line_demerits(const Active& from, const Fit& fit, const Node& node, bool at_end,
                     const BreakParams& params, bool last_resort) {
    double d;
    if (last_resort) {
        // Beyond TeX's cap every loose line would cost the same, and a line
        // stretched to 20 times its spaces could win over one stretched to 2
        // because of what follows. The last resort ranks them by how loose
        // they really are.
        d = params.line_penalty + fit.raw_badness;
        d *= d;
    } else {
        d = params.line_penalty + fit.badness;
        d = d >= infinitely_bad ? 1e8 : d * d;
    }
    if (node.kind == Node::Kind::penalty) {
        if (node.penalty > 0) {
            d += node.penalty * node.penalty;
        } else if (node.penalty > eject_penalty) {
            d -= node.penalty * node.penalty;
        }
    }
    // TeX treats the paragraph's end as a hyphenated break, so a hyphen on
    // the last but one line costs final_hyphen_demerits.
    const bool flagged = at_end || node.flagged;
    if (flagged && from.hyphen_run > 0) {
        d += at_end ? params.final_hyphen_demerits : params.double_hyphen_demerits;
    }
    if (std::abs(static_cast<int>(fit.fitness) - static_cast<int>(from.fitness)) > 1) {
        d += params.adj_demerits;
    }
    return d + from.demerits;
}

// `looseness_met`: whether the breaks found have the looseness asked for.
std::optional<std::vector<LineBreak>> run_pass(const NodeList& nodes, const Totals& totals,
                                               const LineMeasure& measure,
                                               const BreakParams& params, const Pass& pass,
                                               bool& looseness_met) {
    const HyphenRuns runs(params.max_hyphen_run);
    std::vector<PassiveBreak> breaks;
    std::vector<Active> active{{line_start_after(nodes, 0), 0, decent, 0, 0, -1}};
    std::vector<Active> survivors, created;
    const std::size_t last = nodes.size() - 1;
    const double short_last_line = params.last_line_min * measure.rest;
    // The best way to each break, per hyphen run and fitness class:
    // best[run * 4 + fitness]. With a looseness, per number of lines too
    // (TeX keeps them apart then): best[group * slots + run * 4 + fitness],
    // group = lines - first_line.
    const bool by_lines = params.looseness != 0;
    const auto slots = static_cast<std::size_t>(runs.states) * 4;
    std::vector<BreakCandidate> best(slots);
    int rows_used = 0;  // runs with a candidate at this break: most breaks fill one row
    int first_line = 0, groups = 1;

    auto group_of = [&](const Active& a) {
        return by_lines ? static_cast<std::size_t>(a.line - first_line) * slots : 0;
    };

    for (std::size_t b = 0; b < nodes.size(); ++b) {
        if (!is_legal_break(nodes, b, pass.hyphenation)) continue;
        const Node& node = nodes[b];
        const bool forced = is_forced(node);
        const bool flagged = node.flagged;
        if (by_lines) {
            int lowest = std::numeric_limits<int>::max(), highest = 0;
            for (const Active& a : active) {
                lowest = std::min(lowest, a.line);
                highest = std::max(highest, a.line);
            }
            first_line = lowest;
            groups = highest - lowest + 1;
            best.assign(slots * static_cast<std::size_t>(groups), BreakCandidate{});
        } else {
            std::fill(best.begin(), best.begin() + rows_used * 4, BreakCandidate{});
        }
        rows_used = 0;
        double least_overflow = std::numeric_limits<double>::infinity();
        std::optional<Active> least_bad;  // kept for the final pass's last resort
        Fit least_bad_fit;

        survivors.clear();
        for (const Active& a : active) {
            if (a.start > b) {  // b lies in the discarded stretch after a's break
                survivors.push_back(a);
                continue;
            }
            const double width = a.line == 0 ? measure.first : measure.rest;
            const Fit fit = fit_line(nodes, totals, a.start, b, width, pass.background_stretch,
                                     a.line > 0 || measure.first_line_protrudes);
            if (fit.badness <= pass.threshold && runs.allows(a, flagged, pass.final)) {
                double d = line_demerits(a, fit, node, b == last, params, pass.final);
                // A word or two alone on the last line looks like a mistake.
                if (b == last && a.line > 0 &&
                    totals.width[b] - totals.width[a.start] < short_last_line) {
                    d += params.short_last_line_demerits;
                }
                const int run = runs.after(a, flagged);
                const std::size_t slot = group_of(a) + static_cast<std::size_t>(run * 4 + fit.fitness);
                if (d < best[slot].demerits) {
                    best[slot] = {d, &a};
                    rows_used = std::max(rows_used, run + 1);
                }
            }
            const bool deactivate = fit.badness > infinitely_bad || forced;
            if (!deactivate) {
                survivors.push_back(a);
            } else if (pass.final) {
                const double badness_rank =
                    fit.overflow > 0 ? fit.overflow : -1 / (1 + fit.badness);
                if (!least_bad || badness_rank < least_overflow) {
                    least_overflow = badness_rank;
                    least_bad = a;
                    least_bad_fit = fit;
                }
            }
        }

        // The last resort: nothing fits and no way forward remains, so the
        // least bad deactivated break is taken as if it were acceptable
        // (TeX's "artificial demerits").
        if (rows_used == 0 && survivors.empty() && least_bad) {
            const int run = runs.after(*least_bad, flagged);
            const std::size_t slot =
                group_of(*least_bad) + static_cast<std::size_t>(run * 4 + least_bad_fit.fitness);
            best[slot] = {least_bad->demerits, &*least_bad};
            rows_used = run + 1;
        }

        created.clear();
        const std::size_t next_start = line_start_after(nodes, b + 1);
        // A class worse than the best by more than adj_demerits can never
        // win later: whatever follows, the best costs at most that more.
        // Only a best with a shorter (or equal) hyphen run can say so — it
        // may go on as the longer one may, at no greater cost — so the
        // minimum runs over the runs up to the class's own.
        // Ways with different numbers of lines do not compete (looseness).
        for (int group = 0; group < groups; ++group) {
            double minimum = std::numeric_limits<double>::infinity();
            for (int run = 0; run < rows_used; ++run) {
                const auto row =
                    best.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(group) * slots) +
                    run * 4;
                for (auto c = row; c != row + 4; ++c) minimum = std::min(minimum, c->demerits);
                for (int fitness = very_loose; fitness <= tight; ++fitness) {
                    const BreakCandidate& c = row[fitness];
                    if (c.from == nullptr || c.demerits > minimum + params.adj_demerits) continue;
                    breaks.push_back({c.from->start, b, c.from->passive});
                    created.push_back({next_start, c.from->line + 1, static_cast<Fitness>(fitness),
                                       run, c.demerits, static_cast<int>(breaks.size()) - 1});
                }
            }
        }
        active.swap(survivors);
        active.insert(active.end(), created.begin(), created.end());
        if (active.empty()) return std::nullopt;
    }

    // After the final forced break every surviving node was created there.
    const Active* chosen = nullptr;
    for (const Active& a : active) {
        if (a.passive >= 0 && breaks[static_cast<std::size_t>(a.passive)].position == last &&
            (chosen == nullptr || a.demerits < chosen->demerits)) {
            chosen = &a;
        }
    }
    if (chosen == nullptr) return std::nullopt;
    if (by_lines) {
        // The best way with the number of lines nearest to the best's plus
        // the looseness (TeX's rule): the caller sees whether it was met.
        const int target = chosen->line + params.looseness;
        const Active* nearest = chosen;
        for (const Active& a : active) {
            if (a.passive < 0 || breaks[static_cast<std::size_t>(a.passive)].position != last)
                continue;
            const int off = std::abs(a.line - target), best_off = std::abs(nearest->line - target);
            if (off < best_off || (off == best_off && a.demerits < nearest->demerits)) nearest = &a;
        }
        looseness_met = nearest->line == target;
        chosen = nearest;
    }

    std::vector<LineBreak> lines;
    for (int p = chosen->passive; p >= 0; p = breaks[static_cast<std::size_t>(p)].previous) {
        const PassiveBreak& pb = breaks[static_cast<std::size_t>(p)];
        lines.push_back({pb.start, pb.position, 0, 0, 0});
    }
    std::reverse(lines.begin(), lines.end());
    return lines;
}

}  // namespace

std::vector<LineBreak> break_lines(const NodeList& nodes, const LineMeasure& measure,
                                   const BreakParams& params) {
    assert(!nodes.empty() && is_forced(nodes.back()) && "a paragraph ends in a forced break");
    const Totals totals(nodes);
    const bool emergency = params.emergency_stretch > 0;

    // TeX's passes, then a last resort that accepts any line that is not
    // overfull and, where even that fails, the least overfull one.
    std::vector<Pass> passes;
    if (params.pretolerance >= 0) {
        passes.push_back({params.pretolerance, false, false, measure.background_stretch});
    }
    passes.push_back({params.tolerance, true, false, measure.background_stretch});
    const double emergency_background =
        measure.background_stretch + std::max(0.0, params.emergency_stretch);
    if (emergency) passes.push_back({params.tolerance, true, false, emergency_background});
    passes.push_back({infinitely_bad, true, true, emergency_background});

    std::optional<std::vector<LineBreak>> nearest;  // under a looseness not met
    std::size_t nearest_pass = 0;
    for (std::size_t p = 0; p < passes.size(); ++p) {
        const bool final = p + 1 == passes.size();
        std::optional<std::vector<LineBreak>> lines;
        std::size_t found_in = p;
        if (final && nearest) {
            // A looseness is wanted only within the tolerance: the final
            // pass, which takes any line, would keep ways of every line
            // count apart through all the paragraph's breaks (slow) for
            // lines nobody wants. The nearest count found stands.
            lines = std::move(nearest);
            found_in = nearest_pass;
        } else {
            bool looseness_met = true;
            lines = run_pass(nodes, totals, measure, params, passes[p], looseness_met);
            if (!lines) continue;
            // As TeX does: a looseness not met may be met by a later pass.
            if (!looseness_met && !final) {
                nearest = std::move(lines);
                nearest_pass = p;
                continue;
            }
        }
        for (std::size_t i = 0; i < lines->size(); ++i) {
            LineBreak& line = (*lines)[i];
            const Fit fit = fit_line(nodes, totals, line.start, line.position,
                                     i == 0 ? measure.first : measure.rest, 0,
                                     i > 0 || measure.first_line_protrudes);
            line.ratio = fit.glue_ratio;
            line.hang_left = fit.hang_left;
            line.hang_right = fit.hang_right;
            line.expansion = fit.expansion;
            line.overflow = fit.overflow;
            line.pass = static_cast<int>(found_in) + (params.pretolerance >= 0 ? 1 : 2);
            if (found_in + 1 == passes.size()) line.pass = 4;
        }
        return *lines;
    }
    assert(false && "the final pass always finds breaks");
    return {};
}

}  // namespace pamphlet::typeset
