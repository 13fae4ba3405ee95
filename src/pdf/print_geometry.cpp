#include "print_geometry.hpp"

#include <algorithm>

namespace pamphlet::pdf_detail {

namespace {

struct TouchedSides {
    bool left = false, bottom = false, right = false, top = false;
    bool any() const { return left || bottom || right || top; }
};

TouchedSides touched_sides(double x, double y, double width, double height, double page_width,
                           double page_height) {
    return {x <= trim_touch_tolerance, y <= trim_touch_tolerance,
            x + width >= page_width - trim_touch_tolerance,
            y + height >= page_height - trim_touch_tolerance};
}

// The item's box with each touching side moved to the bleed edge.
Box reach_into_bleed(double x, double y, double width, double height, double page_width,
                     double page_height, const BleedSides& bleed) {
    const TouchedSides touched = touched_sides(x, y, width, height, page_width, page_height);
    Box box{x, y, x + width, y + height};
    if (touched.left) box.left = -bleed.left;
    if (touched.bottom) box.bottom = -bleed.bottom;
    if (touched.right) box.right = page_width + bleed.right;
    if (touched.top) box.top = page_height + bleed.top;
    return box;
}

}  // namespace

double print_margin(const PrintSetup& print) {
    return print.bleed + (print.crop_marks ? crop_mark_gap + crop_mark_length : 0);
}

FilledRect bled_rect(const FilledRect& rect, double page_width, double page_height,
                     const BleedSides& bleed) {
    const Box box =
        reach_into_bleed(rect.x, rect.y, rect.width, rect.height, page_width, page_height, bleed);
    FilledRect out = rect;
    out.x = box.left;
    out.y = box.bottom;
    out.width = box.width();
    out.height = box.height();
    return out;
}

BledImage bled_image(const PlacedImage& image, double page_width, double page_height,
                     const BleedSides& bleed) {
    if (image.width <= 0 || image.height <= 0 ||
        !touched_sides(image.x, image.y, image.width, image.height, page_width, page_height)
             .any()) {
        return {image, std::nullopt};
    }
    const Box clip = reach_into_bleed(image.x, image.y, image.width, image.height, page_width,
                                      page_height, bleed);
    const double half_width = image.width / 2, half_height = image.height / 2;
    const double centre_x = image.x + half_width, centre_y = image.y + half_height;
    const double scale =
        std::max({1.0, (centre_x - clip.left) / half_width, (clip.right - centre_x) / half_width,
                  (centre_y - clip.bottom) / half_height, (clip.top - centre_y) / half_height});
    PlacedImage grown = image;
    grown.width = image.width * scale;
    grown.height = image.height * scale;
    grown.x = centre_x - grown.width / 2;
    grown.y = centre_y - grown.height / 2;
    return {grown, clip};
}

Color registration_color(bool pdfa) {
    Color color;
    if (!pdfa) {
        color.space = Color::Space::cmyk;
        std::fill(std::begin(color.v), std::end(color.v), 1.0);
    }
    return color;
}

std::vector<StrokedLine> crop_marks(const Box& trim, double bleed, const Color& color) {
    const double near = bleed + crop_mark_gap, far = near + crop_mark_length;
    std::vector<StrokedLine> marks;
    for (const double outward : {-1.0, 1.0}) {
        const double x = outward < 0 ? trim.left : trim.right;
        for (const double upward : {-1.0, 1.0}) {
            const double y = upward < 0 ? trim.bottom : trim.top;
            marks.push_back({x + outward * near, y, x + outward * far, y, crop_mark_width, color});
            marks.push_back({x, y + upward * near, x, y + upward * far, crop_mark_width, color});
        }
    }
    return marks;
}

std::vector<StrokedLine> fold_marks(double fold, const Box& trim, double bleed,
                                    const Color& color) {
    const double near = bleed + crop_mark_gap, far = near + crop_mark_length;
    return {{fold, trim.top + near, fold, trim.top + far, crop_mark_width, color},
            {fold, trim.bottom - near, fold, trim.bottom - far, crop_mark_width, color}};
}

}  // namespace pamphlet::pdf_detail
