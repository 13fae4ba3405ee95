#include "images.hpp"

#include <algorithm>

namespace pamphlet::typeset {

std::optional<UsableImage> DocumentImages::use(const std::filesystem::path& file,
                                               const SourceSpan& span, DiagnosticSink& sink) {
    auto probe = probes_.find(file);
    if (probe == probes_.end()) probe = probes_.emplace(file, probe_image(file)).first;
    const ImageProbe& result = probe->second;
    if (!result.info || result.info->width <= 0 || result.info->height <= 0) {
        const std::string why = result.error.empty() ? "it has no pixels" : result.error;
        sink.warning(span, "image-unusable",
                     "image '" + file.filename().string() + "' cannot be placed (" + why +
                         "); its alt text is set instead");
        return std::nullopt;
    }
    auto [it, inserted] = index_of_.try_emplace(file, static_cast<int>(images_.size()));
    if (inserted) images_.push_back({file});
    return UsableImage{it->second, static_cast<double>(result.info->width),
                       static_cast<double>(result.info->height)};
}

ImageSize fit_image(const UsableImage& image, double max_width, double max_height) {
    const double scale = std::min(max_width / image.pixel_width, max_height / image.pixel_height);
    return {image.pixel_width * scale, image.pixel_height * scale};
}

}  // namespace pamphlet::typeset
