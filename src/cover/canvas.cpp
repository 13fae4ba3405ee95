#include "canvas.hpp"

#include <algorithm>
#include <array>
#include <cmath>
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

}  // namespace

Rgb screen_rgb(const Color& color) {
    double rgb[3];
    for (int i = 0; i < 3; ++i) {
        rgb[i] = color.space == Color::Space::rgb ? color.v[i] : (1 - color.v[i]) * (1 - color.v[3]);
    }
    auto byte = [](double v) {
        return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    };
    return {byte(rgb[0]), byte(rgb[1]), byte(rgb[2])};
}

Canvas::Canvas(int width, int height)
    : width_(width),
      height_(height),
      pixels_(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3, '\0') {}

Rgb Canvas::at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * width_ + x) * 3;
    return {static_cast<std::uint8_t>(pixels_[i]), static_cast<std::uint8_t>(pixels_[i + 1]),
            static_cast<std::uint8_t>(pixels_[i + 2])};
}

void Canvas::fill_rows(int top, int bottom, Rgb color) {
    top = std::clamp(top, 0, height_);
    bottom = std::clamp(bottom, top, height_);
    for (std::size_t i = static_cast<std::size_t>(top) * width_ * 3;
         i < static_cast<std::size_t>(bottom) * width_ * 3; i += 3) {
        pixels_[i] = static_cast<char>(color.r);
        pixels_[i + 1] = static_cast<char>(color.g);
        pixels_[i + 2] = static_cast<char>(color.b);
    }
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
    bottom = std::clamp(bottom, 0, height_);
    if (bottom == 0 || !can_paint(picture)) return;
    const int pw = picture.info.width, ph = picture.info.height;
    const int channels = picture.color_space == DecodedImage::ColorSpace::gray ? 1 : 3;
    const double scale = std::max(double(width_) / pw, double(bottom) / ph);
    const Taps across = taps_for(width_, pw, scale, (width_ - pw * scale) / 2);
    const Taps down = taps_for(bottom, ph, scale, 0);
    const auto* data = reinterpret_cast<const std::uint8_t*>(picture.data.data());
    const auto* alpha = reinterpret_cast<const std::uint8_t*>(picture.alpha.data());
    const bool has_alpha = !picture.alpha.empty();
    const float under_rgb[3] = {float(under.r), float(under.g), float(under.b)};

    // One source row at a time: the rows of an output row mixed first
    // (RGB over `under`), then the columns.
    std::vector<float> row(static_cast<std::size_t>(pw) * 3);
    for (int y = 0; y < bottom; ++y) {
        std::fill(row.begin(), row.end(), 0.0f);
        for (int t = down.first[y]; t < down.first[y] + down.count[y]; ++t) {
            const std::size_t sy = static_cast<std::size_t>(down.source[t]);
            const float w = down.weight[t];
            const std::uint8_t* src = data + sy * pw * channels;
            const std::uint8_t* src_alpha = has_alpha ? alpha + sy * pw : nullptr;
            for (int x = 0; x < pw; ++x) {
                for (int c = 0; c < 3; ++c) {
                    float v = src[x * channels + (channels == 1 ? 0 : c)];
                    if (src_alpha != nullptr) {
                        const float a = src_alpha[x] / 255.0f;
                        v = v * a + under_rgb[c] * (1 - a);
                    }
                    row[static_cast<std::size_t>(x) * 3 + c] += v * w;
                }
            }
        }
        char* out = pixels_.data() + static_cast<std::size_t>(y) * width_ * 3;
        for (int x = 0; x < width_; ++x) {
            float mixed[3] = {0, 0, 0};
            for (int t = across.first[x]; t < across.first[x] + across.count[x]; ++t) {
                const float* s = row.data() + static_cast<std::size_t>(across.source[t]) * 3;
                for (int c = 0; c < 3; ++c) mixed[c] += s[c] * across.weight[t];
            }
            for (int c = 0; c < 3; ++c) {
                const float v = std::clamp(mixed[c], 0.0f, 255.0f);
                out[x * 3 + c] = static_cast<char>(static_cast<std::uint8_t>(v + 0.5f));
            }
        }
    }
}

void Canvas::blend(const GlyphBitmap& glyph, int x, int y, Rgb color) {
    for (int row = 0; row < glyph.height; ++row) {
        const int py = y + row;
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
