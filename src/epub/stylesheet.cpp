#include "stylesheet.hpp"
#include "pamphlet/base/utf8.hpp"

#include "xml_chars.hpp"

#include <algorithm>
#include <bitset>
#include <charconv>
#include <cmath>
#include <memory>
#include <optional>
#include <vector>

namespace pamphlet::epub {

namespace {

enum class Family { body, heading, mono };
enum class Setting { inherit, off, on };

// Which face an element selects. Selectors are an element name or a
// ".class"; class rules override element rules, as in CSS.
struct FontRule {
    std::string_view selector;
    std::optional<Family> family;
    Setting bold = Setting::inherit;
    Setting italic = Setting::inherit;
};

const FontRule font_rules[] = {
    {"body", Family::body, Setting::off, Setting::off},
    {"h1", Family::heading, Setting::on, Setting::off},
    {"h2", Family::heading, Setting::on, Setting::off},
    {"h3", Family::heading, Setting::on, Setting::off},
    {"h4", Family::heading, Setting::on, Setting::off},
    {"h5", Family::heading, Setting::on, Setting::off},
    {"h6", Family::heading, Setting::on, Setting::off},
    {"nav", Family::heading, Setting::off, Setting::inherit},
    {"figcaption", Family::heading, Setting::inherit, Setting::inherit},
    {"code", Family::mono, Setting::inherit, Setting::inherit},
    {"pre", Family::mono, Setting::inherit, Setting::inherit},
    {"kbd", Family::mono, Setting::inherit, Setting::inherit},
    {"samp", Family::mono, Setting::inherit, Setting::inherit},
    {"em", std::nullopt, Setting::inherit, Setting::on},
    {"i", std::nullopt, Setting::inherit, Setting::on},
    {"cite", std::nullopt, Setting::inherit, Setting::on},
    {"strong", std::nullopt, Setting::on, Setting::inherit},
    {"b", std::nullopt, Setting::on, Setting::inherit},
    {".byline", Family::heading, Setting::inherit, Setting::inherit},
    {".subtitle", Family::heading, Setting::off, Setting::inherit},
    {".publisher", Family::heading, Setting::inherit, Setting::inherit},
    {".cover-title", Family::heading, Setting::on, Setting::off},
    {".cover-subtitle", Family::heading, Setting::off, Setting::inherit},
};

const FaceInfo face_table[face_slot_count] = {
    {"body-regular", "pamphlet-body", false, false, &Profile::body_regular},
    {"body-italic", "pamphlet-body", false, true, &Profile::body_italic},
    {"body-bold", "pamphlet-body", true, false, &Profile::body_bold},
    {"body-bold-italic", "pamphlet-body", true, true, &Profile::body_bold_italic},
    {"heading-regular", "pamphlet-heading", false, false, &Profile::heading_regular},
    {"heading-italic", "pamphlet-heading", false, true, &Profile::heading_italic},
    {"heading-bold", "pamphlet-heading", true, false, &Profile::heading_bold},
    {"heading-bold-italic", "pamphlet-heading", true, true, &Profile::heading_bold_italic},
    // No italic monospaced fonts in the profile: readers slant the upright.
    {"mono-regular", "pamphlet-mono", false, false, &Profile::mono_regular},
    {"mono-bold", "pamphlet-mono", true, false, &Profile::mono_bold},
};

std::string_view family_stack(Family family) {
    switch (family) {
        case Family::body:
            return "\"pamphlet-body\", serif";
        case Family::heading:
            return "\"pamphlet-heading\", sans-serif";
        case Family::mono:
            return "\"pamphlet-mono\", monospace";
    }
    return "serif";
}

struct FaceState {
    Family family = Family::body;
    bool bold = false;
    bool italic = false;

    FaceSlot slot() const {
        switch (family) {
            case Family::body:
                return bold ? (italic ? FaceSlot::body_bold_italic : FaceSlot::body_bold)
                            : (italic ? FaceSlot::body_italic : FaceSlot::body_regular);
            case Family::heading:
                return bold ? (italic ? FaceSlot::heading_bold_italic : FaceSlot::heading_bold)
                            : (italic ? FaceSlot::heading_italic : FaceSlot::heading_regular);
            case Family::mono:
                return bold ? FaceSlot::mono_bold : FaceSlot::mono_regular;
        }
        return FaceSlot::body_regular;
    }
};

void apply(const FontRule& rule, FaceState& state) {
    if (rule.family) state.family = *rule.family;
    if (rule.bold != Setting::inherit) state.bold = rule.bold == Setting::on;
    if (rule.italic != Setting::inherit) state.italic = rule.italic == Setting::on;
}

bool has_class(const pugi::xml_node& element, std::string_view wanted) {
    std::string_view classes = element.attribute("class").value();
    while (!classes.empty()) {
        std::size_t end = classes.find(' ');
        if (classes.substr(0, end) == wanted) return true;
        if (end == std::string_view::npos) break;
        classes.remove_prefix(end + 1);
    }
    return false;
}

FaceState element_state(const pugi::xml_node& element, FaceState state) {
    std::string_view name = element.name();
    for (const FontRule& rule : font_rules) {
        if (rule.selector == name) apply(rule, state);
    }
    for (const FontRule& rule : font_rules) {
        if (rule.selector.front() == '.' && has_class(element, rule.selector.substr(1))) {
            apply(rule, state);
        }
    }
    return state;
}

// List markers: decimal numbers with a full stop, and the bullets readers
// use for three levels of nesting.
constexpr std::u32string_view list_marker_chars = U"0123456789.\u2022\u25E6\u25AA";
// What a reader may add to text by itself: hyphens when it hyphenates
// (U+2010 or U+002D depending on the engine), spaces.
constexpr std::u32string_view reader_inserted_chars = U"-\u2010\u00AD \u00A0";

// The characters of one page, by face. A page repeats the same few dozen
// characters thousands of times: a bit per BMP character answers "seen
// already?" without the cost of a std::set insertion per character, and
// ASCII, most of every page, is marked in a mask without a test.
class PageChars {
public:
    void add(std::size_t slot, char32_t c) {
        if (c < 0x80) {
            ascii_[slot][c >> 6] |= std::uint64_t{1} << (c & 63);
            return;
        }
        if (c < bmp_size) {
            std::bitset<bmp_size>& seen = seen_[slot];
            if (seen[c]) return;
            seen[c] = true;
        }
        others_[slot].push_back(c);
    }
    template <typename Chars>
    void add_all(std::size_t slot, const Chars& chars) {
        for (char32_t c : chars) add(slot, c);
    }
    // The characters of a text node (ASCII controls and what XML cannot
    // hold are not shown: no glyph is needed for them).
    void add_text(std::size_t slot, std::string_view text) {
        std::array<std::uint64_t, 2>& ascii = ascii_[slot];
        for (std::size_t pos = 0; pos < text.size();) {
            const auto byte = static_cast<unsigned char>(text[pos]);
            if (byte < 0x80) {
                ascii[byte >> 6] |= std::uint64_t{1} << (byte & 63);
                ++pos;
                continue;
            }
            // Two bytes (Latin letters, the soft hyphen): decoded here. From
            // U+00A0 to U+07FF, XML allows every character.
            if (byte >= 0xC2 && byte < 0xE0 && pos + 1 < text.size() &&
                (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80) {
                const char32_t c = (char32_t{byte & 0x1Fu} << 6) |
                                   (static_cast<unsigned char>(text[pos + 1]) & 0x3Fu);
                if (c >= 0xA0) add(slot, c);
                pos += 2;
                continue;
            }
            bool valid = true;
            const char32_t c = utf8::decode_multibyte(text, pos, valid);
            if (is_xml_text_char(c)) add(slot, c);
        }
    }
    // The printable characters seen in `slot`, into `out`.
    template <typename Set>
    void insert_into(std::size_t slot, Set& out) const {
        for (char32_t c = 0x20; c < 0x7F; ++c) {
            if ((ascii_[slot][c >> 6] >> (c & 63)) & 1) out.insert(c);
        }
        out.insert(others_[slot].begin(), others_[slot].end());
    }
    bool empty(std::size_t slot) const {
        // Only what insert_into gives counts: not the controls.
        constexpr std::uint64_t printable_low = ~std::uint64_t{0} << 0x20;            // from U+0020
        constexpr std::uint64_t printable_high = ~(std::uint64_t{1} << (0x7F - 64));  // not DEL
        return (ascii_[slot][0] & printable_low) == 0 && (ascii_[slot][1] & printable_high) == 0 &&
               others_[slot].empty();
    }
    // Empty again, for the next page: only the bits this page set are
    // cleared (the 80 KiB are zeroed once per thread, not once per page).
    void clear() {
        for (std::size_t slot = 0; slot < face_slot_count; ++slot) {
            ascii_[slot] = {};
            for (char32_t c : others_[slot]) {
                if (c < bmp_size) seen_[slot][c] = false;
            }
            others_[slot].clear();
        }
    }

private:
    static constexpr std::size_t bmp_size = 0x10000;
    std::array<std::array<std::uint64_t, 2>, face_slot_count> ascii_{};
    std::array<std::bitset<bmp_size>, face_slot_count> seen_{};  // beyond ASCII
    std::array<std::vector<char32_t>, face_slot_count> others_;  // beyond ASCII, in order seen
};

void collect(const pugi::xml_node& element, FaceState state, PageChars& page) {
    if (element.attribute("hidden")) return;
    state = element_state(element, state);
    const auto slot = static_cast<std::size_t>(state.slot());
    if (std::string_view(element.name()) == "li") page.add_all(slot, list_marker_chars);
    for (const pugi::xml_node& child : element.children()) {
        if (child.type() == pugi::node_element) {
            collect(child, state, page);
        } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            page.add_text(slot, child.value());
        }
    }
}

std::string em(double points, double relative_to) {
    return css_number(relative_to > 0 ? points / relative_to : 0) + "em";
}

// A heading's size: `points` relative to the text, but on a small screen
// with large text (a phone at 200 %) no more than a share of the screen's
// width, so that a long word of the title still fits a line ("Physio-",
// "therapie" rather than a word cut anywhere), and never below 1.15 times
// the text, so a heading stays larger than what it heads. Readers without
// clamp() keep the first declaration.
std::string heading_font_size(double points, double text_size) {
    const double ratio = text_size > 0 ? points / text_size : 1;
    const std::string size = em(points, text_size);
    return "font-size: " + size + "; font-size: clamp(" + css_number(std::min(ratio, 1.15)) +
           "em, " + css_number(5 * ratio) + "vw, " + size + ");";
}

std::string font_declarations(const FontRule& rule) {
    std::string out;
    if (rule.family) out += " font-family: " + std::string(family_stack(*rule.family)) + ";";
    if (rule.bold != Setting::inherit) {
        out += rule.bold == Setting::on ? " font-weight: bold;" : " font-weight: normal;";
    }
    if (rule.italic != Setting::inherit) {
        out += rule.italic == Setting::on ? " font-style: italic;" : " font-style: normal;";
    }
    return out;
}

// The font rules, selectors with equal declarations grouped, in table order.
std::string font_rule_css() {
    std::string out;
    std::vector<bool> written(std::size(font_rules), false);
    for (std::size_t i = 0; i < std::size(font_rules); ++i) {
        if (written[i]) continue;
        std::string declarations = font_declarations(font_rules[i]);
        std::string selectors(font_rules[i].selector);
        for (std::size_t j = i + 1; j < std::size(font_rules); ++j) {
            if (!written[j] && font_declarations(font_rules[j]) == declarations) {
                selectors += ", " + std::string(font_rules[j].selector);
                written[j] = true;
            }
        }
        out += selectors + " {" + declarations + " }\n";
    }
    return out;
}

using Rgb = std::array<double, 3>;  // sRGB channels, 0 to 1

// The colour as the CSS writes it: 8-bit channels.
Rgb css_rgb(const Color& color) {
    Rgb rgb;
    for (std::size_t i = 0; i < 3; ++i) {
        double channel =
            color.space == Color::Space::rgb ? color.v[i] : (1 - color.v[i]) * (1 - color.v[3]);
        rgb[i] = static_cast<double>(std::lround(std::clamp(channel, 0.0, 1.0) * 255)) / 255;
    }
    return rgb;
}

double relative_luminance(const Rgb& rgb) {
    auto linear = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}

double contrast(const Rgb& a, const Rgb& b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool readable_on_white_and_black(const Rgb& rgb) {
    return contrast(rgb, {1, 1, 1}) >= minimum_text_contrast &&
           contrast(rgb, {0, 0, 0}) >= minimum_text_contrast;
}

struct Hsl {
    double hue = 0;  // 0 to 6, in sextants
    double saturation = 0;
    double lightness = 0;
};

Hsl to_hsl(const Rgb& rgb) {
    const auto [low, high] = std::minmax({rgb[0], rgb[1], rgb[2]});
    Hsl hsl;
    hsl.lightness = (low + high) / 2;
    const double chroma = high - low;
    if (chroma == 0) return hsl;
    hsl.saturation = chroma / (1 - std::abs(2 * hsl.lightness - 1));
    if (high == rgb[0]) {
        hsl.hue = std::fmod((rgb[1] - rgb[2]) / chroma + 6, 6);
    } else if (high == rgb[1]) {
        hsl.hue = (rgb[2] - rgb[0]) / chroma + 2;
    } else {
        hsl.hue = (rgb[0] - rgb[1]) / chroma + 4;
    }
    return hsl;
}

Rgb to_rgb(const Hsl& hsl) {
    const double chroma = (1 - std::abs(2 * hsl.lightness - 1)) * hsl.saturation;
    const double x = chroma * (1 - std::abs(std::fmod(hsl.hue, 2) - 1));
    const double m = hsl.lightness - chroma / 2;
    static constexpr int order[6][3] = {{0, 1, 2}, {1, 0, 2}, {2, 0, 1},
                                        {2, 1, 0}, {1, 2, 0}, {0, 2, 1}};
    const double parts[3] = {chroma, x, 0};
    const int sextant = std::min(static_cast<int>(hsl.hue), 5);
    Rgb rgb;
    for (std::size_t i = 0; i < 3; ++i) {
        rgb[i] = std::lround(std::clamp(parts[order[sextant][i]] + m, 0.0, 1.0) * 255) / 255.0;
    }
    return rgb;
}

Color rgb_color(const Rgb& rgb) {
    Color color;
    for (std::size_t i = 0; i < 3; ++i) color.v[i] = rgb[i];
    return color;
}

}  // namespace

double contrast_ratio(const Color& a, const Color& b) {
    return contrast(css_rgb(a), css_rgb(b));
}

Color reader_theme_accent(const Color& color) {
    const Rgb rgb = css_rgb(color);
    if (readable_on_white_and_black(rgb)) return rgb_color(rgb);
    // Both hold only for a relative luminance between 0.175 and 0.183: a
    // middle lightness. Walk out from the colour's own lightness, both ways,
    // to the nearest one that lands there once rounded to 8 bits.
    const Hsl hsl = to_hsl(rgb);
    for (int step = 1; step <= 1000; ++step) {
        for (int direction : {1, -1}) {
            Hsl moved = hsl;
            moved.lightness += direction * step / 1000.0;
            if (moved.lightness < 0 || moved.lightness > 1) continue;
            const Rgb candidate = to_rgb(moved);
            if (readable_on_white_and_black(candidate)) return rgb_color(candidate);
        }
    }
    // A hue whose 8-bit steps jump over the band: the grey in it.
    return rgb_color({118 / 255.0, 118 / 255.0, 118 / 255.0});
}

bool is_supplementary_char(char32_t c) {
    return list_marker_chars.find(c) != std::u32string_view::npos ||
           reader_inserted_chars.find(c) != std::u32string_view::npos;
}

const FaceInfo& face_info(FaceSlot slot) {
    return face_table[static_cast<std::size_t>(slot)];
}

void collect_face_usage(const pugi::xml_document& page, FaceUsage& usage, std::mutex* guard) {
    pugi::xml_node body = page.document_element().child("body");
    if (!body) return;
    // 80 KiB of bits: not on the stack, and kept for the thread's next page.
    thread_local const std::unique_ptr<PageChars> page_chars = std::make_unique<PageChars>();
    PageChars* const seen = page_chars.get();
    seen->clear();
    collect(body, FaceState{}, *seen);
    std::unique_lock<std::mutex> lock;
    if (guard != nullptr) lock = std::unique_lock<std::mutex>(*guard);
    for (std::size_t slot = 0; slot < face_slot_count; ++slot) {
        if (seen->empty(slot)) continue;
        seen->insert_into(slot, usage[slot]);
        usage[slot].insert(reader_inserted_chars.begin(), reader_inserted_chars.end());
    }
}

std::string css_number(double value) {
    double rounded = std::round(value * 1000) / 1000;
    if (rounded == 0) return "0";
    char buffer[64];
    auto result =
        std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 3);
    std::string text(buffer, result.ptr);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

namespace {

// "rgba(r, g, b, alpha)" of `color`: a tint that shows on a white page and
// on a reader's dark one alike.
std::string see_through(const Color& color, double alpha) {
    const std::string hex = color.css();  // "#rrggbb"
    auto channel = [&](std::size_t at) {
        return std::to_string(std::stoi(hex.substr(at, 2), nullptr, 16));
    };
    return "rgba(" + channel(1) + ", " + channel(3) + ", " + channel(5) + ", " +
           css_number(alpha) + ")";
}

// Rules for what only some books show: tables, footnotes, callouts, check
// boxes, struck-out text.
std::string feature_css(const Profile& profile, const BookFeatures& features) {
    const double size = profile.text_size;
    std::string css;
    if (features.tables) {
        const std::string rule = em(profile.table_rule_width, size);
        const std::string header_rule = em(profile.table_header_rule_width, size);
        // Wider than the screen, the table scrolls in its box; its cells
        // keep their words whole (no hyphens in narrow columns).
        css += ".table { overflow-x: auto; max-width: 100%; margin: 0 0 " +
               em(profile.paragraph_spacing, size) + "; }\n";
        css += "table { border-collapse: collapse; border-top: " + rule +
               " solid currentColor; border-bottom: " + rule +
               " solid currentColor; text-align: left; hyphens: manual; -webkit-hyphens: manual; "
               "-epub-hyphens: manual; }\n";
        css += "caption { caption-side: top; font-size: 0.85em; text-align: left; "
               "padding-bottom: 0.3em; }\n";
        css += "th, td { padding: 0.25em 0.6em; vertical-align: top; }\n";
        css += "thead th { border-bottom: " + header_rule + " solid currentColor; }\n";
        css += "th[scope=\"row\"] { font-weight: bold; }\n";
        css += "th.left, td.left { text-align: left; }\n";
        css += "th.center, td.center { text-align: center; }\n";
        css += "th.right, td.right { text-align: right; }\n";
        if (profile.table_zebra)
            css += "tr.shaded { background-color: rgba(128, 128, 128, 0.12); }\n";
    }
    if (features.callouts) {
        const Color accent = reader_theme_accent(profile.callout_color);
        const Color warning = reader_theme_accent(profile.callout_warning_color);
        const std::string rule = em(std::max(profile.callout_rule_width, 0.0), size);
        css += ".callout { margin: 1em 0; padding: 0.5em 0.8em; border-left: " + rule +
               " solid " + accent.css() + "; background-color: " + see_through(accent, 0.08) +
               "; }\n";
        css += ".callout.warning, .callout.caution { border-left-color: " + warning.css() +
               "; background-color: " + see_through(warning, 0.08) + "; }\n";
        // The label in the text's colour: on the tint, an accent that keeps
        // 4.5:1 on white alone would not.
        css += ".callout-label { font-weight: bold; margin: 0 0 0.3em; }\n";
        css += ".callout > :last-child { margin-bottom: 0; }\n";
    }
    if (features.footnotes) {
        css += ".noteref { text-decoration: none; }\n";
        css += ".footnotes { margin-top: 2em; padding-top: 0.5em; border-top: 0.05em solid "
               "currentColor; font-size: 0.85em; }\n";
        css += ".footnote { margin: 0 0 0.5em; }\n";
        css += ".footnote .backlink { float: left; min-width: 1.5em; text-decoration: none; }\n";
        css += ".footnote p { margin: 0 0 0.3em; }\n";
    }
    if (features.tasks) {
        css += "li.task { list-style: none; }\n";
        css += ".task-box::before { content: \"\\2610\"; margin-right: 0.4em; }\n";
        css += ".task-box.done::before { content: \"\\2611\"; }\n";
    }
    if (features.deleted) css += "del { text-decoration: line-through; }\n";
    return css;
}

}  // namespace

std::string book_stylesheet(const Profile& profile, const std::vector<EmbeddedFont>& fonts,
                            const BookFeatures& features) {
    const double size = profile.text_size;
    // Reading apps swap page and text colours for their dark and sepia
    // themes, often without telling the book (CSS injected with
    // !important on html and body). So the book never sets the text or page
    // colour (profile.text_color is the PDF's), and its accents, taken from
    // the profile, are lightened or darkened where they would not keep
    // 4.5:1 on white and on black alike (a4-handout's blue #1f5c7a: 7.3:1 on
    // white, 2.9:1 on black). Readers that do say they are dark
    // (prefers-color-scheme) get the reader's own text colour, below.
    const std::string heading = reader_theme_accent(profile.heading_color).css();
    const std::string accent = reader_theme_accent(profile.accent_color).css();
    const std::string link = reader_theme_accent(profile.link_color).css();
    const std::string muted = reader_theme_accent(profile.muted_color).css();
    const std::string spacing = em(profile.paragraph_spacing, size);
    const std::string hyphens = profile.hyphenate ? "auto" : "manual";
    const std::string no_hyphens =
        " hyphens: manual; -webkit-hyphens: manual; -epub-hyphens: manual;";

    std::string css = "/* Generated by pamphlet from layout profile '" + profile.id + "'. */\n";
    for (const EmbeddedFont& font : fonts) {
        const FaceInfo& face = face_info(font.slot);
        css += "@font-face { font-family: \"" + std::string(face.family) +
               "\"; font-style: " + (face.italic ? "italic" : "normal") +
               "; font-weight: " + (face.bold ? "bold" : "normal") + "; src: url(\"../" +
               font.href + "\") format(\"" + font.format + "\"); }\n";
    }
    css += font_rule_css();

    // overflow-wrap: a word longer than a phone's line at large text (a
    // German compound, a web address) is broken rather than pushed out
    // sideways, also by readers that have no hyphenation dictionary.
    css += "body { line-height: " + css_number(size > 0 ? profile.text_leading / size : 1.2) +
           "; text-align: " + (profile.text_align == TextAlign::left ? "left" : "justify") +
           "; hyphens: " + hyphens + "; -webkit-hyphens: " + hyphens +
           "; -epub-hyphens: " + hyphens +
           "; overflow-wrap: break-word; word-wrap: break-word; widows: 2; orphans: 2; }\n";
    css += "p { margin: 0 0 " + spacing + "; }\n";
    if (profile.paragraph_indent > 0) {
        css += "p + p { text-indent: " + em(profile.paragraph_indent, size) + "; }\n";
    }
    // Headings hyphenate whatever the profile says of the text: at 200 %
    // on a phone, "Physiotherapie" alone fills a line, and a hyphen reads
    // better than a word cut anywhere.
    css += "h1, h2, h3, h4, h5, h6 { color: " + heading +
           "; line-height: 1.2; text-align: left; hyphens: auto; -webkit-hyphens: auto; "
           "-epub-hyphens: auto; page-break-after: avoid; break-after: avoid; "
           "page-break-inside: avoid; break-inside: avoid; }\n";
    css += "h1 { " + heading_font_size(profile.h1_size, size) + " margin: 0 0 " +
           em(profile.heading_space_after * 2, profile.h1_size) + "; }\n";
    css += "h2 { " + heading_font_size(profile.h2_size, size) +
           " margin: " + em(profile.heading_space_before, profile.h2_size) + " 0 " +
           em(profile.heading_space_after, profile.h2_size) + "; }\n";
    css += "h3 { " + heading_font_size(profile.h3_size, size) +
           " margin: " + em(profile.heading_space_before, profile.h3_size) + " 0 " +
           em(profile.heading_space_after, profile.h3_size) + "; }\n";
    css += "h4, h5, h6 { font-size: 1em; margin: " + em(profile.heading_space_before, size) +
           " 0 " + em(profile.heading_space_after, size) + "; }\n";
    css += ".summary { color: " + muted + "; font-size: 1.1em; text-align: left;" + no_hyphens +
           " }\n";
    css += ".byline { color: " + muted + "; font-size: 0.85em; margin: 0 0 1.5em; }\n";
    css += "a { color: " + link + "; }\n";
    css +=
        "figure { margin: 1em 0; max-width: 100%; text-align: center; page-break-inside: avoid; "
        "break-inside: avoid; }\n";
    css += "img { max-width: 100%; height: auto; }\n";
    css += "figcaption { color: " + muted +
           "; font-size: 0.85em; line-height: 1.3; margin-top: 0.4em; text-align: center;" +
           no_hyphens + " }\n";
    css += "blockquote { margin: 1em 0; padding: 0 0 0 1em; border-left: 0.2em solid " + accent +
           "; }\n";
    css += "hr { border: 0; border-top: 0.08em solid " + accent + "; margin: 1.5em 25%; }\n";
    css += "code { font-size: 0.9em; }\n";
    css += "pre { font-size: 0.85em; line-height: 1.4; white-space: pre-wrap; text-align: left;" +
           no_hyphens + " margin: 0 0 " + spacing + "; }\n";
    css += "pre code { font-size: 1em; }\n";
    css += "ul, ol { margin: 0 0 " + spacing + "; padding-left: 1.5em; }\n";
    css += "li > ul, li > ol { margin-bottom: 0; }\n";
    css += "sup, sub { font-size: 0.75em; line-height: 0; }\n";
    css += ".cover-page { margin: 0; padding: 0; }\n";
    css += ".cover { text-align: center;" + no_hyphens + " }\n";
    // Short enough that the title below it shows on the first screen.
    css += ".cover-image { max-width: 100%; max-height: 70vh; }\n";
    css += ".cover-title { font-size: 2em; line-height: 1.2; margin: 0.5em 0 0.2em; }\n";
    css += ".cover-subtitle { font-size: 1.1em; margin: 0; }\n";
    css += ".title-page { text-align: center; margin-top: 20%;" + no_hyphens + " }\n";
    css += ".title-page h1 { text-align: center; margin-bottom: 0.3em; }\n";
    css += ".subtitle { color: " + muted + "; font-size: 1.2em; margin: 0 0 2em; }\n";
    css += ".logo { display: block; max-width: 40%; margin: 2em auto 1em; }\n";
    css += ".publisher { color: " + heading + "; }\n";
    // The contents: titles in a ragged column (justified, a one-line
    // entry's words would be spread over the line), in the text colour.
    css += "nav { text-align: left; }\n";
    css += "nav ol { list-style: none; margin: 0; padding-left: 0; }\n";
    css += "nav ol ol { padding-left: 1.2em; }\n";
    css += "nav li { margin: 0.4em 0; }\n";
    css += "nav a { color: inherit; text-decoration: none; }\n";
    css += ".colophon { text-align: left;" + no_hyphens + " }\n";
    css += ".colophon p { margin: 0 0 0.4em; }\n";
    css += ".colophon .logo { max-width: 30%; margin: 0 0 1em; }\n";
    css += ".generator { color: " + muted + "; font-size: 0.85em; margin-top: 1.5em; }\n";
    css += feature_css(profile, features);
    // A reader in a dark theme that says so: its text colour for all text
    // (a dark page need not be black, and the accents are only sure of
    // black), links still underlined, rules in the text colour.
    css +=
        "@media (prefers-color-scheme: dark) {\n"
        "  h1, h2, h3, h4, h5, h6, a, .summary, .byline, figcaption, .subtitle, .publisher, "
        ".generator { color: inherit; }\n"
        "  blockquote, hr { border-color: currentColor; }\n"
        "}\n";
    return css;
}

}  // namespace pamphlet::epub
