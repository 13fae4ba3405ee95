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

// libpng reports errors by longjmp: these functions' locals are trivially
// destructible, and they write only into the libpng structures and the
// string owned by the caller.
bool write_header(png_structp png, png_infop info, int width, int height, std::string* out) {
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
    png_write_info(png, info);
    return true;
}

bool write_one_row(png_structp png, const char* rgb) {
    if (setjmp(png_jmpbuf(png))) return false;
    // libpng only reads the row.
    png_write_row(png, reinterpret_cast<png_const_bytep>(rgb));
    return true;
}

bool write_end(png_structp png, png_infop info) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_write_end(png, info);
    return true;
}

}  // namespace

struct PngRgbWriter::Impl {
    png_structp png = nullptr;
    png_infop info = nullptr;
    int width = 0, height = 0, rows = 0;
    bool ok = false;
    std::string out;
};

PngRgbWriter::PngRgbWriter(int width, int height) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.width = width;
    d.height = height;
    if (width <= 0 || height <= 0) return;
    d.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (d.png == nullptr) return;
    d.info = png_create_info_struct(d.png);
    if (d.info == nullptr) return;
    d.ok = write_header(d.png, d.info, width, height, &d.out);
}

PngRgbWriter::~PngRgbWriter() {
    if (impl_->png != nullptr)
        png_destroy_write_struct(&impl_->png, impl_->info != nullptr ? &impl_->info : nullptr);
}

void PngRgbWriter::write_row(const char* rgb) {
    Impl& d = *impl_;
    if (!d.ok) return;
    if (d.rows == d.height || !write_one_row(d.png, rgb)) {
        d.ok = false;
        return;
    }
    ++d.rows;
}

std::string PngRgbWriter::finish() {
    Impl& d = *impl_;
    if (!d.ok || d.rows != d.height || !write_end(d.png, d.info)) return {};
    d.ok = false;  // finished
    return std::move(d.out);
}

std::string encode_png_rgb(int width, int height, std::string_view rgb) {
    if (width <= 0 || height <= 0 ||
        rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3) {
        return {};
    }
    PngRgbWriter png(width, height);
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    for (int y = 0; y < height; ++y)
        png.write_row(rgb.data() + static_cast<std::size_t>(y) * stride);
    return png.finish();
}

}  // namespace pamphlet
