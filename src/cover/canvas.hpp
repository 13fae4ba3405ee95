// The cover's pixels: 8-bit sRGB, filled, painted with a picture scaled to
// cover an area, and with glyph coverage blended in linear light (so that
// the edges of light letters on a dark band neither thin nor bleed).
#pragma once

#include "pamphlet/font_set.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/profile.hpp"

#include <cstdint>
#include <string>

namespace pamphlet::cover_detail {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// A profile colour on screen (CMYK converted as Color::css() does).
Rgb screen_rgb(const Color& color);

class Canvas {
public:
    Canvas(int width, int height);

    int width() const { return width_; }
    int height() const { return height_; }
    const std::string& pixels() const { return pixels_; }
    Rgb at(int x, int y) const;

    // Rows [top, bottom) of the whole width.
    void fill_rows(int top, int bottom, Rgb color);
    // Whether `picture` has pixels this canvas can paint (8-bit gray or
    // RGB; not a JPEG's compressed data, not CMYK).
    static bool can_paint(const DecodedImage& picture);
    // `picture` scaled to fill rows [0, bottom), as the PDF's cover does:
    // centred across, its top edge at the top, what overhangs cut off.
    // Transparent parts show `under`.
    void paint_cover_picture(const DecodedImage& picture, int bottom, Rgb under);
    // Coverage whose top-left corner is at (x, y), in `color`.
    void blend(const GlyphBitmap& glyph, int x, int y, Rgb color);

private:
    int width_, height_;
    std::string pixels_;
};

}  // namespace pamphlet::cover_detail
