// Numbers as PDF and the trace write them: fixed notation (PDF has no
// exponents), at most `decimals` places, trailing zeros dropped, never
// "-0". std::to_chars, so no locale can turn the point into a comma.
#pragma once

#include <string>

namespace pamphlet::pdf_detail {

std::string format_number(double value, int decimals);

}  // namespace pamphlet::pdf_detail
