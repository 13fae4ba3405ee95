// The cover's pixels: 8-bit sRGB, filled, painted with a picture scaled to
// cover an area, and with glyph coverage blended in linear light (so that
// the edges of light letters on a dark band neither thin nor bleed).
#pragma once

#include "pamphlet/base/large_blocks.hpp"
#include "pamphlet/font_set.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/profile.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pamphlet::cover_detail {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// A profile colour on screen (CMYK converted as Color::css() does).
Rgb screen_rgb(const Color& color);

// Rows [top, top + height) of a picture `width` wide: a band of the cover
// (coordinates are the whole picture's).
class Canvas {
public:
    Canvas(int width, int height, int top = 0);

    int width() const { return width_; }
    int height() const { return height_; }
    int top() const { return top_; }
    // Row `y` (top <= y < top + height): width × 3 bytes.
    const char* row(int y) const {
        return pixels_.data() + static_cast<std::size_t>(y - top_) * width_ * 3;
    }
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
    int width_, height_, top_;
    // A cover's band and paper are some megabytes, written through at once
    // and given back when the cover is made: scratch memory in huge pages.
    ScratchVector<char> pixels_;
};

// A picture's rows, top to bottom, as 8-bit interleaved samples (1 gray,
// 2 gray+alpha, 3 RGB, 4 RGBA): `next` gives each row once, nullptr when
// none is left.
struct PictureRows {
    int width = 0, height = 0, channels = 0;
    std::function<const std::uint8_t*()> next;
};

// The rows of a decoded picture that Canvas::can_paint; it must outlive them.
PictureRows rows_of(const DecodedImage& picture);
// The rows of a PNG read as they are needed (its pixels never all in
// memory); nullopt when it cannot be read that way (interlaced, not a PNG).
// `bytes` must outlive them.
std::optional<PictureRows> streamed_rows(std::string_view bytes);

// The rows paint_cover_picture paints, one at a time, each handed to
// `emit` (width × 3 bytes, valid during the call), without a canvas;
// `source` is read once, top to bottom.
void cover_picture_rows(PictureRows source, int width, int bottom, Rgb under,
                        const std::function<void(const char* row)>& emit);

}  // namespace pamphlet::cover_detail
