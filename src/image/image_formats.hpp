// The readers behind judge_image (verdict.cpp), one per format, each from
// bytes already in memory. Each returns a complete verdict: over_limit when
// the header claims more than pamphlet/base/limits.hpp allows (found before
// any buffer of that size exists), unusable when the file is damaged.
#pragma once

#include "pamphlet/image.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace pamphlet::image_detail {

enum class Format { png, jpeg, gif, svg, webp, unknown };

// Told by the first bytes, never by the file name.
Format detect_format(std::string_view bytes);

// Every PNG flavour to 8-bit gray or RGB samples plus an 8-bit soft mask.
ImageVerdict judge_png(std::string_view bytes, PixelNeed pixels);
// The whole marker structure is checked (a truncated file is unusable);
// the bytes themselves become the DCTDecode stream.
ImageVerdict judge_jpeg(std::string data);
// Every frame is decoded (a truncated one is unusable); the first becomes
// RGB samples plus a soft mask where it is transparent.
ImageVerdict judge_gif(std::string_view bytes);
// Parsed as XML; scripts, event handlers and references to other files are
// taken out.
ImageVerdict judge_svg(std::string_view bytes);

// Verdicts that say why, in the words messages use.
ImageVerdict unusable(std::string problem);
ImageVerdict over_limit(std::string problem);
// 1234567 as "1,234,567", for messages.
std::string thousands(std::uint64_t n);
// over_limit when width × height or a side is beyond the limits, else nullopt.
std::optional<ImageVerdict> check_dimensions(std::uint64_t width, std::uint64_t height);

}  // namespace pamphlet::image_detail
