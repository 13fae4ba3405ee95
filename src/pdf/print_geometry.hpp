// Print production geometry: how far a page grows for bleed and crop
// marks, how items that touch the trim reach into the bleed, and where the
// marks go. Pure functions of numbers; the painter applies them.
#pragma once

#include "canvas.hpp"

#include "pamphlet/layout.hpp"

#include <optional>
#include <vector>

namespace pamphlet::pdf_detail {

// Crop marks (their gap and length are in pamphlet/layout.hpp, where the
// profile's checks see them too) follow common print-shop practice (the
// defaults of InDesign's and Acrobat's printer marks are within a point of
// these):
// - they begin a small gap beyond the bleed, never inside it, so a cut a
//   little off the trim cannot leave a sliver of mark on the page;
// - 15 pt (about 5 mm) is long enough to lay a ruler along at the
//   guillotine and short enough to fit an A5 page with 3 mm bleed and its
//   marks inside an A4 sheet;
// - 0.25 pt is the hairline the trimmer expects: thicker marks make the
//   line ambiguous by more than the cutting tolerance.
inline constexpr double crop_mark_width = 0.25;

// An item edge this close to the trim (or beyond it) touches it.
inline constexpr double trim_touch_tolerance = 0.01;

// From the trim to the edge of the MediaBox on every side.
double print_margin(const PrintSetup& print);

// How far beyond each edge of a page's trim its items may reach: the bleed
// on the edges the print shop cuts, 0 where an imposed page meets its
// neighbour at the spine.
struct BleedSides {
    double left = 0, bottom = 0, right = 0, top = 0;
};

// A rectangle touching the trim reaches the bleed edge on each side it
// touches; one overhanging the trim stops there.
FilledRect bled_rect(const FilledRect& rect, double page_width, double page_height,
                     const BleedSides& bleed);

// A picture touching the trim grows, about its centre and keeping its
// proportions, until it covers its box extended to the bleed edge on each
// side it touches, and is clipped to that extended box. Pictures that keep
// clear of the trim come back unchanged and without a clip.
struct BledImage {
    PlacedImage image;
    std::optional<Box> clip;
};
BledImage bled_image(const PlacedImage& image, double page_width, double page_height,
                     const BleedSides& bleed);

// Registration colour: 100 % of every ink, so the marks appear on each
// separation and the plates can be aligned and cut from any of them. Under
// PDF/A-1b with its sRGB output intent no device CMYK is allowed, and the
// marks are black.
Color registration_color(bool pdfa);

// Eight marks, a horizontal and a vertical one at each corner of `trim`,
// beginning crop_mark_gap beyond the bleed.
std::vector<StrokedLine> crop_marks(const Box& trim, double bleed, const Color& color);

// Two marks on the fold line x = `fold` of an imposed sheet, above and below
// `trim` (the sheet's trim), where crop marks would stand.
std::vector<StrokedLine> fold_marks(double fold, const Box& trim, double bleed, const Color& color);

}  // namespace pamphlet::pdf_detail
