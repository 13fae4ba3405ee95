// Small string helpers shared by the modules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

// "de, en" — for lists in messages.
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace pamphlet
