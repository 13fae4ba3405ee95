// PNG writing through libpng (only src/image includes it). Deterministic by
// construction: libpng writes no tIME chunk unless asked, and the filter and
// zlib settings are fixed here rather than left to libpng's defaults, which
// may change between its versions.
#include "pamphlet/image.hpp"

#include <png.h>

#include <csetjmp>
#include <cstddef>
#include <vector>

namespace pamphlet {

namespace {

void append_to_string(png_structp png, png_bytep data, png_size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))
        ->append(reinterpret_cast<const char*>(data), length);
}

void no_flush(png_structp) {}

// libpng reports errors by longjmp: this function's locals are trivially
// destructible, and it writes only into `out` and `rows`, owned by the
// caller.
bool write_rows(png_structp png, png_infop info, int width, int height, png_bytep* rows,
                std::string* out) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, out, append_to_string, no_flush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    // Colours are meant as sRGB; the chunk says so to colour-managed viewers.
    png_set_sRGB_gAMA_and_cHRM(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    // "Up" suits pictures with smooth vertical gradients and flat colour
    // bands; one fixed filter (not libpng's adaptive choice) also spares
    // trying five filters on every row.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    // zlib's fastest level: a 1600x2560 cover is 12 MB of rows, and level 6
    // took three times as long (35 % of a small book's export) for a file
    // only 15 % smaller.
    png_set_compression_level(png, 1);
    png_set_compression_mem_level(png, 8);
    png_set_compression_strategy(png, 0 /* Z_DEFAULT_STRATEGY */);
    png_set_compression_window_bits(png, 15);
    png_set_rows(png, info, rows);
    png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
    return true;
}

}  // namespace

std::string encode_png_rgb(int width, int height, std::string_view rgb) {
    if (width <= 0 || height <= 0 ||
        rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3) {
        return {};
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (png == nullptr) return {};
    png_infop info = png_create_info_struct(png);
    if (info == nullptr) {
        png_destroy_write_struct(&png, nullptr);
        return {};
    }
    std::vector<png_bytep> rows(static_cast<std::size_t>(height));
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    for (std::size_t y = 0; y < rows.size(); ++y) {
        // libpng only reads the rows it is given here.
        rows[y] = reinterpret_cast<png_bytep>(const_cast<char*>(rgb.data() + y * stride));
    }
    std::string out;
    const bool written = write_rows(png, info, width, height, rows.data(), &out);
    png_destroy_write_struct(&png, &info);
    if (!written) return {};
    return out;
}

}  // namespace pamphlet
