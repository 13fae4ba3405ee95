// probe_image: what the typesetter asks before it places an image.
#include "image_formats.hpp"

#include "pamphlet/base/files.hpp"

namespace pamphlet {

namespace {

ImageProbe probe_bytes(std::string_view bytes) {
    if (image_detail::has_png_signature(bytes)) return image_detail::probe_png(bytes);
    if (image_detail::has_jpeg_signature(bytes)) return image_detail::probe_jpeg(bytes);
    return {std::nullopt, "not a PNG or JPEG image"};
}

}  // namespace

ImageProbe probe_image(const std::filesystem::path& file) {
    std::optional<std::string> bytes = read_file(file);
    if (!bytes) return {std::nullopt, "cannot read the file"};
    return probe_bytes(*bytes);
}

}  // namespace pamphlet
