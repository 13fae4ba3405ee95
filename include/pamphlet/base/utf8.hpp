// UTF-8, decoded and encoded once for the whole program.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace pamphlet::utf8 {

inline constexpr char32_t replacement_character = 0xFFFD;

// Eight bytes judged at once (SWAR): the scans that look for the few bytes
// that matter pass over runs of plain ASCII a word at a time. A mask has
// the high bit set in each byte flagged; the first byte flagged (in memory
// order) is always one that matches, later ones may be false alarms.
namespace eight {
inline constexpr std::size_t size = 8;
inline constexpr std::uint64_t ones = 0x0101010101010101u;
inline constexpr std::uint64_t highs = 0x8080808080808080u;
// The 8 bytes from `at` (any alignment), the first in the lowest byte.
inline std::uint64_t load(const char* at) {
    std::uint64_t x;
    std::memcpy(&x, at, sizeof x);
    if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
    return x;
}
// The bytes that are `byte`.
inline std::uint64_t equal(std::uint64_t x, unsigned char byte) {
    const std::uint64_t y = x ^ (ones * byte);
    return (y - ones) & ~y & highs;
}
// The bytes that are not printable ASCII (U+0020 to U+007E).
inline std::uint64_t not_printable_ascii(std::uint64_t x) {
    return (x | ((x - ones * 0x20) & ~x) | equal(x, 0x7F)) & highs;
}
// How many bytes come before the first flagged in `mask` (not 0).
inline std::size_t before_first(std::uint64_t mask) {
    return static_cast<std::size_t>(std::countr_zero(mask)) / 8;
}
// From `pos`, past every byte that `flag` (a word to a mask) leaves
// unflagged, eight at a time: the place of the first byte it flags, or of
// one in the last seven bytes of `text` (which the caller judges itself).
template <typename Flag>
std::size_t skip_unflagged(std::string_view text, std::size_t pos, Flag flag) {
    while (text.size() - pos >= size) {
        const std::uint64_t flagged = flag(load(&text[pos]));
        if (flagged != 0) return pos + before_first(flagged);
        pos += size;
    }
    return pos;
}
}  // namespace eight

// Decodes the code point at `text[pos]` and advances `pos`. An ill-formed
// sequence (its maximal valid prefix, as WHATWG and Unicode recommend)
// decodes to U+FFFD with `valid` set to false.
char32_t decode_multibyte(std::string_view text, std::size_t& pos, bool& valid);
// ASCII, most of every text pamphlet handles, without a call.
inline char32_t decode(std::string_view text, std::size_t& pos, bool& valid) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead >= 0x80) return decode_multibyte(text, pos, valid);
    ++pos;
    valid = true;
    return lead;
}

void append_multibyte(std::string& out, char32_t c);
inline void append(std::string& out, char32_t c) {
    if (c < 0x80)
        out += static_cast<char>(c);
    else
        append_multibyte(out, c);
}

// Calls `emit(code_point)` for every character of `text`; ill-formed
// sequences arrive as U+FFFD.
template <typename Emit>
void for_each(std::string_view text, Emit&& emit) {
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) emit(decode(text, pos, valid));
}

}  // namespace pamphlet::utf8
