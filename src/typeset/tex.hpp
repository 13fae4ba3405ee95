// TeX's constants and its badness, shared by the paragraph engine (lines)
// and the page engine (pages): one name and one formula each, as in
// tex.web (§108 badness, §157 inf_penalty and eject_penalty).
#pragma once

#include <algorithm>
#include <cmath>

namespace pamphlet::typeset {

// Penalties at or beyond these mean "never break here" (TeX's inf_penalty)
// and "always break here" (TeX's eject_penalty).
inline constexpr double infinite_penalty = 10000;
inline constexpr double eject_penalty = -10000;

// The badness of glue that cannot stretch far enough, and the cap of every
// other badness (TeX's inf_bad).
inline constexpr double infinitely_bad = 10000;

// 100·|r|³ for glue set with ratio `ratio` (stretched r > 0, shrunk r < 0),
// without TeX's cap: what ranks lines beyond it (the line breaker's final
// pass, `pamphlet build --stats`).
inline double uncapped_badness(double ratio) {
    const double r = std::abs(ratio);
    return 100 * r * r * r;
}

// TeX's badness: 100·|r|³, at most infinitely_bad.
inline double badness(double ratio) {
    if (std::abs(ratio) >= 10) return infinitely_bad;  // 100·10³ is far beyond the cap
    return std::min(infinitely_bad, uncapped_badness(ratio));
}

}  // namespace pamphlet::typeset
