// Every size pamphlet accepts from a collection or a profile, declared once.
// Collections come from many authors: each limit is far above anything a
// real article, picture or font needs, and far below what would let a small
// file take gigabytes or minutes. Going over one is an error at the file (and
// line where there is one), found before the claimed size is allocated. The
// README's "Limits" table lists them; keep the two in step.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pamphlet::limits {

// Markdown articles, collection.yaml, profiles: text a person writes.
inline constexpr std::uintmax_t text_file_bytes = 8u << 20;  // 8 MiB
// Pictures as files (the photos of a clinic's articles are under 5 MB).
inline constexpr std::uintmax_t image_file_bytes = 64u << 20;  // 64 MiB
// Font files (Noto CJK, the largest common font, is 20 MB).
inline constexpr std::uintmax_t font_file_bytes = 64u << 20;  // 64 MiB
// Decoded pictures: width × height, and each side. 100 megapixels is a
// 10,000 × 10,000 photo: 300 dpi on a poster of 85 cm.
inline constexpr std::uint64_t image_pixels = 100'000'000;
inline constexpr std::uint32_t image_side = 30'000;
// One chunk of a PNG file (text, ICC profile, …) read into memory.
inline constexpr std::size_t png_chunk_bytes = 8u << 20;  // 8 MiB
// YAML: nodes of one document once aliases are expanded, and nesting depth.
inline constexpr std::size_t yaml_nodes = 100'000;
inline constexpr int yaml_depth = 64;

}  // namespace pamphlet::limits
