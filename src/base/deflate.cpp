#include "pamphlet/base/deflate.hpp"

#include <libdeflate.h>

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

}  // namespace

std::optional<std::string> inflated_exactly(std::string_view zlib_stream, std::size_t size) {
    const std::unique_ptr<libdeflate_decompressor, FreeDecompressor> decompressor(
        libdeflate_alloc_decompressor());
    if (!decompressor) return std::nullopt;
    std::string out(size, '\0');
    // Without an actual_out_nbytes_ret, libdeflate succeeds only when the
    // stream fills the buffer exactly.
    const libdeflate_result result =
        libdeflate_zlib_decompress(decompressor.get(), zlib_stream.data(), zlib_stream.size(),
                                   out.data(), out.size(), nullptr);
    if (result != LIBDEFLATE_SUCCESS) return std::nullopt;
    return out;
}

std::optional<std::string> deflated(std::string_view text, DeflateFormat format, int level) {
    const std::unique_ptr<libdeflate_compressor, FreeCompressor> compressor(
        libdeflate_alloc_compressor(level));
    if (!compressor) return std::nullopt;
    const bool raw = format == DeflateFormat::raw;
    std::string out(raw ? libdeflate_deflate_compress_bound(compressor.get(), text.size())
                        : libdeflate_zlib_compress_bound(compressor.get(), text.size()),
                    '\0');
    // Within the bound, compression cannot run out of room.
    const std::size_t size = raw ? libdeflate_deflate_compress(compressor.get(), text.data(),
                                                               text.size(), out.data(), out.size())
                                 : libdeflate_zlib_compress(compressor.get(), text.data(),
                                                            text.size(), out.data(), out.size());
    if (size == 0 && !text.empty()) return std::nullopt;
    out.resize(size);
    return out;
}

std::uint32_t crc32_of(std::string_view bytes) {
    return libdeflate_crc32(0, bytes.data(), bytes.size());
}

}  // namespace pamphlet
