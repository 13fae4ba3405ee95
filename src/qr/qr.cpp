#include "pamphlet/qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace pamphlet {

namespace {

struct QrcodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

QrEncoding encode_qr(std::string_view text) {
    QrEncoding result;
    if (text.empty()) {
        result.error = "there is nothing to encode";
        return result;
    }
    if (text.size() > qr_max_bytes) {
        result.error = "the text is " + std::to_string(text.size()) +
                       " bytes long; a QR code holds at most " + std::to_string(qr_max_bytes);
        return result;
    }
    // libqrencode reports its failures through errno.
    errno = 0;
    std::unique_ptr<QRcode, QrcodeFree> encoded(
        QRcode_encodeData(static_cast<int>(text.size()),
                          reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
    if (!encoded) {
        const int cause = errno;
        result.error = cause == ERANGE   ? "the text is too long for a QR code"
                       : cause == ENOMEM ? "out of memory while encoding a QR code"
                                         : "libqrencode cannot encode the text";
        return result;
    }
    QrCode code;
    code.version = encoded->version;
    code.size = encoded->width;
    const std::size_t count =
        static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size);
    code.modules.resize(count);
    // Bit 0 of each byte is the module's colour; the others are libqrencode's
    // bookkeeping (function pattern, format information, ...).
    for (std::size_t i = 0; i < count; ++i) code.modules[i] = encoded->data[i] & 1;
    result.code = std::move(code);
    return result;
}

double qr_extent(const QrCode& code, double module) {
    return (code.size + 2 * qr_quiet_zone) * module;
}

std::vector<FilledRect> qr_rects(const QrCode& code, double x, double y, double module,
                                 const Color& dark, const Color& light) {
    std::vector<FilledRect> rects;
    const double extent = qr_extent(code, module);
    rects.push_back({x, y, extent, extent, light});
    // Row 0 is the top; PDF's y grows upwards.
    const double symbol_left = x + qr_quiet_zone * module;
    const double symbol_top = y + extent - qr_quiet_zone * module;
    for (int row = 0; row < code.size; ++row) {
        const double bottom = symbol_top - (row + 1) * module;
        int column = 0;
        while (column < code.size) {
            if (!code.dark(column, row)) {
                ++column;
                continue;
            }
            const int run_start = column;
            while (column < code.size && code.dark(column, row)) ++column;
            rects.push_back({symbol_left + run_start * module, bottom,
                             (column - run_start) * module, module, dark});
        }
    }
    return rects;
}

}  // namespace pamphlet
