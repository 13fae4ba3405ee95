#include "xml_chars.hpp"

#include "pamphlet/base/utf8.hpp"

namespace pamphlet::epub {

bool is_xml_text_char(char32_t c) {
    if (c == U'\t' || c == U'\n') return true;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    if (c >= 0xFDD0 && c <= 0xFDEF) return false;
    if ((c & 0xFFFE) == 0xFFFE) return false;
    return c <= 0x10FFFF;
}

std::string xml_clean(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    utf8::for_each(text, [&](char32_t c) {
        if (is_xml_text_char(c)) utf8::append(out, c);
    });
    return out;
}

}  // namespace pamphlet::epub
