// Name-based UUIDs (RFC 4122, version 5) for stable book identifiers.
#include "pamphlet/collection.hpp"
#include "pamphlet/digest.hpp"

#include <array>
#include <cstdint>

namespace pamphlet {
namespace {

// The URL namespace of RFC 4122 appendix C: names are "pamphlet:" URLs.
constexpr std::uint8_t url_namespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                            0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

}  // namespace

std::string name_based_urn_uuid(std::string_view name) {
    std::string input(reinterpret_cast<const char*>(url_namespace), 16);
    input += name;
    auto hash = sha1(input);
    hash[6] = static_cast<std::uint8_t>((hash[6] & 0x0F) | 0x50);  // version 5
    hash[8] = static_cast<std::uint8_t>((hash[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "urn:uuid:";
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[hash[i] >> 4];
        out += hex[hash[i] & 0xF];
    }
    return out;
}

}  // namespace pamphlet
