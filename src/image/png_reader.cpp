// PNG through libpng's classic API, which (unlike the simplified png_image
// API) leaves 16-bit samples un-gamma-corrected and exposes pHYs. libpng
// reports errors by longjmp: every function that calls setjmp below holds
// only trivially destructible locals and writes into storage owned by its
// caller, so a jump never skips a destructor or leaves a C++ object
// half-modified.
#include "image_formats.hpp"

#include <png.h>

#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace pamphlet::image_detail {

namespace {

struct MemoryReader {
    const unsigned char* data = nullptr;
    std::size_t size = 0;
    std::size_t pos = 0;
    char error[200] = {};
};

MemoryReader& reader_of(png_structp png) {
    return *static_cast<MemoryReader*>(png_get_io_ptr(png));
}

void read_from_memory(png_structp png, png_bytep out, png_size_t length) {
    MemoryReader& reader = reader_of(png);
    if (reader.size - reader.pos < length) png_error(png, "the file ends early (truncated)");
    std::memcpy(out, reader.data + reader.pos, length);
    reader.pos += length;
}

void record_error(png_structp png, png_const_charp message) {
    MemoryReader& reader = reader_of(png);
    if (reader.error[0] == '\0') {
        std::strncpy(reader.error, message, sizeof reader.error - 1);
    }
    png_longjmp(png, 1);
}

void ignore_warning(png_structp, png_const_charp) {}

// Owns libpng's structures; destroyed in the caller, outside any setjmp.
class PngSession {
public:
    explicit PngSession(std::string_view bytes) {
        reader_.data = reinterpret_cast<const unsigned char*>(bytes.data());
        reader_.size = bytes.size();
        png_ = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, record_error, ignore_warning);
        if (png_ != nullptr) info_ = png_create_info_struct(png_);
        if (png_ != nullptr) png_set_read_fn(png_, &reader_, read_from_memory);
    }
    ~PngSession() { png_destroy_read_struct(&png_, info_ != nullptr ? &info_ : nullptr, nullptr); }
    PngSession(const PngSession&) = delete;
    PngSession& operator=(const PngSession&) = delete;

    bool ok() const { return png_ != nullptr && info_ != nullptr; }
    png_structp png() const { return png_; }
    png_infop info() const { return info_; }
    std::string error() const { return std::string("corrupt PNG: ") + reader_.error; }

private:
    MemoryReader reader_;
    png_structp png_ = nullptr;
    png_infop info_ = nullptr;
};

// The layout of the rows png_read_image will deliver.
struct RowLayout {
    png_uint_32 width = 0, height = 0;
    int channels = 0;
    std::size_t row_bytes = 0;
    double dpi_x = 0, dpi_y = 0;
};

// Reads the header and, with `to_8bit`, sets up the transformations that
// turn every colour type and bit depth into 8-bit gray, gray+alpha, RGB or
// RGBA. Returns false after a libpng error.
bool read_header(png_structp png, png_infop info, bool to_8bit, RowLayout* layout) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_read_info(png, info);
    if (to_8bit) {
        png_set_expand(png);  // palette to RGB, gray 1/2/4 to 8 bits, tRNS to alpha
        png_set_strip_16(png);
        png_set_interlace_handling(png);
        png_read_update_info(png, info);
    }
    layout->width = png_get_image_width(png, info);
    layout->height = png_get_image_height(png, info);
    layout->channels = png_get_channels(png, info);
    layout->row_bytes = png_get_rowbytes(png, info);
    png_uint_32 res_x = 0, res_y = 0;
    int unit = 0;
    if (png_get_pHYs(png, info, &res_x, &res_y, &unit) != 0 && unit == PNG_RESOLUTION_METER) {
        constexpr double meters_per_inch = 0.0254;
        layout->dpi_x = res_x * meters_per_inch;
        layout->dpi_y = res_y * meters_per_inch;
    }
    return true;
}

// Every row through one buffer, for the checks alone (not interlaced).
bool check_rows(png_structp png, png_infop info, png_bytep row, png_uint_32 height) {
    if (setjmp(png_jmpbuf(png))) return false;
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, row, nullptr);
    png_read_end(png, info);
    return true;
}

bool read_rows(png_structp png, png_infop info, png_bytepp rows) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_read_image(png, rows);
    png_read_end(png, info);
    return true;
}

ImageInfo info_of(const RowLayout& layout) {
    ImageInfo info;
    info.format = ImageInfo::Format::png;
    info.width = static_cast<int>(layout.width);
    info.height = static_cast<int>(layout.height);
    info.dpi_x = layout.dpi_x;
    info.dpi_y = layout.dpi_y;
    return info;
}

// The concatenated IDAT data of a PNG whose rows a PDF reader can unfilter
// as they are (see DecodedImage::png_stream), else empty. The chunks were
// already checked by libpng's decoding (CRCs, the zlib stream).
std::string predicted_stream(std::string_view bytes) {
    auto u32 = [&](std::size_t at) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at);
        return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
               (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
    };
    constexpr std::size_t ihdr_data = 16;  // signature, length, "IHDR"
    if (bytes.size() < ihdr_data + 13 || bytes.substr(12, 4) != "IHDR") return {};
    const unsigned bit_depth = static_cast<unsigned char>(bytes[ihdr_data + 8]);
    const unsigned color_type = static_cast<unsigned char>(bytes[ihdr_data + 9]);
    const unsigned interlace = static_cast<unsigned char>(bytes[ihdr_data + 12]);
    if (bit_depth != 8 || (color_type != PNG_COLOR_TYPE_GRAY && color_type != PNG_COLOR_TYPE_RGB) ||
        interlace != PNG_INTERLACE_NONE) {
        return {};
    }
    std::string stream;
    for (std::size_t at = 8; at + 12 <= bytes.size();) {
        const std::uint32_t length = u32(at);
        if (length > bytes.size() - at - 12) return {};
        const std::string_view type = bytes.substr(at + 4, 4);
        if (type == "tRNS") return {};  // a transparent colour: needs a mask
        if (type == "IDAT") stream.append(bytes.substr(at + 8, length));
        if (type == "IEND") break;
        at += 12 + length;
    }
    return stream;
}

constexpr png_uint_32 max_side = 30000;  // larger would not fit any page at print resolution

}  // namespace

bool has_png_signature(std::string_view bytes) {
    return bytes.size() >= 8 &&
           png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) == 0;
}

ImageProbe probe_png(std::string_view bytes) {
    PngSession session(bytes);
    if (!session.ok()) return {std::nullopt, "out of memory while reading a PNG"};
    RowLayout layout;
    if (!read_header(session.png(), session.info(), false, &layout)) {
        return {std::nullopt, session.error()};
    }
    return {info_of(layout), {}};
}

ImageDecodeResult decode_png(std::string_view bytes, PixelNeed need) {
    PngSession session(bytes);
    if (!session.ok()) return {std::nullopt, "out of memory while reading a PNG"};
    RowLayout layout;
    if (!read_header(session.png(), session.info(), true, &layout)) {
        return {std::nullopt, session.error()};
    }
    if (layout.width > max_side || layout.height > max_side) {
        return {std::nullopt, "unsupported PNG: " + std::to_string(layout.width) + "x" +
                                  std::to_string(layout.height) + " pixels is too large"};
    }

    if (need == PixelNeed::unless_png_stream) {
        if (std::string stream = predicted_stream(bytes); !stream.empty()) {
            std::vector<png_byte> row(layout.row_bytes);
            if (!check_rows(session.png(), session.info(), row.data(), layout.height)) {
                return {std::nullopt, session.error()};
            }
            DecodedImage image;
            image.info = info_of(layout);
            image.color_space = layout.channels == 1 ? DecodedImage::ColorSpace::gray
                                                     : DecodedImage::ColorSpace::rgb;
            image.png_stream = std::move(stream);
            return {std::move(image), {}};
        }
    }

    std::string pixels(layout.row_bytes * layout.height, '\0');
    std::vector<png_bytep> rows(layout.height);
    for (png_uint_32 y = 0; y < layout.height; ++y) {
        rows[y] = reinterpret_cast<png_bytep>(pixels.data() + y * layout.row_bytes);
    }
    if (!read_rows(session.png(), session.info(), rows.data())) {
        return {std::nullopt, session.error()};
    }

    // Gray+alpha and RGBA become colour samples and a separate soft mask,
    // as PDF keeps them; a mask that is opaque everywhere is left out.
    DecodedImage image;
    image.info = info_of(layout);
    const int channels = layout.channels;
    const bool has_alpha = channels == 2 || channels == 4;
    const int color_channels = has_alpha ? channels - 1 : channels;
    image.color_space =
        color_channels == 1 ? DecodedImage::ColorSpace::gray : DecodedImage::ColorSpace::rgb;
    if (!has_alpha) {
        image.data = std::move(pixels);
        image.png_stream = predicted_stream(bytes);
        return {std::move(image), {}};
    }
    const std::size_t count = static_cast<std::size_t>(layout.width) * layout.height;
    image.data.resize(count * color_channels);
    image.alpha.resize(count);
    bool opaque = true;
    for (std::size_t i = 0; i < count; ++i) {
        const char* pixel = pixels.data() + i * channels;
        std::memcpy(image.data.data() + i * color_channels, pixel, color_channels);
        image.alpha[i] = pixel[color_channels];
        opaque = opaque && static_cast<unsigned char>(pixel[color_channels]) == 0xFF;
    }
    if (opaque) image.alpha.clear();
    return {std::move(image), {}};
}

}  // namespace pamphlet::image_detail
