// DEFLATE in one call, for the writers that compress whole pieces
// themselves (the PDF's page contents, the EPUB's entries): zlib behind one
// module. Nothing is flushed before the end, so the bytes depend only on
// the text and the settings, not on how zlib is fed, and match what
// libharu's FlateDecode and libzip write for the same settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pamphlet {

enum class DeflateFormat {
    zlib,  // with zlib's header and Adler-32 (PDF FlateDecode)
    raw,   // bare DEFLATE (ZIP entries)
};

// `level` 0-9 or -1 (zlib's default, 6); `memory_level` 1-9 (zlib's
// default 8). nullopt when zlib fails.
std::optional<std::string> deflated(std::string_view text, DeflateFormat format, int level,
                                    int memory_level);

// The CRC-32 a ZIP entry records.
std::uint32_t crc32_of(std::string_view bytes);

}  // namespace pamphlet
