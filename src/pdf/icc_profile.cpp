#include "icc_profile.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pamphlet::pdf_detail {

namespace {

constexpr std::size_t header_size = 128;

void put_u16(std::string& out, std::uint32_t value) {
    out += static_cast<char>((value >> 8) & 0xFF);
    out += static_cast<char>(value & 0xFF);
}

void put_u32(std::string& out, std::uint32_t value) {
    put_u16(out, value >> 16);
    put_u16(out, value & 0xFFFF);
}

void put_s15fixed16(std::string& out, double value) {
    put_u32(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(std::lround(value * 65536))));
}

void set_u32(std::string& out, std::size_t at, std::uint32_t value) {
    std::string bytes;
    put_u32(bytes, value);
    out.replace(at, 4, bytes);
}

// Tag types of ICC.1:2001-04 (version 2), each starting with its type
// signature and four reserved bytes.
std::string xyz_type(double x, double y, double z) {
    std::string out = "XYZ ";
    put_u32(out, 0);
    put_s15fixed16(out, x);
    put_s15fixed16(out, y);
    put_s15fixed16(out, z);
    return out;
}

std::string text_type(std::string_view text) {
    std::string out = "text";
    put_u32(out, 0);
    out += text;
    out += '\0';
    return out;
}

// Version 2's description: ASCII, then empty Unicode and ScriptCode parts
// (a 67-byte ScriptCode field is always present).
std::string text_description_type(std::string_view text) {
    std::string out = "desc";
    put_u32(out, 0);
    put_u32(out, static_cast<std::uint32_t>(text.size() + 1));
    out += text;
    out += '\0';
    put_u32(out, 0);  // Unicode language code
    put_u32(out, 0);  // Unicode character count
    put_u16(out, 0);  // ScriptCode code
    out += '\0';      // ScriptCode count
    out.append(67, '\0');
    return out;
}

// The sRGB transfer function (IEC 61966-2-1), sampled: 1024 points keep
// every step of 8-bit data distinct and are exact at the ends.
std::string srgb_curve_type() {
    constexpr int samples = 1024;
    std::string out = "curv";
    put_u32(out, 0);
    put_u32(out, samples);
    for (int i = 0; i < samples; ++i) {
        const double v = static_cast<double>(i) / (samples - 1);
        const double linear = v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        put_u16(out, static_cast<std::uint32_t>(std::lround(linear * 65535)));
    }
    return out;
}

struct Tag {
    const char* signature;
    std::string data;  // empty: shares the data of the tag before it
};

using Vector = std::array<double, 3>;
using Matrix = std::array<Vector, 3>;  // rows

Vector times(const Matrix& m, const Vector& v) {
    Vector out{};
    for (int r = 0; r < 3; ++r) out[r] = m[r][0] * v[0] + m[r][1] * v[1] + m[r][2] * v[2];
    return out;
}

Matrix times(const Matrix& a, const Matrix& b) {
    Matrix out{};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            out[r][c] = a[r][0] * b[0][c] + a[r][1] * b[1][c] + a[r][2] * b[2][c];
        }
    }
    return out;
}

Matrix inverse(const Matrix& m) {
    const double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
                       m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                       m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    Matrix out{};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            // Cofactor of (c, r), by cyclic indices.
            const int r1 = (c + 1) % 3, r2 = (c + 2) % 3, c1 = (r + 1) % 3, c2 = (r + 2) % 3;
            out[r][c] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
        }
    }
    return out;
}

Vector xyz_of_chromaticity(double x, double y) {
    return {x / y, 1, (1 - x - y) / y};
}

}  // namespace

std::array<Vector, 3> srgb_colorants_d50() {
    // ITU-R BT.709 primaries and the D65 white (IEC 61966-2-1).
    const Vector primaries[3] = {xyz_of_chromaticity(0.64, 0.33), xyz_of_chromaticity(0.30, 0.60),
                                 xyz_of_chromaticity(0.15, 0.06)};
    const Vector d65 = xyz_of_chromaticity(0.3127, 0.3290);
    Matrix p{};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) p[r][c] = primaries[c][r];
    }
    // Each primary scaled so that full red, green and blue make the white.
    const Vector weights = times(inverse(p), d65);
    // Bradford chromatic adaptation from D65 to the PCS white.
    const Matrix bradford = {
        {{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}};
    const Vector cone_from = times(bradford, d65);
    const Vector cone_to = times(bradford, Vector{icc_d50[0], icc_d50[1], icc_d50[2]});
    Matrix scale{};
    for (int i = 0; i < 3; ++i) scale[i][i] = cone_to[i] / cone_from[i];
    const Matrix adapt = times(inverse(bradford), times(scale, bradford));
    std::array<Vector, 3> colorants{};
    for (int c = 0; c < 3; ++c) {
        Vector primary{};
        for (int r = 0; r < 3; ++r) primary[r] = primaries[c][r] * weights[c];
        colorants[static_cast<std::size_t>(c)] = times(adapt, primary);
    }
    return colorants;
}

std::string srgb_icc_profile() {
    const auto [red, green, blue] = srgb_colorants_d50();
    const std::vector<Tag> tags = {
        {"desc", text_description_type("sRGB IEC61966-2.1")},
        {"cprt", text_type("No copyright, use freely")},
        {"wtpt", xyz_type(icc_d50[0], icc_d50[1], icc_d50[2])},
        {"rXYZ", xyz_type(red[0], red[1], red[2])},
        {"gXYZ", xyz_type(green[0], green[1], green[2])},
        {"bXYZ", xyz_type(blue[0], blue[1], blue[2])},
        {"rTRC", srgb_curve_type()},
        {"gTRC", {}},
        {"bTRC", {}},
    };

    std::string profile(header_size, '\0');
    set_u32(profile, 8, 0x02100000);  // version 2.1
    profile.replace(12, 4, "mntr");   // display device
    profile.replace(16, 4, "RGB ");
    profile.replace(20, 4, "XYZ ");
    // Creation date: fixed, so every PDF embeds the same bytes.
    const std::uint32_t date[6] = {2024, 1, 1, 0, 0, 0};
    for (int i = 0; i < 6; ++i) {
        std::string field;
        put_u16(field, date[i]);
        profile.replace(24 + 2 * static_cast<std::size_t>(i), 2, field);
    }
    profile.replace(36, 4, "acsp");
    // Rendering intent 0 (perceptual) at 64; the PCS illuminant at 68.
    std::string illuminant;
    for (double v : icc_d50) put_s15fixed16(illuminant, v);
    profile.replace(68, 12, illuminant);

    // The tag table: count, then signature, offset, size per tag; the data
    // follows, each element on a four-byte boundary.
    put_u32(profile, static_cast<std::uint32_t>(tags.size()));
    const std::size_t table_end = profile.size() + 12 * tags.size();
    std::string data;
    std::uint32_t offset = 0, size = 0;
    for (const Tag& tag : tags) {
        if (!tag.data.empty()) {
            offset = static_cast<std::uint32_t>(table_end + data.size());
            size = static_cast<std::uint32_t>(tag.data.size());
            data += tag.data;
            data.append((4 - data.size() % 4) % 4, '\0');
        }
        profile += tag.signature;
        put_u32(profile, offset);
        put_u32(profile, size);
    }
    profile += data;
    set_u32(profile, 0, static_cast<std::uint32_t>(profile.size()));
    return profile;
}

}  // namespace pamphlet::pdf_detail
