// Image formats an EPUB 3 reading system must support, told by content.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pamphlet::epub {

struct ImageFormat {
    std::string_view media_type;  // "image/png"
    std::string_view extension;   // ".png"
};

// PNG, JPEG, GIF or SVG, recognised by the file's first bytes (never by its
// name); nullopt for anything else (WebP, BMP, TIFF, not an image).
std::optional<ImageFormat> sniff_image_format(std::string_view bytes);

}  // namespace pamphlet::epub
