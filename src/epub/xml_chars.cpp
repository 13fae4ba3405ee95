#include "xml_chars.hpp"

#include "pamphlet/base/utf8.hpp"

#include <cstdint>

namespace pamphlet::epub {

bool is_xml_text_char(char32_t c) {
    if (c == U'\t' || c == U'\n') return true;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    if (c >= 0xFDD0 && c <= 0xFDEF) return false;
    if ((c & 0xFFFE) == 0xFFFE) return false;
    return c <= 0x10FFFF;
}

std::size_t xml_clean_prefix(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        pos = utf8::eight::skip_unflagged(text, pos, utf8::eight::not_printable_ascii);
        if (pos == text.size()) break;
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte >= 0x20 && byte < 0x7F) {
            ++pos;
            continue;
        }
        const std::size_t begin = pos;
        bool valid = true;
        if (!is_xml_text_char(utf8::decode(text, pos, valid)) || !valid) return begin;
    }
    return pos;
}

std::string xml_clean(std::string_view text) {
    // Nearly always all of it: copied as it is.
    const std::size_t clean = xml_clean_prefix(text);
    std::string out(text.substr(0, clean));
    if (clean == text.size()) return out;
    utf8::for_each(text.substr(clean), [&](char32_t c) {
        if (is_xml_text_char(c)) utf8::append(out, c);
    });
    return out;
}

}  // namespace pamphlet::epub
