// Fuzz target: a picture file as the typesetter probes it and the PDF
// writer decodes it (both ways: with pixels, and with a PNG's own rows
// kept for the PDF). Besides "no crash", what image.hpp promises is checked.
#include "fuzz_support.hpp"

#include "pamphlet/image.hpp"

#include <cstdint>
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

void check_decoded(const ImageDecodeResult& result, const ImageProbe& probe, std::string_view file,
                   PixelNeed need) {
    if (!result.image) {
        fuzz::check(!result.error.empty(), "decode failed without saying why");
        return;
    }
    const DecodedImage& image = *result.image;
    fuzz::check(probe.info.has_value(), "decoded an image the probe rejected");
    fuzz::check(image.info.format == probe.info->format && image.info.width == probe.info->width &&
                    image.info.height == probe.info->height,
                "the decoder and the probe disagree on format or size");
    fuzz::check(image.info.width > 0 && image.info.height > 0, "an image without pixels");
    const std::uint64_t pixels = static_cast<std::uint64_t>(image.info.width) *
                                 static_cast<std::uint64_t>(image.info.height);
    if (image.is_dct) {
        fuzz::check(image.info.format == ImageInfo::Format::jpeg, "DCT data for a PNG");
        fuzz::check(image.data == file, "a JPEG's data is not the file itself");
        return;
    }
    fuzz::check(image.bits_per_component == 8, "PNG samples are not 8-bit");
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

    const ImageProbe probe = probe_image(file);
    fuzz::check(probe.info.has_value() || !probe.error.empty(), "probe failed without saying why");
    for (PixelNeed need : {PixelNeed::always, PixelNeed::unless_png_stream})
        check_decoded(decode_image(file, need), probe, bytes, need);
    return 0;
}
