// GIF: every frame's LZW data is decoded, so that a truncated or damaged
// file is found as it is for PNG; the first frame, on the logical screen,
// becomes what a PDF places (RGB and a soft mask where it is transparent).
// An animated GIF stays animated in the e-book.
#include "image_formats.hpp"

#include "pamphlet/base/limits.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pamphlet::image_detail {

namespace {

constexpr unsigned char block_extension = 0x21;
constexpr unsigned char block_image = 0x2C;
constexpr unsigned char block_trailer = 0x3B;
constexpr unsigned char label_graphic_control = 0xF9;
constexpr int max_codes = 4096;

class GifBytes {
public:
    explicit GifBytes(std::string_view bytes) : bytes_(bytes) {}
    bool has(std::size_t n) const { return bytes_.size() - pos_ >= n; }
    unsigned u8() { return static_cast<unsigned char>(bytes_[pos_++]); }
    unsigned u16() {
        const unsigned low = u8();
        return low | (u8() << 8);
    }
    std::string_view take(std::size_t n) {
        std::string_view part = bytes_.substr(pos_, n);
        pos_ += n;
        return part;
    }

private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

using Palette = std::vector<std::array<unsigned char, 3>>;

// Data sub-blocks (a length byte, then that many bytes) up to the empty one.
bool read_sub_blocks(GifBytes& in, std::string* out) {
    while (true) {
        if (!in.has(1)) return false;
        const unsigned length = in.u8();
        if (length == 0) return true;
        if (!in.has(length)) return false;
        const std::string_view block = in.take(length);
        if (out != nullptr) out->append(block);
    }
}

bool read_palette(GifBytes& in, unsigned flags, Palette* palette) {
    const std::size_t entries = std::size_t{2} << (flags & 0x07);
    if (!in.has(entries * 3)) return false;
    palette->resize(entries);
    for (auto& colour : *palette)
        for (auto& sample : colour) sample = static_cast<unsigned char>(in.u8());
    return true;
}

// Variable-length LZW (GIF's flavour: codes LSB first, deferred clear) into
// exactly `pixels` colour indices. Returns false when the data ends first
// or holds a code that cannot be.
bool decode_lzw(std::string_view data, unsigned min_code_size, std::vector<unsigned char>& out,
                std::size_t pixels) {
    const int clear = 1 << min_code_size;
    const int end = clear + 1;
    std::array<std::uint16_t, max_codes> prefix{};
    std::array<unsigned char, max_codes> suffix{};
    std::array<unsigned char, max_codes> first{};
    std::array<unsigned char, max_codes + 1> stack{};
    for (int c = 0; c < clear; ++c) suffix[c] = first[c] = static_cast<unsigned char>(c);
    int code_size = static_cast<int>(min_code_size) + 1;
    int next = end + 1;
    int previous = -1;
    std::uint32_t bits = 0;
    int bit_count = 0;
    std::size_t at = 0;
    out.clear();
    while (out.size() < pixels) {
        while (bit_count < code_size) {
            if (at >= data.size()) return false;
            bits |= std::uint32_t{static_cast<unsigned char>(data[at++])} << bit_count;
            bit_count += 8;
        }
        const int code = static_cast<int>(bits & ((1u << code_size) - 1));
        bits >>= code_size;
        bit_count -= code_size;
        if (code == clear) {
            code_size = static_cast<int>(min_code_size) + 1;
            next = end + 1;
            previous = -1;
            continue;
        }
        if (code == end) return false;  // ends before its last pixel
        if (previous < 0) {
            if (code >= clear) return false;
            out.push_back(static_cast<unsigned char>(code));
            previous = code;
            continue;
        }
        if (code > next || (code == next && next >= max_codes)) return false;
        // A code not yet in the table is the previous string and its first byte.
        int walk = code == next ? previous : code;
        int depth = 0;
        if (code == next) stack[depth++] = first[previous];
        while (walk >= clear) {
            stack[depth++] = suffix[walk];
            walk = prefix[walk];
        }
        stack[depth++] = static_cast<unsigned char>(walk);
        while (depth > 0 && out.size() < pixels) out.push_back(stack[--depth]);
        if (next < max_codes) {
            prefix[next] = static_cast<std::uint16_t>(previous);
            suffix[next] = static_cast<unsigned char>(walk);
            first[next] = first[previous];
            ++next;
            if (next == (1 << code_size) && code_size < 12) ++code_size;
        }
        previous = code;
    }
    return true;
}

// The rows of an interlaced frame in the order they are stored.
std::vector<unsigned> row_order(unsigned height, bool interlaced) {
    std::vector<unsigned> rows;
    rows.reserve(height);
    if (!interlaced) {
        for (unsigned y = 0; y < height; ++y) rows.push_back(y);
        return rows;
    }
    constexpr std::array<unsigned, 4> starts{0, 4, 2, 1}, steps{8, 8, 4, 2};
    for (std::size_t pass = 0; pass < starts.size(); ++pass)
        for (unsigned y = starts[pass]; y < height; y += steps[pass]) rows.push_back(y);
    return rows;
}

}  // namespace

ImageVerdict judge_gif(std::string_view bytes) {
    GifBytes in(bytes);
    constexpr std::size_t header = 6, screen_descriptor = 7;
    if (!in.has(header + screen_descriptor)) return unusable("corrupt GIF: the file ends early");
    in.take(header);
    unsigned width = in.u16(), height = in.u16();
    const unsigned screen_flags = in.u8();
    in.take(2);  // background colour, aspect ratio
    Palette global;
    if ((screen_flags & 0x80) != 0 && !read_palette(in, screen_flags, &global)) {
        return unusable("corrupt GIF: the file ends in its colour table");
    }

    DecodedImage image;
    image.info.format = ImageInfo::Format::gif;
    image.color_space = DecodedImage::ColorSpace::rgb;
    std::uint64_t decoded_pixels = 0;  // of all frames together
    int frames = 0;
    int transparent = -1;  // of the frame the next image descriptor starts
    std::vector<unsigned char> indices;
    std::string data;
    while (true) {
        if (!in.has(1))
            return unusable("corrupt GIF: the file ends before its trailer (truncated)");
        const unsigned block = in.u8();
        if (block == block_trailer) break;
        if (block == block_extension) {
            if (!in.has(1)) return unusable("corrupt GIF: the file ends in an extension");
            const unsigned label = in.u8();
            std::string extension;
            if (!read_sub_blocks(in, &extension)) {
                return unusable("corrupt GIF: the file ends in an extension (truncated)");
            }
            if (label == label_graphic_control && extension.size() >= 4) {
                transparent =
                    (extension[0] & 0x01) != 0 ? static_cast<unsigned char>(extension[3]) : -1;
            }
            continue;
        }
        if (block != block_image) {
            return unusable("corrupt GIF: an unknown block (" + std::to_string(block) + ")");
        }
        constexpr std::size_t descriptor = 9;
        if (!in.has(descriptor)) return unusable("corrupt GIF: the file ends in a frame header");
        const unsigned left = in.u16(), top = in.u16(), frame_width = in.u16(),
                       frame_height = in.u16();
        const unsigned frame_flags = in.u8();
        Palette local;
        if ((frame_flags & 0x80) != 0 && !read_palette(in, frame_flags, &local)) {
            return unusable("corrupt GIF: the file ends in a colour table");
        }
        if (!in.has(1)) return unusable("corrupt GIF: the file ends in a frame (truncated)");
        const unsigned min_code_size = in.u8();
        data.clear();
        if (!read_sub_blocks(in, &data)) {
            return unusable("corrupt GIF: the file ends in a frame (truncated)");
        }
        ++frames;
        if (frames == 1 && (width == 0 || height == 0)) {
            // A logical screen of no size: readers show the first frame.
            width = left + frame_width;
            height = top + frame_height;
        }
        if (width == 0 || height == 0 || frame_width == 0 || frame_height == 0) {
            return unusable("corrupt GIF: it has no pixels");
        }
        if (auto too_large = check_dimensions(width, height)) return std::move(*too_large);
        const std::uint64_t frame_pixels = std::uint64_t{frame_width} * frame_height;
        decoded_pixels += frame_pixels;
        if (decoded_pixels > limits::image_pixels) {
            return over_limit("has frames of " + std::to_string(decoded_pixels / 1'000'000) +
                              " megapixels together; pamphlet takes at most " +
                              std::to_string(limits::image_pixels / 1'000'000) + " megapixels");
        }
        if (min_code_size < 1 || min_code_size > 11) {
            return unusable("corrupt GIF: frame " + std::to_string(frames) +
                            " has an impossible LZW code size");
        }
        if (!decode_lzw(data, min_code_size, indices, frame_pixels)) {
            return unusable("corrupt GIF: the data of frame " + std::to_string(frames) +
                            " ends before its last pixel or is damaged");
        }
        const Palette& palette = local.empty() ? global : local;
        if (palette.empty()) {
            return unusable("corrupt GIF: frame " + std::to_string(frames) +
                            " has no colour table");
        }
        if (frames == 1) {
            // The first frame on the logical screen; the rest of the screen
            // is transparent, as readers show it.
            const std::size_t count = std::size_t{width} * height;
            image.data.assign(count * 3, '\0');
            image.alpha.assign(count, '\0');
            const std::vector<unsigned> rows = row_order(frame_height, (frame_flags & 0x40) != 0);
            for (unsigned r = 0; r < frame_height; ++r) {
                const unsigned y = top + rows[r];
                if (y >= height) continue;
                for (unsigned x = 0; x < frame_width && left + x < width; ++x) {
                    const unsigned index = indices[std::size_t{r} * frame_width + x];
                    if (static_cast<int>(index) == transparent) continue;
                    const std::size_t at = std::size_t{y} * width + left + x;
                    // An index past the table is black, as browsers show it.
                    if (index < palette.size()) {
                        for (int c = 0; c < 3; ++c)
                            image.data[at * 3 + c] = static_cast<char>(palette[index][c]);
                    }
                    image.alpha[at] = static_cast<char>(0xFF);
                }
            }
        }
        transparent = -1;
    }
    if (frames == 0) return unusable("corrupt GIF: it has no image");
    bool opaque = true;
    for (char a : image.alpha) opaque = opaque && static_cast<unsigned char>(a) == 0xFF;
    if (opaque) image.alpha.clear();
    image.info.width = static_cast<int>(width);
    image.info.height = static_cast<int>(height);
    ImageVerdict verdict;
    verdict.status = ImageVerdict::Status::usable;
    verdict.info = image.info;
    verdict.decoded = std::move(image);
    return verdict;
}

}  // namespace pamphlet::image_detail
