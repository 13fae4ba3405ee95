#include "values.hpp"

#include "pamphlet/profile.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace pamphlet {
namespace profile {
namespace {

constexpr double points_per_inch = 72.0;
constexpr double points_per_mm = points_per_inch / 25.4;

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// A plain decimal number ("12", "4.5", ".5") at the start of `s`; advances `s`
// past it. Exponents, signs, "inf" and "nan" are not lengths a person writes.
std::optional<double> take_decimal(std::string_view& s) {
    std::size_t n = 0;
    bool digits = false;
    bool dot = false;
    while (n < s.size()) {
        char c = s[n];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            break;
        }
        ++n;
    }
    if (!digits) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + n, value, std::chars_format::fixed);
    if (ec != std::errc{} || end != s.data() + n) return std::nullopt;
    s.remove_prefix(n);
    return value;
}

std::optional<double> points_per_unit(std::string_view unit) {
    static constexpr std::array<std::pair<std::string_view, double>, 4> units{{
        {"pt", 1.0},
        {"mm", points_per_mm},
        {"cm", 10 * points_per_mm},
        {"in", points_per_inch},
    }};
    for (const auto& [name, factor] : units)
        if (equals_ignoring_case(unit, name)) return factor;
    return std::nullopt;
}

std::optional<int> hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return std::nullopt;
}

Parsed<Color> read_hex_color(std::string_view digits) {
    if (digits.size() != 3 && digits.size() != 6)
        return {std::nullopt, "a hex colour has 3 or 6 digits, as in #fff or #1f5c7a"};
    int n[6] = {};
    for (std::size_t i = 0; i < digits.size(); ++i) {
        auto d = hex_digit(digits[i]);
        if (!d) return {std::nullopt, "'" + std::string(1, digits[i]) + "' is not a hex digit"};
        n[i] = *d;
    }
    Color color;
    for (int channel = 0; channel < 3; ++channel) {
        int byte = digits.size() == 3 ? n[channel] * 17 : n[2 * channel] * 16 + n[2 * channel + 1];
        color.v[channel] = byte / 255.0;
    }
    return {color, {}};
}

Parsed<Color> read_cmyk_color(std::string_view args) {
    constexpr std::string_view usage = "write cmyk(c, m, y, k) with four percentages from 0 to 100";
    Color color;
    color.space = Color::Space::cmyk;
    for (int i = 0; i < 4; ++i) {
        args = trim(args);
        auto number = take_decimal(args);
        if (!number) return {std::nullopt, std::string(usage)};
        args = trim(args);
        if (!args.empty() && args.front() == '%') args = trim(args.substr(1));
        if (*number > 100) return {std::nullopt, "cmyk values are percentages from 0 to 100"};
        color.v[i] = *number / 100.0;
        bool last = i == 3;
        if (last ? !args.empty() : (args.empty() || args.front() != ','))
            return {std::nullopt, std::string(usage)};
        if (!last) args.remove_prefix(1);
    }
    return {color, {}};
}

struct NamedSize {
    std::string_view name;
    double width_mm;
    double height_mm;
};

constexpr double inch_in_mm = 25.4;
constexpr std::array<NamedSize, 7> named_sizes{{
    {"A3", 297, 420},
    {"A4", 210, 297},
    {"A5", 148, 210},
    {"A6", 105, 148},
    {"B5", 176, 250},
    {"letter", 8.5 * inch_in_mm, 11 * inch_in_mm},
    {"legal", 8.5 * inch_in_mm, 14 * inch_in_mm},
}};

}  // namespace

Parsed<double> read_length(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty()) return {std::nullopt, "the length is empty"};
    if (s.front() == '-') return {std::nullopt, "lengths cannot be negative"};
    auto number = take_decimal(s);
    if (!number) return {std::nullopt, "a length is a number followed by mm, cm, in or pt"};
    s = trim(s);
    if (s.empty()) {
        if (*number == 0) return {0.0, {}};
        return {std::nullopt, "a length needs a unit: mm, cm, in or pt"};
    }
    auto factor = points_per_unit(s);
    if (!factor)
        return {std::nullopt, "unknown unit '" + std::string(s) + "'; use mm, cm, in or pt"};
    return {*number * *factor, {}};
}

Parsed<Color> read_color(std::string_view text) {
    std::string_view s = trim(text);
    if (!s.empty() && s.front() == '#') return read_hex_color(s.substr(1));
    constexpr std::string_view cmyk = "cmyk(";
    if (s.size() > cmyk.size() && equals_ignoring_case(s.substr(0, cmyk.size()), cmyk)) {
        if (s.back() != ')') return {std::nullopt, "the cmyk( is not closed with )"};
        return read_cmyk_color(s.substr(cmyk.size(), s.size() - cmyk.size() - 1));
    }
    return {std::nullopt, "write a colour as #rrggbb, #rgb or cmyk(c, m, y, k)"};
}

Parsed<PageSize> read_page_size(std::string_view text) {
    std::string_view s = trim(text);
    for (const auto& size : named_sizes) {
        if (equals_ignoring_case(s, size.name))
            return {PageSize{size.width_mm * points_per_mm, size.height_mm * points_per_mm,
                             std::string(size.name)},
                    {}};
    }
    // "W x H"; people also type the multiplication sign.
    std::size_t cut = std::string_view::npos;
    std::size_t cut_len = 0;
    for (std::string_view separator : {"\u00d7", "x", "X"}) {
        // The last occurrence, so that a unit containing the letter can't
        // split the text (none does today).
        std::size_t at = s.rfind(separator);
        if (at != std::string_view::npos) {
            cut = at;
            cut_len = separator.size();
            break;
        }
    }
    if (cut == std::string_view::npos) {
        std::string names;
        for (const auto& size : named_sizes)
            names += std::string(names.empty() ? "" : ", ") + std::string(size.name);
        return {std::nullopt, "use one of " + names + ", or WIDTH x HEIGHT such as 148mm x 210mm"};
    }
    auto width = read_length(s.substr(0, cut));
    if (!width.value) return {std::nullopt, "page width: " + width.problem};
    auto height = read_length(s.substr(cut + cut_len));
    if (!height.value) return {std::nullopt, "page height: " + height.problem};
    if (*width.value <= 0 || *height.value <= 0)
        return {std::nullopt, "page width and height must be greater than zero"};
    return {PageSize{*width.value, *height.value, {}}, {}};
}

namespace {

std::string two_decimals(double value) {
    char buffer[32];
    auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
    std::string s(buffer, ec == std::errc{} ? end : buffer);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

std::string format_mm(double points) {
    return two_decimals(points / points_per_mm) + "mm";
}
std::string format_pt(double points) {
    return two_decimals(points) + "pt";
}

}  // namespace profile

std::optional<double> parse_length(std::string_view text) {
    return profile::read_length(text).value;
}
std::optional<Color> parse_color(std::string_view text) {
    return profile::read_color(text).value;
}
std::optional<PageSize> parse_page_size(std::string_view text) {
    return profile::read_page_size(text).value;
}

std::string Color::css() const {
    double rgb[3];
    if (space == Space::rgb) {
        for (int i = 0; i < 3; ++i) rgb[i] = v[i];
    } else {
        // Naive: no colour management, good enough for screen previews.
        for (int i = 0; i < 3; ++i) rgb[i] = (1 - v[i]) * (1 - v[3]);
    }
    constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (double channel : rgb) {
        long byte = std::lround(std::clamp(channel, 0.0, 1.0) * 255);
        out += digits[byte / 16];
        out += digits[byte % 16];
    }
    return out;
}

}  // namespace pamphlet
