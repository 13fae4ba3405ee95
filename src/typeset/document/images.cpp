#include "document/images.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace pamphlet::typeset {

std::optional<UsableImage> DocumentImages::use(const ImageSource& source, const SourceSpan& span,
                                               DiagnosticSink& sink) {
    const std::shared_ptr<const ImageAsset>& asset = source.asset;
    if (!asset || !asset->usable()) return std::nullopt;
    const std::string name = asset->name();
    if (!asset->has_pixels()) {
        // A drawing (SVG) that the e-book shows; a PDF page has no SVG.
        sink.warning(span, "image-not-in-pdf",
                     "image '" + name +
                         "' is an SVG drawing, which pamphlet cannot place in a PDF; its alt "
                         "text is set instead (the e-book shows the drawing)");
        return std::nullopt;
    }
    auto [it, inserted] = index_of_.try_emplace(asset->file(), static_cast<int>(images_.size()));
    if (inserted) images_.push_back({asset});
    const ImageInfo& info = asset->verdict().info;
    return UsableImage{it->second,
                       static_cast<double>(info.width),
                       static_cast<double>(info.height),
                       info.dpi_x,
                       info.dpi_y,
                       name};
}

ImageSize fit_image(const UsableImage& image, double max_width, double max_height) {
    const double scale = std::min(max_width / image.pixel_width, max_height / image.pixel_height);
    return {image.pixel_width * scale, image.pixel_height * scale};
}

namespace {

constexpr double points_per_inch = 72;
constexpr double mm_per_point = 25.4 / 72;
constexpr double minimum_print_dpi = 150;

std::string whole_number(double v) {
    return std::to_string(static_cast<long long>(std::lround(v)));
}

}  // namespace

void check_print_size(const UsableImage& image, const ImageSize& placed, double page_width,
                      double page_height, const SourceSpan& span, DiagnosticSink& sink) {
    if (image.dpi_x > 0 && image.dpi_y > 0) {
        const double natural_width = image.pixel_width / image.dpi_x * points_per_inch;
        const double natural_height = image.pixel_height / image.dpi_y * points_per_inch;
        if (natural_width > page_width || natural_height > page_height) {
            sink.warning(span, "image-larger-than-page",
                         "image '" + image.name + "' is " +
                             whole_number(natural_width * mm_per_point) + " × " +
                             whole_number(natural_height * mm_per_point) + " mm at its " +
                             whole_number(image.dpi_x) +
                             " dpi, larger than the page; it is scaled down to fit the text");
        }
    }
    if (placed.width <= 0) return;
    const double printed_dpi = image.pixel_width / (placed.width / points_per_inch);
    if (printed_dpi < minimum_print_dpi) {
        sink.warning(span, "image-low-resolution",
                     "image '" + image.name + "' has " + whole_number(image.pixel_width) +
                         " pixels across and prints at " + whole_number(printed_dpi) +
                         " dpi at this size; below " + whole_number(minimum_print_dpi) +
                         " dpi it looks soft on paper (300 dpi is usual for print)");
    }
}

}  // namespace pamphlet::typeset
