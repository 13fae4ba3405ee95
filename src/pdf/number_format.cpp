#include "number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace pamphlet::pdf_detail {

namespace {

constexpr double powers_of_ten[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
constexpr std::uint64_t integer_powers_of_ten[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

// The exact decimal rounding of the binary value, through std::to_chars.
std::string exact(double value, int decimals) {
    char buffer[64];
    auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (error != std::errc{}) return "0";
    std::string text(buffer, end);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

}  // namespace

// Most numbers a page holds are far from a tie once scaled to whole
// thousandths, and small: for them, rounding the scaled value (its error
// below 1e-7 for magnitudes under 1e9) gives the digits the exact rounding
// gives, at a fraction of its cost. Near a tie, and for large magnitudes,
// the exact way.
std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return "0";
    if (decimals < 0 || decimals > 6) return exact(value, decimals);
    const double scaled = std::fabs(value) * powers_of_ten[decimals];
    if (!(scaled < 1e9)) return exact(value, decimals);
    const double whole = std::floor(scaled);
    const double fraction = scaled - whole;
    if (std::fabs(fraction - 0.5) < 1e-6) return exact(value, decimals);
    const auto rounded = static_cast<std::uint64_t>(whole) + (fraction > 0.5 ? 1 : 0);
    if (rounded == 0) return "0";
    const std::uint64_t unit = integer_powers_of_ten[decimals];
    char buffer[32];
    char* end = buffer;
    if (value < 0) *end++ = '-';
    end = std::to_chars(end, buffer + sizeof buffer, rounded / unit).ptr;
    std::uint64_t rest = rounded % unit;
    if (rest != 0) {
        int places = decimals;
        while (rest % 10 == 0) {  // trailing zeros dropped
            rest /= 10;
            --places;
        }
        *end++ = '.';
        char* digits = end + places;
        for (char* at = digits; at != end;) {
            *--at = static_cast<char>('0' + rest % 10);
            rest /= 10;
        }
        end = digits;
    }
    return std::string(buffer, end);
}

}  // namespace pamphlet::pdf_detail
