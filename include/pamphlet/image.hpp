// Images: one verdict per file, the same for the EPUB and the PDF. The file
// is read once (within limits::image_file_bytes), its format told by its
// first bytes, and it is checked to the end before either output uses it:
// a PNG is inflated row by row, a JPEG's markers walked to its end, a GIF's
// frames decoded, an SVG parsed and stripped of what an e-book must not run
// or fetch. Only src/image includes libpng.
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

// Verdicts shared by every document of a run, on any thread: a file asked
// for by several documents at once (an EPUB and a PDF, two PDFs) is judged
// once, and the result is kept for the next one while the cache holds less
// than `budget_bytes` of image data (the least recently used go first; one
// in use stays alive with its user). Verdicts never change, so sharing them
// changes no output. Pixels are decoded as asked: a PDF writer and the
// typesetter that feeds it ask for PixelNeed::unless_png_stream, the e-book
// for PixelNeed::never (a verdict from the same checks, without the memory
// of the pixels); each is an entry of its own.
class DecodedImageCache {
public:
    DecodedImageCache() : DecodedImageCache(std::size_t{256} << 20) {}
    explicit DecodedImageCache(std::size_t budget_bytes);
    ~DecodedImageCache();
    DecodedImageCache(const DecodedImageCache&) = delete;
    DecodedImageCache& operator=(const DecodedImageCache&) = delete;

    std::shared_ptr<const ImageVerdict> judge(const std::filesystem::path& file,
                                              PixelNeed pixels = PixelNeed::unless_png_stream);

    std::size_t decodes() const;  // files actually judged (for tests)

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pamphlet
