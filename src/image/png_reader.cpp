// PNG through libpng's classic API, which (unlike the simplified png_image
// API) leaves 16-bit samples un-gamma-corrected and exposes pHYs. libpng
// reports errors by longjmp: every function that calls setjmp below holds
// only trivially destructible locals and writes into storage owned by its
// caller, so a jump never skips a destructor or leaves a C++ object
// half-modified.
#include "image_formats.hpp"

#include "pamphlet/base/deflate.hpp"
#include "pamphlet/base/limits.hpp"

#include <png.h>

#include <csetjmp>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
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

constexpr png_uint_32 max_cached_chunks = 1000;

// The largest pixel buffer made before the file is known to be whole (a
// 2,000 × 3,000 RGBA picture; a cover is 1,600 × 2,400 RGB).
constexpr std::uint64_t direct_decode_bytes = 24u << 20;

// Owns libpng's structures; destroyed in the caller, outside any setjmp.
class PngSession {
public:
    explicit PngSession(std::string_view bytes) {
        reader_.data = reinterpret_cast<const unsigned char*>(bytes.data());
        reader_.size = bytes.size();
        png_ = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, record_error, ignore_warning);
        if (png_ == nullptr) return;
        info_ = png_create_info_struct(png_);
        png_set_read_fn(png_, &reader_, read_from_memory);
        // libpng's own guards, behind the walk of the chunks in judge_png:
        // no side beyond the limit, no chunk read into a buffer beyond it,
        // and not thousands of text chunks kept.
        png_set_user_limits(png_, limits::image_side, limits::image_side);
        png_set_chunk_malloc_max(png_, limits::png_chunk_bytes);
        png_set_chunk_cache_max(png_, max_cached_chunks);
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
    int passes = 1;  // 7 when interlaced
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
        layout->passes = png_set_interlace_handling(png);
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

// Every row of every pass through one buffer, for the checks alone.
bool check_rows(png_structp png, png_infop info, png_bytep row, png_uint_32 height, int passes) {
    if (setjmp(png_jmpbuf(png))) return false;
    for (int pass = 0; pass < passes; ++pass)
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

std::uint32_t u32_at(std::string_view bytes, std::size_t at) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at);
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

// The concatenated IDAT data of a PNG whose rows a PDF reader can unfilter
// as they are (see DecodedImage::png_stream), else empty. The chunks were
// already checked by libpng's decoding (CRCs, the zlib stream).
std::string predicted_stream(std::string_view bytes) {
    auto u32 = [&](std::size_t at) { return u32_at(bytes, at); };
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

std::string chunk_name(std::string_view type) {
    std::string name;
    for (char c : type) name += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? c : '?';
    return name;
}

// The chunks as the file lays them out, before libpng reads any: the size
// in IHDR and every chunk's length are checked against the limits and the
// file's length, so that no claim is ever allocated. nullopt: on to libpng.
std::optional<ImageVerdict> walk_chunks(std::string_view bytes) {
    constexpr std::size_t signature = 8, header = 8, crc = 4, ihdr_length = 13;
    if (bytes.size() < signature + header + ihdr_length + crc ||
        bytes.substr(signature + 4, 4) != "IHDR" || u32_at(bytes, signature) != ihdr_length) {
        return unusable("corrupt PNG: it does not start with an IHDR chunk");
    }
    // The size is believed only when IHDR is intact.
    if (crc32_of(bytes.substr(signature + 4, 4 + ihdr_length)) !=
        u32_at(bytes, signature + header + ihdr_length)) {
        return unusable("corrupt PNG: IHDR: CRC error");
    }
    const std::uint32_t width = u32_at(bytes, signature + header);
    const std::uint32_t height = u32_at(bytes, signature + header + 4);
    if (width == 0 || height == 0) {
        return unusable("corrupt PNG: it is " + std::to_string(width) + " × " +
                        std::to_string(height) + " pixels");
    }
    if (auto too_large = check_dimensions(width, height)) return too_large;
    for (std::size_t at = signature; at + header <= bytes.size();) {
        const std::uint64_t length = u32_at(bytes, at);
        const std::string_view type = bytes.substr(at + 4, 4);
        if (length + header + crc > bytes.size() - at) {
            return unusable("corrupt PNG: its '" + chunk_name(type) + "' chunk claims " +
                            thousands(length) +
                            " bytes, more than the rest of the file (truncated?)");
        }
        // Image data is inflated as it streams; any other chunk is read whole.
        if (type != "IDAT" && length > limits::png_chunk_bytes) {
            return over_limit("has a '" + chunk_name(type) + "' chunk of " +
                              std::to_string(length >> 20) + " MiB; pamphlet reads at most " +
                              std::to_string(limits::png_chunk_bytes >> 20) + " MiB in one chunk");
        }
        if (type == "IEND") break;
        at += header + length + crc;
    }
    return std::nullopt;
}

// The image data of a plain (not interlaced) PNG found whole without
// libpng's row-by-row decoding, which spends most of its time in zlib: every
// chunk's CRC right, the IDAT chunks in one run, nothing but ancillary chunks
// between them and IEND, their zlib stream inflating (libdeflate, Adler-32
// checked) to exactly the rows IHDR promises, each row's filter type one of
// the five. Only ever says yes: any doubt (and every interlaced file) goes
// to libpng, whose verdict and message stand.
bool idat_whole(std::string_view bytes) {
    constexpr std::size_t signature = 8, header = 8, crc = 4;
    const auto byte_at = [&](std::size_t at) { return static_cast<unsigned char>(bytes[at]); };
    const std::uint64_t width = u32_at(bytes, signature + header);
    const std::uint64_t height = u32_at(bytes, signature + header + 4);
    const unsigned depth = byte_at(signature + header + 8);
    const unsigned color = byte_at(signature + header + 9);
    if (byte_at(signature + header + 12) != PNG_INTERLACE_NONE) return false;
    unsigned channels = 0;
    switch (color) {
    case PNG_COLOR_TYPE_GRAY: channels = 1; break;
    case PNG_COLOR_TYPE_RGB: channels = 3; break;
    case PNG_COLOR_TYPE_PALETTE: channels = 1; break;
    case PNG_COLOR_TYPE_GRAY_ALPHA: channels = 2; break;
    case PNG_COLOR_TYPE_RGB_ALPHA: channels = 4; break;
    default: return false;
    }
    const std::uint64_t row = (width * channels * depth + 7) / 8 + 1;  // with its filter byte
    if (row * height > direct_decode_bytes) return false;

    std::string stream;
    enum { before, in, after } idat = before;
    for (std::size_t at = signature;;) {
        if (at + header + crc > bytes.size()) return false;
        const std::uint32_t length = u32_at(bytes, at);
        if (length > bytes.size() - at - header - crc) return false;
        const std::string_view type = bytes.substr(at + 4, 4);
        if (crc32_of(bytes.substr(at + 4, 4 + std::size_t{length})) !=
            u32_at(bytes, at + header + length)) {
            return false;
        }
        const bool critical = (byte_at(at + 4) & 0x20) == 0;
        if (type == "IEND") break;
        if (type == "IDAT") {
            if (idat == after) return false;
            idat = in;
            stream.append(bytes.substr(at + header, length));
        } else if (idat != before) {
            if (critical) return false;
            idat = after;
        }
        at += header + length + crc;
    }
    const std::optional<UnzeroedScratchVector<char>> rows =
        inflated_exactly(stream, static_cast<std::size_t>(row * height));
    if (!rows) return false;
    for (std::size_t at = 0; at < rows->size(); at += static_cast<std::size_t>(row))
        if (static_cast<unsigned char>((*rows)[at]) > 4) return false;
    return true;
}

DecodedImage decoded_of(const RowLayout& layout) {
    DecodedImage image;
    image.info = info_of(layout);
    image.color_space =
        layout.channels <= 2 ? DecodedImage::ColorSpace::gray : DecodedImage::ColorSpace::rgb;
    return image;
}

ImageVerdict usable_png(DecodedImage image) {
    ImageVerdict verdict;
    verdict.status = ImageVerdict::Status::usable;
    verdict.info = image.info;
    verdict.decoded = std::move(image);
    return verdict;
}

}  // namespace

struct PngRowsImpl {
    explicit PngRowsImpl(std::string_view bytes) : session(bytes) {}
    PngSession session;
    RowLayout layout;
    std::vector<png_byte> row;
    png_uint_32 next = 0;
    bool failed = false;
};

bool read_next_row(png_structp png, png_bytep row) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_read_row(png, row, nullptr);
    return true;
}

ImageVerdict judge_png(std::string_view bytes, PixelNeed need) {
    if (auto verdict = walk_chunks(bytes)) return std::move(*verdict);

    RowLayout layout;
    {
        PngSession session(bytes);
        if (!session.ok()) return unusable("out of memory while reading a PNG");
        if (!read_header(session.png(), session.info(), true, &layout)) {
            return unusable(session.error());
        }
    }
    // Pixels wanted in any case, in a buffer of reasonable size: decoded at
    // once, and the decoding is the check (the same libpng errors).
    const bool decode_at_once =
        need == PixelNeed::always &&
        static_cast<std::uint64_t>(layout.row_bytes) * layout.height <= direct_decode_bytes;
    if (!decode_at_once) {
        // First the data found whole, else every row through one buffer
        // (libpng's verdict): a damaged or truncated file is found before a
        // buffer for all its pixels is made.
        if (!idat_whole(bytes)) {
            PngSession session(bytes);
            if (!session.ok()) return unusable("out of memory while reading a PNG");
            if (!read_header(session.png(), session.info(), true, &layout)) {
                return unusable(session.error());
            }
            std::vector<png_byte> row(layout.row_bytes);
            if (!check_rows(session.png(), session.info(), row.data(), layout.height,
                            layout.passes)) {
                return unusable(session.error());
            }
        }
        if (need == PixelNeed::never) return usable_png(decoded_of(layout));
        if (need == PixelNeed::unless_png_stream) {
            if (std::string stream = predicted_stream(bytes); !stream.empty()) {
                DecodedImage image = decoded_of(layout);
                image.png_stream = std::move(stream);
                return usable_png(std::move(image));
            }
        }
    }

    PngSession session(bytes);
    if (!session.ok()) return unusable("out of memory while reading a PNG");
    if (!read_header(session.png(), session.info(), true, &layout)) {
        return unusable(session.error());
    }
    std::string pixels(layout.row_bytes * layout.height, '\0');
    std::vector<png_bytep> rows(layout.height);
    for (png_uint_32 y = 0; y < layout.height; ++y) {
        rows[y] = reinterpret_cast<png_bytep>(pixels.data() + y * layout.row_bytes);
    }
    if (!read_rows(session.png(), session.info(), rows.data())) {
        return unusable(session.error());
    }

    // Gray+alpha and RGBA become colour samples and a separate soft mask,
    // as PDF keeps them; a mask that is opaque everywhere is left out.
    DecodedImage image = decoded_of(layout);
    const int channels = layout.channels;
    const bool has_alpha = channels == 2 || channels == 4;
    const int color_channels = has_alpha ? channels - 1 : channels;
    if (!has_alpha) {
        image.data = std::move(pixels);
        image.png_stream = predicted_stream(bytes);
        return usable_png(std::move(image));
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
    return usable_png(std::move(image));
}

}  // namespace pamphlet::image_detail

namespace pamphlet {

struct PngRowReader::Impl : image_detail::PngRowsImpl {
    using PngRowsImpl::PngRowsImpl;
};

PngRowReader::PngRowReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PngRowReader::~PngRowReader() = default;

std::unique_ptr<PngRowReader> PngRowReader::open(std::string_view bytes) {
    auto impl = std::make_unique<Impl>(bytes);
    if (impl->session.ok()) {
        // Checked when the image was judged: the cover's 11 MB of rows
        // spent a sixth of their decoding in zlib's Adler-32.
        png_set_crc_action(impl->session.png(), PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
        png_set_option(impl->session.png(), PNG_IGNORE_ADLER32, PNG_OPTION_ON);
    }
    if (!impl->session.ok() ||
        !image_detail::read_header(impl->session.png(), impl->session.info(), true,
                                   &impl->layout) ||
        impl->layout.passes != 1) {
        return nullptr;
    }
    impl->row.resize(impl->layout.row_bytes);
    return std::unique_ptr<PngRowReader>(new PngRowReader(std::move(impl)));
}

int PngRowReader::width() const {
    return static_cast<int>(impl_->layout.width);
}

int PngRowReader::height() const {
    return static_cast<int>(impl_->layout.height);
}

int PngRowReader::channels() const {
    return impl_->layout.channels;
}

const std::uint8_t* PngRowReader::next_row() {
    Impl& d = *impl_;
    if (d.failed || d.next >= d.layout.height) return nullptr;
    if (!image_detail::read_next_row(d.session.png(), d.row.data())) {
        d.failed = true;
        return nullptr;
    }
    ++d.next;
    return d.row.data();
}

}  // namespace pamphlet
