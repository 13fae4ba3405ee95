#include "number_format.hpp"

#include <charconv>
#include <cmath>

namespace pamphlet::pdf_detail {

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return "0";
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

}  // namespace pamphlet::pdf_detail
