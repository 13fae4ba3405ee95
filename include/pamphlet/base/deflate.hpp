// DEFLATE in one call, for the writers that compress whole pieces
// themselves (the PDF's page contents, the EPUB's entries): libdeflate
// behind one module. A whole piece at once is what libdeflate is made for:
// about twice zlib's speed for the same size at the same level, and the
// bytes depend only on the text and the level.
#pragma once

#include "pamphlet/base/large_blocks.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pamphlet {

enum class DeflateFormat {
    zlib,  // with zlib's header and Adler-32 (PDF FlateDecode)
    raw,   // bare DEFLATE (ZIP entries)
};

// The compression level every writer uses: libdeflate's 6, as small as
// zlib's default level for half its time.
inline constexpr int deflate_level = 6;

// `level` 1-12 (libdeflate's scale; 6 is about zlib's 6). nullopt when
// the compressor cannot be made.
std::optional<std::string> deflated(std::string_view text, DeflateFormat format,
                                    int level = deflate_level);

// `zlib_stream` inflated, when it is a whole zlib stream (its Adler-32
// right) of exactly `size` bytes; nullopt otherwise (damaged, shorter or
// longer). For checking data whose size is known beforehand, at about three
// times zlib's inflating speed.
std::optional<UnzeroedScratchVector<char>> inflated_exactly(std::string_view zlib_stream,
                                                            std::size_t size);

// The CRC-32 a ZIP entry (or a PNG chunk) records.
std::uint32_t crc32_of(std::string_view bytes);

}  // namespace pamphlet
