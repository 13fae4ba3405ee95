// The two raster formats pamphlet places, read from bytes already in memory.
// probe.cpp and decode.cpp dispatch on the file signature to these readers.
#pragma once

#include "pamphlet/image.hpp"

#include <string>
#include <string_view>

namespace pamphlet::image_detail {

bool has_png_signature(std::string_view bytes);
bool has_jpeg_signature(std::string_view bytes);

// Header only: size and pHYs resolution.
ImageProbe probe_png(std::string_view bytes);
// Every PNG flavour to 8-bit gray or RGB samples plus an 8-bit soft mask.
ImageDecodeResult decode_png(std::string_view bytes, PixelNeed pixels);

// Markers up to the frame header: size, components, JFIF resolution.
ImageProbe probe_jpeg(std::string_view bytes);
// The whole marker structure is checked (a truncated file is an error);
// the bytes themselves become the DCTDecode stream.
ImageDecodeResult decode_jpeg(std::string data);

}  // namespace pamphlet::image_detail
