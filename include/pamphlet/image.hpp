// Raster images (PNG through libpng, JPEG read as is): probing for the
// typesetter, decoding for the PDF writer. Only src/image includes libpng.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace pamphlet {

struct ImageInfo {
    enum class Format { png, jpeg } format = Format::png;
    int width = 0, height = 0;    // pixels
    double dpi_x = 0, dpi_y = 0;  // from the file (pHYs, JFIF), 0 when not given
};

struct ImageProbe {
    std::optional<ImageInfo> info;
    std::string error;  // "not a PNG or JPEG image", "corrupt PNG: ..." when info is empty
};

// Reads just enough of the file to know its format and size, and whether it
// is an image pamphlet can place.
ImageProbe probe_image(const std::filesystem::path& file);

// Pixels ready for a PDF image XObject.
struct DecodedImage {
    ImageInfo info;
    enum class ColorSpace { gray, rgb, cmyk } color_space = ColorSpace::rgb;
    int bits_per_component = 8;
    // PNG: 8-bit samples, rows top to bottom, no padding; `alpha` holds an
    // 8-bit soft mask when the image has transparency (else empty).
    // JPEG: `data` is the file itself (DCTDecode), `alpha` is empty.
    std::string data;
    std::string alpha;
    // PNG: the file's own zlib stream of filtered rows, when a PDF can take
    // it as it is (FlateDecode with PNG predictors), which spares inflating
    // and deflating the pixels again: 8-bit gray or RGB, not interlaced, no
    // transparency. Empty otherwise. `data` holds the pixels either way.
    std::string png_stream;
    bool is_dct = false;
    bool inverted_cmyk = false;  // Adobe CMYK JPEGs store inverted values
};

struct ImageDecodeResult {
    std::optional<DecodedImage> image;
    std::string error;
};

// Whether a decoded PNG must hold its pixels even when `png_stream` holds its
// rows as a PDF can take them.
enum class PixelNeed {
    always,
    // The file is still read to its end (every row inflated, every check
    // made) but row by row: `data` stays empty, and a large picture never
    // needs its whole size in memory.
    unless_png_stream,
};

ImageDecodeResult decode_image(const std::filesystem::path& file,
                               PixelNeed pixels = PixelNeed::always);

// Decoded images shared by every document of a run, on any thread: a file
// asked for by several documents at once is decoded once, and the result is
// kept for the next one while the cache holds less than `budget_bytes` of
// image data (the least recently used go first; one in use stays alive with
// its user). Results never change, so sharing them changes no output.
// It decodes what a PDF writer takes (PixelNeed::unless_png_stream).
class DecodedImageCache {
public:
    DecodedImageCache() : DecodedImageCache(std::size_t{256} << 20) {}
    explicit DecodedImageCache(std::size_t budget_bytes);
    ~DecodedImageCache();
    DecodedImageCache(const DecodedImageCache&) = delete;
    DecodedImageCache& operator=(const DecodedImageCache&) = delete;

    std::shared_ptr<const ImageDecodeResult> decode(const std::filesystem::path& file);

    std::size_t decodes() const;  // files actually decoded (for tests)

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pamphlet
