// UTF-8, decoded and encoded once for the whole program.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pamphlet::utf8 {

inline constexpr char32_t replacement_character = 0xFFFD;

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
