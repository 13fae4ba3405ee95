// The profile's exception list: words with their hyphens written out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet::hyphenation {

// Lower-cased word without its hyphens -> how many characters precede each
// hyphen. "Phy-sio-the-ra-pie Ar-beits-platz" -> {"physiotherapie": 3, 6,
// 9, 11}, {"arbeitsplatz": 2, 7}. Separated by white space; a hyphen at a
// word's start or end or beside another adds no break.
using Exceptions = std::map<std::string, std::vector<std::size_t>, std::less<>>;
Exceptions parse_exceptions(std::string_view list);

}  // namespace pamphlet::hyphenation
