// A sheet's size as a profile names it ("A4", "148mm x 210mm").
#pragma once

#include <string>

namespace pamphlet {

struct PageSize {
    double width = 0;   // pt
    double height = 0;  // pt
    std::string name;   // "A4", or empty for a custom size
};

}  // namespace pamphlet
