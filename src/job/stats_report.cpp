// The `--stats` report: plain text meant for people and for grep alike.
#include "pamphlet/job.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace pamphlet {

namespace {

std::string format_row(std::string_view label, long long value) {
    constexpr std::size_t label_width = 20;
    constexpr std::size_t value_width = 7;
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    const std::string_view number(digits, static_cast<std::size_t>(end - digits));
    std::string row = "  ";
    row += label;
    row.append(label.size() < label_width ? label_width - label.size() : 1, ' ');
    row.append(number.size() < value_width ? value_width - number.size() : 0, ' ');
    row += number;
    row += '\n';
    return row;
}

std::string format_place(const SourceSpan& span) {
    std::string place = span.file;
    if (span.has_position()) {
        place += ':' + std::to_string(span.begin.line) + ':' + std::to_string(span.begin.column);
    }
    return place;
}

}  // namespace

std::string format_stats(const DocumentStats& document) {
    const TypesetStats& s = document.stats;
    std::string out = document.pdf.filename().string() + '\n';
    out += format_row("lines", s.lines);
    out += format_row("hyphenated lines", s.hyphenated_lines);
    out += format_row("longest hyphen run", s.longest_hyphen_run);
    out += format_row("hyphen runs >= 3", s.hyphen_runs_of_three);
    out += format_row("loose lines", s.loose_lines);
    out += format_row("tight lines", s.tight_lines);
    out += format_row("overfull lines", s.overfull_lines);
    if (s.worst_span.has_file()) {
        out += "  worst line: " + format_place(s.worst_span) + " (badness " +
               std::to_string(std::llround(s.worst_badness)) + ")\n";
    } else {
        out += "  worst line: none\n";
    }
    return out;
}

}  // namespace pamphlet
