#include "utf8.hpp"

namespace pamphlet::utf8 {

char32_t decode(std::string_view text, std::size_t& pos, bool& valid) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    valid = true;
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    int length = 0;
    char32_t c = 0;
    // Bounds of the second byte rule out overlong forms, surrogates and
    // values beyond U+10FFFF (Unicode table 3-7).
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        c = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        ++pos;
        valid = false;
        return replacement_character;
    }
    std::size_t i = pos + 1;
    for (int k = 1; k < length; ++k, ++i) {
        if (i >= text.size()) break;
        const unsigned char b = byte(i);
        const unsigned char lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF;
        if (b < lo || b > hi) break;
        c = (c << 6) | (b & 0x3F);
        if (k == length - 1) {
            pos = i + 1;
            return c;
        }
    }
    pos = i;
    valid = false;
    return replacement_character;
}

void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_forbidden_control(char32_t c) {
    if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
    return c == 0x7F || c == 0xFFFE || c == 0xFFFF;
}

namespace {

// The first place of a kind of problem and how often it occurred.
struct Occurrences {
    SourcePos first;
    std::size_t count = 0;
    void add(int line, int column) {
        if (count++ == 0) first = {line, column};
    }
};

std::string places(std::size_t count) {
    if (count == 1) return "";
    return " (" + std::to_string(count) + " places in this file; the first is shown)";
}

}  // namespace

std::string sanitize_input(std::string_view text, const std::string& display_path,
                           DiagnosticSink& sink) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    if (text.starts_with("\xEF\xBB\xBF")) pos = 3;
    int line = 1;
    int column = 1 + static_cast<int>(pos);
    Occurrences invalid, control;
    while (pos < text.size()) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = decode(text, pos, valid);
        if (!valid) {
            invalid.add(line, column);
            append(out, replacement_character);
        } else if (c == '\r') {
            out += '\n';
            if (pos < text.size() && text[pos] == '\n') ++pos;
        } else if (is_forbidden_control(c)) {
            control.add(line, column);
        } else {
            out.append(text.substr(start, pos - start));
        }
        if (c == '\n' || c == '\r') {
            ++line;
            column = 1;
        } else {
            column += static_cast<int>(pos - start);
        }
    }
    if (invalid.count > 0)
        sink.warning(SourceSpan::at(display_path, invalid.first.line, invalid.first.column),
                     "invalid-utf8",
                     "the file is not valid UTF-8; invalid bytes were replaced by U+FFFD" +
                         places(invalid.count));
    if (control.count > 0)
        sink.warning(
            SourceSpan::at(display_path, control.first.line, control.first.column),
            "control-character",
            "control characters are not allowed in text and were removed" + places(control.count));
    return out;
}

std::size_t remove_forbidden_controls(std::string& text) {
    std::string out;
    std::size_t removed = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = decode(text, pos, valid);
        if (!valid) {
            append(out, replacement_character);
        } else if (is_forbidden_control(c)) {
            ++removed;
        } else {
            out.append(text, start, pos - start);
        }
    }
    text = std::move(out);
    return removed;
}

}  // namespace pamphlet::utf8
