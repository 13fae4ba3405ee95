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
