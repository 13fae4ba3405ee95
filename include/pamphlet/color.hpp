// A colour as a profile gives it and the page uses it: RGB for the screen,
// CMYK for a print shop. Apart from the profile, so that what only paints
// pages (layout.hpp) does not depend on the profile's schema.
#pragma once

#include <string>

namespace pamphlet {

struct Color {
    enum class Space { rgb, cmyk };
    Space space = Space::rgb;
    // rgb: r, g, b in 0..1; cmyk: c, m, y, k in 0..1.
    double v[4] = {0, 0, 0, 0};
    // "#rrggbb" for CSS (CMYK converted naively).
    std::string css() const;
    friend bool operator==(const Color&, const Color&) = default;
};

}  // namespace pamphlet
