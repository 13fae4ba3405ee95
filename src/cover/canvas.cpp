#include "canvas.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace pamphlet::cover_detail {

namespace {

constexpr int linear_steps = 4095;

double srgb_to_linear(double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double linear_to_srgb(double v) {
    return v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
}

struct GammaTables {
    std::array<float, 256> to_linear{};
    std::array<std::uint8_t, linear_steps + 1> to_srgb{};
    GammaTables() {
        for (int i = 0; i < 256; ++i) to_linear[i] = static_cast<float>(srgb_to_linear(i / 255.0));
        for (int i = 0; i <= linear_steps; ++i) {
            to_srgb[i] = static_cast<std::uint8_t>(
                std::lround(std::clamp(linear_to_srgb(double(i) / linear_steps), 0.0, 1.0) * 255));
        }
    }
};

const GammaTables& gamma() {
    static const GammaTables tables;
    return tables;
}

std::uint8_t mix_linear(std::uint8_t under, std::uint8_t over, int coverage) {
    const GammaTables& g = gamma();
    const float a = static_cast<float>(coverage) / 255.0f;
    const float mixed = g.to_linear[under] * (1 - a) + g.to_linear[over] * a;
    // Rounded by hand: mixed is never negative, and std::lround is a call
    // per pixel (7 % of a cover).
    return g.to_srgb[static_cast<std::size_t>(mixed * linear_steps + 0.5f)];
}

// Which source samples make one output sample, and how much of each: a
// box filter over the output pixel's footprint when shrinking, the two
// nearest samples (bilinear) when enlarging. Zero weights are left out, so
// a picture at its own size is copied.
struct Taps {
    std::vector<int> first;  // per output sample: index into `source`/`weight`
    std::vector<int> count;
    std::vector<int> source;
    std::vector<float> weight;
};

Taps taps_for(int outputs, int sources, double scale, double offset) {
    Taps taps;
    taps.first.reserve(static_cast<std::size_t>(outputs));
    taps.count.reserve(static_cast<std::size_t>(outputs));
    auto add = [&](int index, double w) {
        if (w <= 1e-6) return;
        taps.source.push_back(std::clamp(index, 0, sources - 1));
        taps.weight.push_back(static_cast<float>(w));
    };
    for (int out = 0; out < outputs; ++out) {
        const std::size_t start = taps.source.size();
        if (scale >= 1) {
            const double center = (out + 0.5 - offset) / scale - 0.5;
            const double floor = std::floor(center);
            const double frac = center - floor;
            add(static_cast<int>(floor), 1 - frac);
            add(static_cast<int>(floor) + 1, frac);
        } else {
            const double from = (out - offset) / scale, to = (out + 1 - offset) / scale;
            double total = 0;
            for (int s = static_cast<int>(std::floor(from)); s < std::ceil(to); ++s) {
                const double w = std::min<double>(s + 1, to) - std::max<double>(s, from);
                add(s, w);
                total += w > 1e-6 ? w : 0;
            }
            for (std::size_t i = start; i < taps.weight.size(); ++i) {
                taps.weight[i] = static_cast<float>(taps.weight[i] / total);
            }
        }
        taps.first.push_back(static_cast<int>(start));
        taps.count.push_back(static_cast<int>(taps.source.size() - start));
    }
    return taps;
}

// Whether each output sample is the source sample of its own index, whole.
bool copies(const Taps& taps) {
    for (std::size_t out = 0; out < taps.first.size(); ++out) {
        const auto t = static_cast<std::size_t>(taps.first[out]);
        if (taps.count[out] != 1 || taps.source[t] != static_cast<int>(out) ||
            taps.weight[t] != 1.0f)
            return false;
    }
    return true;
}

}  // namespace

Rgb screen_rgb(const Color& color) {
    double rgb[3];
    for (int i = 0; i < 3; ++i) {
        rgb[i] =
            color.space == Color::Space::rgb ? color.v[i] : (1 - color.v[i]) * (1 - color.v[3]);
    }
    auto byte = [](double v) {
        return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    };
    return {byte(rgb[0]), byte(rgb[1]), byte(rgb[2])};
}

Canvas::Canvas(int width, int height, int top)
    : width_(width),
      height_(height),
      top_(top),
      pixels_(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3) {}

Rgb Canvas::at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y - top_) * width_ + x) * 3;
    return {static_cast<std::uint8_t>(pixels_[i]), static_cast<std::uint8_t>(pixels_[i + 1]),
            static_cast<std::uint8_t>(pixels_[i + 2])};
}

void Canvas::fill_rows(int top, int bottom, Rgb color) {
    top = std::clamp(top - top_, 0, height_);
    bottom = std::clamp(bottom - top_, top, height_);
    if (top == bottom) return;
    // The first row pixel by pixel, the others copied from it.
    const std::size_t row = static_cast<std::size_t>(width_) * 3;
    char* const first = pixels_.data() + static_cast<std::size_t>(top) * row;
    for (std::size_t i = 0; i < row; i += 3) {
        first[i] = static_cast<char>(color.r);
        first[i + 1] = static_cast<char>(color.g);
        first[i + 2] = static_cast<char>(color.b);
    }
    for (int y = top + 1; y < bottom; ++y)
        std::copy_n(first, row, pixels_.data() + static_cast<std::size_t>(y) * row);
}

bool Canvas::can_paint(const DecodedImage& picture) {
    const int channels = picture.color_space == DecodedImage::ColorSpace::gray  ? 1
                         : picture.color_space == DecodedImage::ColorSpace::rgb ? 3
                                                                                : 0;
    const std::size_t samples = static_cast<std::size_t>(std::max(picture.info.width, 0)) *
                                static_cast<std::size_t>(std::max(picture.info.height, 0));
    return !picture.is_dct && channels != 0 && picture.bits_per_component == 8 && samples > 0 &&
           picture.data.size() == samples * channels &&
           (picture.alpha.empty() || picture.alpha.size() == samples);
}

void Canvas::paint_cover_picture(const DecodedImage& picture, int bottom, Rgb under) {
    if (!can_paint(picture)) return;
    bottom = std::clamp(bottom, top_, top_ + height_);
    int y = 0;
    cover_picture_rows(rows_of(picture), width_, bottom, under, [&](const char* painted) {
        if (y >= top_) {
            std::copy_n(painted, static_cast<std::size_t>(width_) * 3,
                        pixels_.data() + static_cast<std::size_t>(y - top_) * width_ * 3);
        }
        ++y;
    });
}

PictureRows rows_of(const DecodedImage& picture) {
    PictureRows rows;
    rows.width = picture.info.width;
    rows.height = picture.info.height;
    const int color = picture.color_space == DecodedImage::ColorSpace::gray ? 1 : 3;
    const bool has_alpha = !picture.alpha.empty();
    rows.channels = color + (has_alpha ? 1 : 0);
    const auto* data = reinterpret_cast<const std::uint8_t*>(picture.data.data());
    const auto* alpha = reinterpret_cast<const std::uint8_t*>(picture.alpha.data());
    const auto width = static_cast<std::size_t>(rows.width);
    // The colour and the separate soft mask interleaved, a row at a time.
    auto buffer = std::make_shared<std::vector<std::uint8_t>>(width * rows.channels);
    rows.next = [=, y = std::size_t{0}, height = static_cast<std::size_t>(rows.height),
                 channels = rows.channels]() mutable -> const std::uint8_t* {
        if (y == height) return nullptr;
        const std::uint8_t* source = data + y * width * color;
        if (has_alpha) {
            for (std::size_t x = 0; x < width; ++x) {
                std::copy_n(source + x * color, color, buffer->data() + x * channels);
                (*buffer)[x * channels + color] = alpha[y * width + x];
            }
            source = buffer->data();
        }
        ++y;
        return source;
    };
    return rows;
}

std::optional<PictureRows> streamed_rows(std::string_view bytes) {
    std::shared_ptr<PngRowReader> reader = PngRowReader::open(bytes);
    if (!reader) return std::nullopt;
    PictureRows rows;
    rows.width = reader->width();
    rows.height = reader->height();
    rows.channels = reader->channels();
    rows.next = [reader] { return reader->next_row(); };
    return rows;
}

void cover_picture_rows(PictureRows source, int width, int bottom, Rgb under,
                        const std::function<void(const char* row)>& emit) {
    const int pw = source.width, ph = source.height, channels = source.channels;
    if (bottom <= 0 || pw <= 0 || ph <= 0 || channels < 1 || channels > 4) return;
    const int color = channels <= 2 ? 1 : 3;
    const bool has_alpha = channels == 2 || channels == 4;
    const double scale = std::max(double(width) / pw, double(bottom) / ph);
    const Taps across = taps_for(width, pw, scale, (width - pw * scale) / 2);
    const Taps down = taps_for(bottom, ph, scale, 0);
    const float under_rgb[3] = {float(under.r), float(under.g), float(under.b)};
    // Channel c of a source pixel, its alpha (if any) over `under`.
    auto over_under = [&](const std::uint8_t* pixel, int c) {
        float v = pixel[color == 1 ? 0 : c];
        if (has_alpha) {
            const float a = pixel[color] / 255.0f;
            v = v * a + under_rgb[c] * (1 - a);
        }
        return v;
    };
    auto to_byte = [](float v) {
        return static_cast<char>(static_cast<std::uint8_t>(std::clamp(v, 0.0f, 255.0f) + 0.5f));
    };

    // The source rows, read once: the taps of an output row lie at or after
    // those of the row above, sharing at most its last two.
    const auto row_bytes = static_cast<std::size_t>(pw) * channels;
    std::vector<std::uint8_t> kept[2] = {std::vector<std::uint8_t>(row_bytes),
                                         std::vector<std::uint8_t>(row_bytes)};
    int kept_row[2] = {-1, -1};
    int read = -1;  // the last source row read
    auto source_row = [&](int sy) -> const std::uint8_t* {
        for (int k = 0; k < 2; ++k) {
            if (kept_row[k] == sy) return kept[k].data();
        }
        while (read < sy) {
            // Over the older of the two.
            const int slot = kept_row[0] <= kept_row[1] ? 0 : 1;
            if (const std::uint8_t* next = source.next()) {
                std::copy_n(next, row_bytes, kept[slot].data());
            }  // else (the file failed after it was judged whole) the row kept there again
            ++read;
            kept_row[slot] = read;
            if (read == sy) return kept[slot].data();
        }
        // Unreachable: rows are asked for in order.
        return kept[kept_row[0] == read ? 0 : 1].data();
    };

    // A picture at the cover's width, its top rows shown: each row as it
    // is, only alpha over `under` (the same sums as below, less the
    // multiplications by one).
    if (copies(across) && copies(down)) {
        std::string out(static_cast<std::size_t>(width) * 3, '\0');
        for (int y = 0; y < bottom; ++y) {
            const std::uint8_t* src = source_row(y);
            if (color == 3 && !has_alpha) {
                std::memcpy(out.data(), src, out.size());
            } else {
                for (int x = 0; x < width; ++x) {
                    const std::uint8_t* pixel = src + static_cast<std::size_t>(x) * channels;
                    for (int c = 0; c < 3; ++c)
                        out[static_cast<std::size_t>(x) * 3 + c] = to_byte(over_under(pixel, c));
                }
            }
            emit(out.data());
        }
        return;
    }

    // One source row at a time: the rows of an output row mixed first
    // (RGB over `under`), then the columns.
    std::vector<float> row(static_cast<std::size_t>(pw) * 3);
    std::string out(static_cast<std::size_t>(width) * 3, '\0');
    for (int y = 0; y < bottom; ++y) {
        std::fill(row.begin(), row.end(), 0.0f);
        for (int t = down.first[y]; t < down.first[y] + down.count[y]; ++t) {
            const std::uint8_t* src = source_row(down.source[t]);
            const float w = down.weight[t];
            for (int x = 0; x < pw; ++x) {
                const std::uint8_t* pixel = src + static_cast<std::size_t>(x) * channels;
                for (int c = 0; c < 3; ++c)
                    row[static_cast<std::size_t>(x) * 3 + c] += over_under(pixel, c) * w;
            }
        }
        for (int x = 0; x < width; ++x) {
            float mixed[3] = {0, 0, 0};
            for (int t = across.first[x]; t < across.first[x] + across.count[x]; ++t) {
                const float* s = row.data() + static_cast<std::size_t>(across.source[t]) * 3;
                for (int c = 0; c < 3; ++c) mixed[c] += s[c] * across.weight[t];
            }
            for (int c = 0; c < 3; ++c)
                out[static_cast<std::size_t>(x) * 3 + c] = to_byte(mixed[c]);
        }
        emit(out.data());
    }
}

void Canvas::blend(const GlyphBitmap& glyph, int x, int y, Rgb color) {
    for (int row = 0; row < glyph.height; ++row) {
        const int py = y + row - top_;
        if (py < 0 || py >= height_) continue;
        for (int col = 0; col < glyph.width; ++col) {
            const int px = x + col;
            const int coverage = glyph.coverage[static_cast<std::size_t>(row) * glyph.width + col];
            if (px < 0 || px >= width_ || coverage == 0) continue;
            auto* p = reinterpret_cast<std::uint8_t*>(pixels_.data()) +
                      (static_cast<std::size_t>(py) * width_ + px) * 3;
            p[0] = mix_linear(p[0], color.r, coverage);
            p[1] = mix_linear(p[1], color.g, coverage);
            p[2] = mix_linear(p[2], color.b, coverage);
        }
    }
}

}  // namespace pamphlet::cover_detail
