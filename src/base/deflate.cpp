#include "pamphlet/base/deflate.hpp"

#include <libdeflate.h>

#include <array>
#include <memory>

namespace pamphlet {

namespace {

struct FreeCompressor {
    void operator()(libdeflate_compressor* compressor) const {
        libdeflate_free_compressor(compressor);
    }
};

struct FreeDecompressor {
    void operator()(libdeflate_decompressor* decompressor) const {
        libdeflate_free_decompressor(decompressor);
    }
};

// A compressor for `level`, made once per thread and level: one is some
// hundreds of kilobytes, which malloc would otherwise hand back to the
// system after every entry and fault in again for the next.
libdeflate_compressor* compressor_for(int level) {
    constexpr int levels = 13;  // libdeflate's 0-12
    if (level < 0 || level >= levels) return nullptr;
    thread_local std::array<std::unique_ptr<libdeflate_compressor, FreeCompressor>, levels> made;
    std::unique_ptr<libdeflate_compressor, FreeCompressor>& compressor =
        made[static_cast<std::size_t>(level)];
    if (!compressor) compressor.reset(libdeflate_alloc_compressor(level));
    return compressor.get();
}

}  // namespace

std::optional<UnzeroedScratchVector<char>> inflated_exactly(std::string_view zlib_stream,
                                                            std::size_t size) {
    const std::unique_ptr<libdeflate_decompressor, FreeDecompressor> decompressor(
        libdeflate_alloc_decompressor());
    if (!decompressor) return std::nullopt;
    UnzeroedScratchVector<char> out(size);
    // Without an actual_out_nbytes_ret, libdeflate succeeds only when the
    // stream fills the buffer exactly.
    const libdeflate_result result =
        libdeflate_zlib_decompress(decompressor.get(), zlib_stream.data(), zlib_stream.size(),
                                   out.data(), out.size(), nullptr);
    if (result != LIBDEFLATE_SUCCESS) return std::nullopt;
    return out;
}

std::optional<std::string> deflated(std::string_view text, DeflateFormat format, int level) {
    libdeflate_compressor* const compressor = compressor_for(level);
    if (compressor == nullptr) return std::nullopt;
    const bool raw = format == DeflateFormat::raw;
    std::string out(raw ? libdeflate_deflate_compress_bound(compressor, text.size())
                        : libdeflate_zlib_compress_bound(compressor, text.size()),
                    '\0');
    // Within the bound, compression cannot run out of room.
    const std::size_t size = raw ? libdeflate_deflate_compress(compressor, text.data(),
                                                               text.size(), out.data(), out.size())
                                 : libdeflate_zlib_compress(compressor, text.data(),
                                                            text.size(), out.data(), out.size());
    if (size == 0 && !text.empty()) return std::nullopt;
    out.resize(size);
    return out;
}

std::uint32_t crc32_of(std::string_view bytes) {
    return libdeflate_crc32(0, bytes.data(), bytes.size());
}

}  // namespace pamphlet
