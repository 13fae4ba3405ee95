// UTF-8 decoding and the characters an XML 1.0 document may contain.
#pragma once

#include <string>
#include <string_view>

namespace pamphlet::epub {

// Calls `emit(code_point)` for each character of `text`; malformed
// sequences come out as U+FFFD, one per offending byte.
template <typename Emit>
void for_each_codepoint(std::string_view text, Emit&& emit);

// Characters allowed in XML 1.0 text, less those HTML forbids in text
// (C0/C1 controls other than tab and newline, noncharacters). Carriage
// returns are dropped too: output uses bare newlines.
bool is_xml_text_char(char32_t c);

void append_utf8(std::string& out, char32_t c);

// `text` with malformed UTF-8 repaired and disallowed characters removed.
std::string xml_clean(std::string_view text);

template <typename Emit>
void for_each_codepoint(std::string_view text, Emit&& emit) {
    std::size_t i = 0;
    while (i < text.size()) {
        unsigned char lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            emit(static_cast<char32_t>(lead));
            ++i;
            continue;
        }
        int length = lead >= 0xF0 && lead <= 0xF4   ? 4
                     : lead >= 0xE0 && lead <= 0xEF ? 3
                     : lead >= 0xC2 && lead <= 0xDF ? 2
                                                    : 0;
        char32_t c = length == 4 ? lead & 0x07 : length == 3 ? lead & 0x0F : lead & 0x1F;
        bool ok = length > 0 && i + static_cast<std::size_t>(length) <= text.size();
        for (int k = 1; ok && k < length; ++k) {
            unsigned char next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80) ok = false;
            c = (c << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and values beyond U+10FFFF.
        if (ok && ((length == 3 && c < 0x800) || (length == 4 && c < 0x10000) || c > 0x10FFFF ||
                   (c >= 0xD800 && c <= 0xDFFF))) {
            ok = false;
        }
        if (!ok) {
            emit(U'\uFFFD');
            ++i;
            continue;
        }
        emit(c);
        i += static_cast<std::size_t>(length);
    }
}

}  // namespace pamphlet::epub
