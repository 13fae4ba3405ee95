// QR codes (ISO/IEC 18004) as vector shapes: text -> module matrix
// (libqrencode, behind src/qr) -> filled rectangles for a page.
#pragma once

#include "pamphlet/layout.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

// A symbol's modules, row by row from the top; `size` × `size`.
struct QrCode {
    int version = 0;                    // 1..40
    int size = 0;                       // 17 + 4 · version modules a side
    std::vector<std::uint8_t> modules;  // 1 dark, 0 light

    bool dark(int column, int row) const {
        return modules[static_cast<std::size_t>(row) * static_cast<std::size_t>(size) +
                       static_cast<std::size_t>(column)] != 0;
    }
};

// The light margin a reader needs around the symbol, in modules (the
// standard's minimum).
inline constexpr int qr_quiet_zone = 4;

// The most bytes a symbol holds at error correction level M in 8-bit mode
// (version 40).
inline constexpr std::size_t qr_max_bytes = 2331;

// What encode_qr gives back: the symbol, or why there is none (without a
// place: the caller knows where the text came from).
struct QrEncoding {
    std::optional<QrCode> code;
    std::string error;
};

// `text` as its bytes in 8-bit mode, error correction level M (15 % of the
// symbol may be damaged), in the smallest version that holds it.
QrEncoding encode_qr(std::string_view text);

// Width and height of `code` drawn with modules of `module` pt, quiet zone
// included.
double qr_extent(const QrCode& code, double module);

// `code` as rectangles, the quiet zone's bottom-left corner at (x, y): first
// one `light` square behind the whole symbol and its quiet zone, then each
// horizontal run of dark modules as one `dark` rectangle.
std::vector<FilledRect> qr_rects(const QrCode& code, double x, double y, double module,
                                 const Color& dark, const Color& light);

}  // namespace pamphlet
