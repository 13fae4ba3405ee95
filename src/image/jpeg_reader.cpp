// JPEG is embedded as is (PDF's DCTDecode), so pamphlet only walks the
// marker segments: the frame header gives size and components, JFIF APP0
// the resolution, Adobe APP14 whether CMYK samples are stored inverted.
#include "image_formats.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace pamphlet::image_detail {

namespace {

constexpr unsigned char marker_eoi = 0xD9;
constexpr unsigned char marker_sos = 0xDA;
constexpr unsigned char marker_app0 = 0xE0;
constexpr unsigned char marker_app14 = 0xEE;

struct JpegHeader {
    ImageInfo info;
    int components = 0;
    bool adobe = false;
};

struct JpegScan {
    std::optional<JpegHeader> header;
    std::string error;
    std::optional<ImageVerdict> too_large;  // the frame header claims too much
};

unsigned byte_at(std::string_view bytes, std::size_t pos) {
    return static_cast<unsigned char>(bytes[pos]);
}

unsigned u16_at(std::string_view bytes, std::size_t pos) {
    return (byte_at(bytes, pos) << 8) | byte_at(bytes, pos + 1);
}

bool is_standalone(unsigned marker) {
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
}

// Baseline, extended sequential and progressive Huffman coding are what PDF
// readers decode; lossless, hierarchical and arithmetic-coded frames are not.
bool is_supported_frame(unsigned marker) {
    return marker >= 0xC0 && marker <= 0xC2;
}

bool is_other_frame(unsigned marker) {
    return marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

void read_jfif(std::string_view segment, ImageInfo& info) {
    // "JFIF\0", version (2), units (1), x density (2), y density (2)
    if (segment.size() < 12 || segment.substr(0, 5) != std::string_view("JFIF\0", 5)) return;
    const unsigned units = byte_at(segment, 7);
    const double x = u16_at(segment, 8), y = u16_at(segment, 10);
    constexpr double cm_per_inch = 2.54;
    if (units == 1) {
        info.dpi_x = x;
        info.dpi_y = y;
    } else if (units == 2) {
        info.dpi_x = x * cm_per_inch;
        info.dpi_y = y * cm_per_inch;
    }
}

// Walks the segments and the entropy-coded data of every scan up to EOI, so
// that a truncated file is caught.
JpegScan scan_jpeg(std::string_view bytes) {
    JpegScan scan;
    JpegHeader header;
    bool have_frame = false;
    std::size_t pos = 2;
    while (true) {
        if (pos >= bytes.size()) {
            scan.error = have_frame ? "corrupt JPEG: the file ends before its end-of-image marker"
                                    : "corrupt JPEG: the file ends before its frame header";
            return scan;
        }
        if (byte_at(bytes, pos) != 0xFF) {
            scan.error = "corrupt JPEG: expected a marker at byte " + std::to_string(pos);
            return scan;
        }
        while (pos < bytes.size() && byte_at(bytes, pos) == 0xFF) ++pos;  // fill bytes
        if (pos >= bytes.size()) continue;
        const unsigned marker = byte_at(bytes, pos++);
        if (marker == marker_eoi) break;
        if (is_standalone(marker)) continue;
        if (pos + 2 > bytes.size()) {
            scan.error = "corrupt JPEG: the file ends inside a segment header";
            return scan;
        }
        const std::size_t length = u16_at(bytes, pos);
        if (length < 2 || pos + length > bytes.size()) {
            scan.error = "corrupt JPEG: a segment runs past the end of the file";
            return scan;
        }
        const std::string_view segment = bytes.substr(pos + 2, length - 2);
        pos += length;

        if (is_supported_frame(marker)) {
            // A JPEG (not hierarchical) has one frame: a second header would
            // give the picture another size than the one it was placed at.
            if (have_frame) {
                scan.error = "corrupt JPEG: two frame headers";
                return scan;
            }
            if (segment.size() < 6) {
                scan.error = "corrupt JPEG: short frame header";
                return scan;
            }
            const unsigned precision = byte_at(segment, 0);
            header.info.height = static_cast<int>(u16_at(segment, 1));
            header.info.width = static_cast<int>(u16_at(segment, 3));
            header.components = static_cast<int>(byte_at(segment, 5));
            if (precision != 8) {
                scan.error = "unsupported JPEG: " + std::to_string(precision) +
                             "-bit samples (PDF readers decode 8-bit JPEG only)";
                return scan;
            }
            if (header.info.width == 0 || header.info.height == 0) {
                scan.error = "unsupported JPEG: the frame header gives no image size";
                return scan;
            }
            if (header.components != 1 && header.components != 3 && header.components != 4) {
                scan.error =
                    "unsupported JPEG: " + std::to_string(header.components) + " colour components";
                return scan;
            }
            if (auto verdict = check_dimensions(static_cast<std::uint64_t>(header.info.width),
                                                static_cast<std::uint64_t>(header.info.height))) {
                scan.too_large = std::move(verdict);
                return scan;
            }
            have_frame = true;
        } else if (is_other_frame(marker)) {
            scan.error =
                "unsupported JPEG: lossless, hierarchical or arithmetic coding (save it as a "
                "baseline or progressive JPEG)";
            return scan;
        } else if (marker == marker_app0) {
            read_jfif(segment, header.info);
        } else if (marker == marker_app14) {
            if (segment.size() >= 5 && segment.substr(0, 5) == "Adobe") header.adobe = true;
        } else if (marker == marker_sos) {
            if (!have_frame) {
                scan.error = "corrupt JPEG: scan data before the frame header";
                return scan;
            }
            // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a
            // restart marker inside the scan; anything else ends it.
            while (pos + 1 < bytes.size()) {
                if (byte_at(bytes, pos) == 0xFF) {
                    const unsigned next = byte_at(bytes, pos + 1);
                    if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) break;
                }
                ++pos;
            }
            if (pos + 1 >= bytes.size()) pos = bytes.size();
        }
    }
    if (!have_frame) {
        scan.error = "corrupt JPEG: no frame header";
        return scan;
    }
    scan.header = header;
    return scan;
}

}  // namespace

ImageVerdict judge_jpeg(std::string data) {
    JpegScan scan = scan_jpeg(data);
    if (!scan.header) {
        if (scan.too_large) return std::move(*scan.too_large);
        return unusable(scan.error);
    }
    DecodedImage image;
    image.info = scan.header->info;
    image.info.format = ImageInfo::Format::jpeg;
    image.is_dct = true;
    image.bits_per_component = 8;
    switch (scan.header->components) {
        case 1:
            image.color_space = DecodedImage::ColorSpace::gray;
            break;
        case 3:
            image.color_space = DecodedImage::ColorSpace::rgb;
            break;
        default:
            image.color_space = DecodedImage::ColorSpace::cmyk;
            // Photoshop, the writer of nearly every CMYK JPEG, stores the
            // samples inverted and marks its files with an APP14 segment.
            image.inverted_cmyk = scan.header->adobe;
            break;
    }
    image.data = std::move(data);
    ImageVerdict verdict;
    verdict.status = ImageVerdict::Status::usable;
    verdict.info = image.info;
    verdict.decoded = std::move(image);
    return verdict;
}

}  // namespace pamphlet::image_detail
