// Value syntax of profile keys: lengths, colours, page sizes. The public
// parse_* functions in profile.hpp answer "valid or not"; these say why not,
// so the loader can attach the reason to the place in the file.
#pragma once

#include "pamphlet/color.hpp"
#include "pamphlet/page_size.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pamphlet::profile {

template <class T>
struct Parsed {
    std::optional<T> value;
    std::string problem;  // why `value` is empty, e.g. "a length needs a unit: mm, cm, in or pt"
};

Parsed<double> read_length(std::string_view text);
Parsed<Color> read_color(std::string_view text);
Parsed<PageSize> read_page_size(std::string_view text);

// Lengths for messages, at most two decimals: "210mm", "4.23mm"; "10.5pt".
std::string format_mm(double points);
std::string format_pt(double points);

}  // namespace pamphlet::profile
