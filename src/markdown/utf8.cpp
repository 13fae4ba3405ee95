#include "utf8.hpp"

namespace pamphlet::utf8 {

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

// Where `text` first holds ill-formed UTF-8, a forbidden control or (when
// `cr_too`) a CR; text.size() when nowhere. Printable ASCII is passed over
// eight bytes at a time.
std::size_t first_unsafe(std::string_view text, bool cr_too) {
    for (std::size_t pos = 0; pos < text.size();) {
        pos = eight::skip_unflagged(text, pos, eight::not_printable_ascii);
        if (pos == text.size()) break;
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            if ((byte < 0x20 || byte == 0x7F) &&
                (is_forbidden_control(byte) || (cr_too && byte == '\r')))
                return pos;
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = decode(text, pos, valid);
        if (!valid || is_forbidden_control(c)) return start;
    }
    return text.size();
}

}  // namespace

std::string_view sanitize_input(std::string_view text, const std::string& display_path,
                                DiagnosticSink& sink, std::string& storage) {
    if (!text.starts_with("\xEF\xBB\xBF") && first_unsafe(text, true) == text.size()) return text;
    std::string& out = storage;
    out.clear();
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
    const std::size_t first = first_unsafe(text, false);
    if (first == text.size()) return 0;
    std::string out(text, 0, first);
    std::size_t removed = 0;
    std::size_t pos = first;
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
