// QR codes: the symbols libqrencode makes for us, checked against what
// ISO/IEC 18004 fixes (sizes, finder patterns, capacity), and their drawing.
#include "pamphlet/qr.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace pamphlet;

namespace {

QrCode encoded(std::string_view text) {
    QrEncoding result = encode_qr(text);
    REQUIRE_MESSAGE(result.code, result.error);
    CHECK(result.error.empty());
    return *result.code;
}

// The 7×7 finder pattern with its top-left module at (column, row): a dark
// ring, a light ring, a dark 3×3 centre.
void check_finder(const QrCode& code, int column, int row) {
    for (int dy = 0; dy < 7; ++dy)
        for (int dx = 0; dx < 7; ++dx) {
            const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
            const bool expected = ring != 2;
            CHECK_MESSAGE(code.dark(column + dx, row + dy) == expected, "finder at ", column, ",",
                          row, ": module ", dx, ",", dy);
        }
}

}  // namespace

TEST_CASE("a short text makes a version 1 symbol, 21 modules a side") {
    const QrCode code = encoded("HELLO");
    CHECK(code.version == 1);
    CHECK(code.size == 21);
    CHECK(code.modules.size() == 21u * 21u);
}

TEST_CASE("the finder patterns, separators, timing pattern and dark module are in place") {
    for (std::string_view text : {"HELLO", "https://www.physio-lindenhof.example"}) {
        CAPTURE(text);
        const QrCode code = encoded(text);
        const int n = code.size;
        CHECK(n == 17 + 4 * code.version);
        check_finder(code, 0, 0);
        check_finder(code, n - 7, 0);
        check_finder(code, 0, n - 7);
        // Separators: light along the inner edges of the three finders.
        for (int i = 0; i < 8; ++i) {
            CHECK(!code.dark(7, i));          // right of the top-left finder
            CHECK(!code.dark(i, 7));          // below it
            CHECK(!code.dark(n - 8, i));      // left of the top-right finder
            CHECK(!code.dark(n - 1 - i, 7));  // below it
            CHECK(!code.dark(7, n - 1 - i));  // right of the bottom-left finder
            CHECK(!code.dark(i, n - 8));      // above it
        }
        // Timing patterns: row 6 and column 6 alternate between the finders.
        for (int i = 8; i < n - 8; ++i) {
            CHECK(code.dark(i, 6) == (i % 2 == 0));
            CHECK(code.dark(6, i) == (i % 2 == 0));
        }
        // The module beside the bottom-left finder's separator is always dark.
        CHECK(code.dark(8, 4 * code.version + 9));
    }
}

TEST_CASE("the version grows with the text at error correction level M") {
    // Level M in 8-bit mode: version 1 holds 14 bytes, version 2 26, version 3 42.
    CHECK(encoded(std::string(14, 'a')).version == 1);
    CHECK(encoded(std::string(15, 'a')).version == 2);
    CHECK(encoded(std::string(26, 'a')).version == 2);
    CHECK(encoded(std::string(27, 'a')).version == 3);
    const QrCode url = encoded("https://www.physio-lindenhof.example");
    CHECK(url.version == 3);
    CHECK(url.size == 29);
}

TEST_CASE("bytes are encoded as they are, NUL and UTF-8 included") {
    const std::string bytes("a\0b\xc3\xa4", 5);
    CHECK(encoded(bytes).version == 1);
}

TEST_CASE("the largest symbol holds qr_max_bytes; one more is a clear error") {
    const QrCode largest = encoded(std::string(qr_max_bytes, 'x'));
    CHECK(largest.version == 40);
    CHECK(largest.size == 177);

    const QrEncoding too_long = encode_qr(std::string(qr_max_bytes + 1, 'x'));
    CHECK(!too_long.code);
    CHECK(too_long.error == "the text is 2332 bytes long; a QR code holds at most 2331");

    const QrEncoding empty = encode_qr("");
    CHECK(!empty.code);
    CHECK(!empty.error.empty());
}

TEST_CASE("the rectangles cover exactly the dark modules, one per horizontal run") {
    const QrCode code = encoded("https://www.physio-lindenhof.example/articles/fascia");
    const double module = 2.5;
    const double x = 100, y = 200;
    const Color dark{Color::Space::rgb, {0.1, 0.2, 0.3, 0}};
    const Color light{Color::Space::rgb, {1, 1, 1, 0}};
    const std::vector<FilledRect> rects = qr_rects(code, x, y, module, dark, light);
    REQUIRE(rects.size() > 1);

    // First the light square under the symbol and its 4-module quiet zone.
    const double extent = qr_extent(code, module);
    CHECK(extent == doctest::Approx((code.size + 8) * module));
    CHECK(rects.front().x == doctest::Approx(x));
    CHECK(rects.front().y == doctest::Approx(y));
    CHECK(rects.front().width == doctest::Approx(extent));
    CHECK(rects.front().height == doctest::Approx(extent));
    CHECK(rects.front().color == light);

    std::vector<int> covered(code.modules.size(), 0);
    int runs = 0;
    for (int row = 0; row < code.size; ++row)
        for (int column = 0; column < code.size; ++column)
            if (code.dark(column, row) && (column == 0 || !code.dark(column - 1, row))) ++runs;
    for (std::size_t i = 1; i < rects.size(); ++i) {
        const FilledRect& r = rects[i];
        CHECK(r.color == dark);
        CHECK(r.height == doctest::Approx(module));
        // Back to module coordinates: row 0 at the top, inside the quiet zone.
        const double first_column = (r.x - x) / module - qr_quiet_zone;
        const double row = (y + extent - r.y - r.height) / module - qr_quiet_zone;
        const double length = r.width / module;
        REQUIRE(first_column == doctest::Approx(std::round(first_column)));
        REQUIRE(row == doctest::Approx(std::round(row)));
        REQUIRE(length == doctest::Approx(std::round(length)));
        const int c0 = static_cast<int>(std::lround(first_column));
        const int r0 = static_cast<int>(std::lround(row));
        const int n = static_cast<int>(std::lround(length));
        REQUIRE(r0 >= 0);
        REQUIRE(r0 < code.size);
        REQUIRE(c0 >= 0);
        REQUIRE(c0 + n <= code.size);
        for (int c = c0; c < c0 + n; ++c) ++covered[static_cast<std::size_t>(r0 * code.size + c)];
    }
    for (std::size_t i = 0; i < covered.size(); ++i) {
        CAPTURE(i);
        CHECK(covered[i] == code.modules[i]);  // every dark module once, no light one
    }
    CHECK(static_cast<int>(rects.size()) - 1 == runs);
}
