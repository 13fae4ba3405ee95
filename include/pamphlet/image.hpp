// Images: one verdict per file, the same for the EPUB and the PDF, made when
// the collection is loaded (ImageStore). The file is read once (within limits::image_file_bytes),
// its format told by its first bytes, and it is checked to the end before either output uses it: a
// PNG is inflated row by row, a JPEG's markers walked to its end, a GIF's frames decoded, an SVG
// parsed and stripped of what an e-book must not run or fetch. Only src/image includes libpng.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pamphlet {

class DiagnosticSink;
struct SourceSpan;

struct ImageInfo {
    enum class Format { png, jpeg, gif, svg } format = Format::png;
    int width = 0, height = 0;    // pixels (0 for SVG)
    double dpi_x = 0, dpi_y = 0;  // from the file (pHYs, JFIF), 0 when not given
};

// Pixels ready for a PDF image XObject.
struct DecodedImage {
    ImageInfo info;
    enum class ColorSpace { gray, rgb, cmyk } color_space = ColorSpace::rgb;
    int bits_per_component = 8;
    // PNG and GIF: 8-bit samples, rows top to bottom, no padding; `alpha`
    // holds an 8-bit soft mask when the image has transparency (else empty).
    // JPEG: `data` is the file itself (DCTDecode), `alpha` is empty.
    std::string data;
    std::string alpha;
    // PNG: the file's own zlib stream of filtered rows, when a PDF can take
    // it as it is (FlateDecode with PNG predictors), which spares inflating
    // and deflating the pixels again: 8-bit gray or RGB, not interlaced, no
    // transparency. Empty otherwise. `data` holds the pixels either way
    // unless PixelNeed::unless_png_stream left it empty.
    std::string png_stream;
    bool is_dct = false;
    bool inverted_cmyk = false;  // Adobe CMYK JPEGs store inverted values
};

// Whether a decoded PNG must hold its pixels even when `png_stream` holds its
// rows as a PDF can take them.
enum class PixelNeed {
    always,
    // The file is still read to its end (every row inflated, every check
    // made) but row by row: `data` stays empty, and a large picture never
    // needs its whole size in memory.
    unless_png_stream,
    // The file is read to its end all the same, and no PNG keeps pixels
    // (what the e-book needs: the verdict, not the pixels).
    never,
};

// What pamphlet makes of one image file.
struct ImageVerdict {
    enum class Status {
        usable,
        // Damaged, truncated, empty or of a format no output takes: a
        // warning, and both outputs show the alt text.
        unusable,
        // Larger than pamphlet/base/limits.hpp allows: an error in both.
        over_limit,
    };
    Status status = Status::unusable;
    ImageInfo info;       // when usable
    std::string problem;  // when not: "corrupt PNG: …", "is 29999 × 29999 pixels, …"
    // PNG, JPEG, GIF: what a PDF embeds.
    std::optional<DecodedImage> decoded;
    // SVG: the drawing as the e-book gets it, and what was taken out of it
    // ("<script>", "the attribute 'onload'", …; empty when nothing was).
    std::string svg;
    std::string svg_removed;

    bool usable() const { return status == Status::usable; }
    std::string_view media_type() const;  // "image/png"
    std::string_view extension() const;   // ".png"
};

// The verdict on `file`. Never throws for anything in the file.
ImageVerdict judge_image(const std::filesystem::path& file,
                         PixelNeed pixels = PixelNeed::unless_png_stream);
// The same for bytes already in memory.
ImageVerdict judge_image_bytes(std::string bytes, PixelNeed pixels = PixelNeed::unless_png_stream);

// Says at `span` why the image named `name` is not used (a warning, or an
// error for one over a limit) and returns false; returns true for a usable
// image. Both outputs call it, so the same image gets the same words.
bool report_image_verdict(const ImageVerdict& verdict, const std::string& name,
                          const SourceSpan& span, DiagnosticSink& sink);

// An 8-bit RGB PNG of `rgb` (width × height × 3 bytes, rows top to bottom)
// with nothing but the image in it (no time, no text chunks) and fixed
// filter and compression settings: the same pixels give the same bytes.
// Empty when libpng fails (it does not, short of running out of memory).
std::string encode_png_rgb(int width, int height, std::string_view rgb);

// The same PNG, given row by row (each width × 3 bytes, top to bottom), for
// pictures made a band at a time: only the compressed file is held.
class PngRgbWriter {
public:
    PngRgbWriter(int width, int height);
    ~PngRgbWriter();
    PngRgbWriter(const PngRgbWriter&) = delete;
    PngRgbWriter& operator=(const PngRgbWriter&) = delete;

    void write_row(const char* rgb);
    // The file once every row was written; empty when any step failed.
    std::string finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The rows of a PNG as 8-bit samples (gray, gray+alpha, RGB or RGBA,
// interleaved), decoded one at a time, top to bottom: for scaling a picture
// into a band (the drawn cover) without holding all its pixels. For bytes
// judged usable already (judge_image_bytes checked every chunk's CRC and
// the image data's zlib checksum): libpng does not compute them again.
class PngRowReader {
public:
    // nullptr unless `bytes` is a PNG that is not interlaced and whose
    // header libpng reads. `bytes` must outlive the reader.
    static std::unique_ptr<PngRowReader> open(std::string_view bytes);
    ~PngRowReader();
    PngRowReader(const PngRowReader&) = delete;
    PngRowReader& operator=(const PngRowReader&) = delete;

    int width() const;
    int height() const;
    int channels() const;  // 1 to 4: gray, gray+alpha, RGB, RGBA
    // The next row (width × channels bytes, valid until the next call), or
    // nullptr after the last row or once libpng fails.
    const std::uint8_t* next_row();

private:
    struct Impl;
    explicit PngRowReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

namespace image_detail {
struct AssetCache;
}

// One image file of a build, loaded once: read, identified and checked to
// its end before layout (the verdict, without pixels), shared read-only by
// every document and every thread. The model names images by it
// (ImageSource), and the laid-out document carries it to the PDF writer, so
// no writer looks an image up by its path or judges it again. What is large
// comes on demand and goes under the store's budget: the file's bytes (kept
// from the load, read again only once they were let go) and a PDF's pixels
// (decoded on first use, for every PDF of the build).
class ImageAsset {
public:
    ImageAsset(std::filesystem::path file, ImageVerdict verdict, std::string sha256,
               std::shared_ptr<image_detail::AssetCache> cache, std::uint64_t serial);
    ~ImageAsset();
    ImageAsset(const ImageAsset&) = delete;
    ImageAsset& operator=(const ImageAsset&) = delete;

    const std::filesystem::path& file() const { return file_; }
    std::string name() const { return file_.filename().string(); }  // for messages
    // Status, format, size, problem; an SVG's cleaned drawing. `decoded` is
    // always empty here: pixels() has them.
    const ImageVerdict& verdict() const { return verdict_; }
    bool usable() const { return verdict_.usable(); }
    // Whether a PDF page can show it: a usable PNG, JPEG or GIF (not SVG).
    bool has_pixels() const { return usable() && has_pixels_; }

    // The file as it was judged (what the e-book packs); nullptr when it
    // could not be read.
    std::shared_ptr<const std::string> bytes() const;
    // SHA-256 of those bytes, as hex ("unreadable": no bytes), made when
    // they were read: the input digest needs no second read.
    const std::string& sha256() const { return sha256_; }
    // What a PDF embeds (PixelNeed::unless_png_stream); nullptr when the
    // image has no pixels, or its file no longer holds them.
    std::shared_ptr<const DecodedImage> pixels() const;

private:
    std::filesystem::path file_;
    ImageVerdict verdict_;
    std::string sha256_;
    bool has_pixels_ = false;
    std::shared_ptr<image_detail::AssetCache> cache_;
    std::uint64_t serial_ = 0;  // the asset's key in the cache
};

using ImageHandle = std::shared_ptr<const ImageAsset>;

// The images of one build, on any thread: each file (by its normalised
// path) is read and judged once, however many articles, documents and
// threads name it. The bytes and pixels of all its assets together are kept
// while they take less than `budget_bytes` (the least recently used go
// first; one in use stays alive with its user); what went is read or decoded
// again when next asked for. Verdicts never change, so sharing them changes
// no output.
class ImageStore {
public:
    ImageStore() : ImageStore(std::size_t{256} << 20) {}
    explicit ImageStore(std::size_t budget_bytes);
    ~ImageStore();
    ImageStore(const ImageStore&) = delete;
    ImageStore& operator=(const ImageStore&) = delete;

    ImageHandle load(const std::filesystem::path& file);

    // For tests: image files read, and decodes (judgements at load and
    // pixels for a PDF).
    std::size_t reads() const;
    std::size_t decodes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// An asset of its own, for a caller without a build's store (tests, a
// document put together by hand): the file read and judged now.
ImageHandle load_image(const std::filesystem::path& file);

}  // namespace pamphlet
