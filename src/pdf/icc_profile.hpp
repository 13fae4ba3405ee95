// The sRGB ICC profile a PDF/A-1b output intent embeds, built in code: a
// display-class version 2.1 profile (what PDF/A-1 readers must understand)
// with the sRGB primaries adapted to the D50 connection space and the sRGB
// tone curve sampled, so no profile file has to ship with the program.
#pragma once

#include <array>
#include <string>

namespace pamphlet::pdf_detail {

// D50 as the ICC defines the profile connection space's white (ICC.1
// Annex A), rounded as every profile and colour engine uses it.
inline constexpr double icc_d50[3] = {0.9642, 1.0, 0.8249};

// The XYZ of full red, green and blue: the sRGB primaries (ITU-R BT.709,
// D65 white) adapted to icc_d50 with the Bradford transform, as lcms and
// the ICC's own sRGB profiles do. They add up to icc_d50, so RGB white
// stays the PCS white.
std::array<std::array<double, 3>, 3> srgb_colorants_d50();

std::string srgb_icc_profile();

}  // namespace pamphlet::pdf_detail
