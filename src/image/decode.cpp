// decode_image: pixels (PNG) or the file itself (JPEG) for the PDF writer.
#include "image_formats.hpp"

#include "pamphlet/base/files.hpp"

namespace pamphlet {

ImageDecodeResult decode_image(const std::filesystem::path& file, PixelNeed pixels) {
    std::optional<std::string> bytes = read_file(file);
    if (!bytes) return {std::nullopt, "cannot read the file"};
    if (image_detail::has_png_signature(*bytes)) return image_detail::decode_png(*bytes, pixels);
    if (image_detail::has_jpeg_signature(*bytes)) {
        return image_detail::decode_jpeg(std::move(*bytes));
    }
    return {std::nullopt, "not a PNG or JPEG image"};
}

}  // namespace pamphlet
