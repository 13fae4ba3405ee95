// Fuzz target: a picture file judged as the e-book, the typesetter and the
// PDF writer judge it (with pixels, with a PNG's own rows kept for the PDF,
// and without pixels). Besides "no crash", what image.hpp promises is checked.
#include "fuzz_support.hpp"

#include "pamphlet/base/limits.hpp"
#include "pamphlet/image.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

using namespace pamphlet;

namespace {

std::uint64_t samples_per_pixel(DecodedImage::ColorSpace space) {
    switch (space) {
        case DecodedImage::ColorSpace::gray:
            return 1;
        case DecodedImage::ColorSpace::rgb:
            return 3;
        case DecodedImage::ColorSpace::cmyk:
            return 4;
    }
    return 0;
}

// One verdict in each pixel mode; what image.hpp promises is checked.
void check_verdict(const ImageVerdict& verdict, std::string_view file, PixelNeed need) {
    if (!verdict.usable()) {
        fuzz::check(!verdict.problem.empty(), "an image refused without saying why");
        fuzz::check(!verdict.decoded, "a refused image with pixels");
        return;
    }
    if (verdict.info.format == ImageInfo::Format::svg) {
        fuzz::check(!verdict.svg.empty(), "a usable SVG without its drawing");
        return;
    }
    fuzz::check(verdict.info.width > 0 && verdict.info.height > 0, "an image without pixels");
    const std::uint64_t pixels = static_cast<std::uint64_t>(verdict.info.width) *
                                 static_cast<std::uint64_t>(verdict.info.height);
    fuzz::check(pixels <= limits::image_pixels, "a usable image over the pixel limit");
    if (need == PixelNeed::never && verdict.info.format == ImageInfo::Format::png) {
        fuzz::check(!verdict.decoded || verdict.decoded->data.empty(),
                    "PixelNeed::never kept a PNG's pixels");
        return;
    }
    if (!verdict.decoded) return;
    const DecodedImage& image = *verdict.decoded;
    fuzz::check(image.info.format == verdict.info.format &&
                    image.info.width == verdict.info.width &&
                    image.info.height == verdict.info.height,
                "the pixels and the verdict disagree on format or size");
    if (image.is_dct) {
        fuzz::check(image.info.format == ImageInfo::Format::jpeg, "DCT data for a PNG or GIF");
        fuzz::check(image.data == file, "a JPEG's data is not the file itself");
        return;
    }
    fuzz::check(image.bits_per_component == 8, "samples are not 8-bit");
    fuzz::check(image.alpha.empty() || image.alpha.size() == pixels,
                "the soft mask is not one byte per pixel");
    const bool pixels_kept = need == PixelNeed::always || image.png_stream.empty();
    if (pixels_kept) {
        fuzz::check(image.data.size() == pixels * samples_per_pixel(image.color_space),
                    "the pixels do not fill width x height x samples");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::filesystem::path file = fuzz::scratch_dir() / "image";
    fuzz::write_bytes(file, bytes);

    std::optional<ImageVerdict::Status> first;
    for (PixelNeed need : {PixelNeed::always, PixelNeed::unless_png_stream, PixelNeed::never}) {
        const ImageVerdict verdict = judge_image(file, need);
        check_verdict(verdict, bytes, need);
        // One verdict per image, whatever the output needs of it.
        if (first) fuzz::check(verdict.status == *first, "the verdict depends on the pixel mode");
        first = verdict.status;
    }
    return 0;
}
