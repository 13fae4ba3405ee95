#include "stylesheet.hpp"
#include "pamphlet/base/utf8.hpp"

#include "xml_chars.hpp"

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
// already?" without the cost of a std::set insertion per character.
class PageChars {
public:
    void add(std::size_t slot, char32_t c) {
        if (c < bmp_size) {
            std::bitset<bmp_size>& seen = seen_[slot];
            if (seen.test(c)) return;
            seen.set(c);
        }
        fresh_[slot].push_back(c);
    }
    template <typename Chars>
    void add_all(std::size_t slot, const Chars& chars) {
        for (char32_t c : chars) add(slot, c);
    }
    const std::vector<char32_t>& chars(std::size_t slot) const { return fresh_[slot]; }

private:
    static constexpr std::size_t bmp_size = 0x10000;
    std::array<std::bitset<bmp_size>, face_slot_count> seen_{};
    std::array<std::vector<char32_t>, face_slot_count> fresh_;
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
            utf8::for_each(child.value(), [&](char32_t c) {
                if (c >= 0x20 && is_xml_text_char(c)) page.add(slot, c);
            });
        }
    }
}

std::string em(double points, double relative_to) {
    return css_number(relative_to > 0 ? points / relative_to : 0) + "em";
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

}  // namespace

bool is_supplementary_char(char32_t c) {
    return list_marker_chars.find(c) != std::u32string_view::npos ||
           reader_inserted_chars.find(c) != std::u32string_view::npos;
}

const FaceInfo& face_info(FaceSlot slot) {
    return face_table[static_cast<std::size_t>(slot)];
}

void collect_face_usage(const pugi::xml_document& page, FaceUsage& usage) {
    pugi::xml_node body = page.document_element().child("body");
    if (!body) return;
    auto seen = std::make_unique<PageChars>();  // 80 KiB of bits: not on the stack
    collect(body, FaceState{}, *seen);
    for (std::size_t slot = 0; slot < face_slot_count; ++slot) {
        const std::vector<char32_t>& chars = seen->chars(slot);
        if (chars.empty()) continue;
        usage[slot].insert(chars.begin(), chars.end());
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

std::string book_stylesheet(const Profile& profile, const std::vector<EmbeddedFont>& fonts) {
    const double size = profile.text_size;
    const std::string text = profile.text_color.css();
    const std::string heading = profile.heading_color.css();
    const std::string accent = profile.accent_color.css();
    const std::string link = profile.link_color.css();
    const std::string muted = profile.muted_color.css();
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

    css += "body { color: " + text +
           "; line-height: " + css_number(size > 0 ? profile.text_leading / size : 1.2) +
           "; text-align: " + (profile.text_align == TextAlign::left ? "left" : "justify") +
           "; hyphens: " + hyphens + "; -webkit-hyphens: " + hyphens +
           "; -epub-hyphens: " + hyphens + "; widows: 2; orphans: 2; }\n";
    css += "p { margin: 0 0 " + spacing + "; }\n";
    if (profile.paragraph_indent > 0) {
        css += "p + p { text-indent: " + em(profile.paragraph_indent, size) + "; }\n";
    }
    css += "h1, h2, h3, h4, h5, h6 { color: " + heading + "; line-height: 1.2; text-align: left;" +
           no_hyphens +
           " page-break-after: avoid; break-after: avoid; page-break-inside: avoid; "
           "break-inside: avoid; }\n";
    css += "h1 { font-size: " + em(profile.h1_size, size) + "; margin: 0 0 " +
           em(profile.heading_space_after * 2, profile.h1_size) + "; }\n";
    css += "h2 { font-size: " + em(profile.h2_size, size) +
           "; margin: " + em(profile.heading_space_before, profile.h2_size) + " 0 " +
           em(profile.heading_space_after, profile.h2_size) + "; }\n";
    css += "h3 { font-size: " + em(profile.h3_size, size) +
           "; margin: " + em(profile.heading_space_before, profile.h3_size) + " 0 " +
           em(profile.heading_space_after, profile.h3_size) + "; }\n";
    css += "h4, h5, h6 { font-size: 1em; margin: " + em(profile.heading_space_before, size) +
           " 0 " + em(profile.heading_space_after, size) + "; }\n";
    css += ".summary { color: " + muted + "; font-size: 1.1em; text-align: left;" + no_hyphens +
           " }\n";
    css += ".byline { color: " + muted + "; font-size: 0.85em; margin: 0 0 1.5em; }\n";
    css += "a { color: " + link + "; }\n";
    css +=
        "figure { margin: 1em 0; text-align: center; page-break-inside: avoid; "
        "break-inside: avoid; }\n";
    css += "img { max-width: 100%; height: auto; }\n";
    css += "figcaption { color: " + muted +
           "; font-size: 0.85em; line-height: 1.3; margin-top: 0.4em; text-align: center;" +
           no_hyphens + " }\n";
    css += "blockquote { margin: 1em 0; padding: 0 0 0 1em; border-left: 0.2em solid " + accent +
           "; }\n";
    css += "hr { border: 0; border-top: 1px solid " + accent + "; margin: 1.5em 25%; }\n";
    css += "code { font-size: 0.9em; }\n";
    css += "pre { font-size: 0.85em; line-height: 1.4; white-space: pre-wrap; text-align: left;" +
           no_hyphens + " margin: 0 0 " + spacing + "; }\n";
    css += "pre code { font-size: 1em; }\n";
    css += "ul, ol { margin: 0 0 " + spacing + "; padding-left: 1.5em; }\n";
    css += "li > ul, li > ol { margin-bottom: 0; }\n";
    css += "sup, sub { font-size: 0.75em; line-height: 0; }\n";
    css += ".cover-page { margin: 0; padding: 0; }\n";
    css += ".cover { text-align: center; }\n";
    css += ".cover-image { max-width: 100%; max-height: 100vh; }\n";
    css += ".title-page { text-align: center; margin-top: 20%;" + no_hyphens + " }\n";
    css += ".title-page h1 { text-align: center; margin-bottom: 0.3em; }\n";
    css += ".subtitle { color: " + muted + "; font-size: 1.2em; margin: 0 0 2em; }\n";
    css += ".logo { display: block; max-width: 40%; margin: 2em auto 1em; }\n";
    css += ".publisher { color: " + heading + "; }\n";
    css += "nav ol { list-style: none; margin: 0; padding-left: 0; }\n";
    css += "nav ol ol { padding-left: 1.2em; }\n";
    css += "nav li { margin: 0.4em 0; }\n";
    css += "nav a { color: " + text + "; text-decoration: none; }\n";
    css += ".colophon { text-align: left;" + no_hyphens + " }\n";
    css += ".colophon p { margin: 0 0 0.4em; }\n";
    css += ".colophon .logo { max-width: 30%; margin: 0 0 1em; }\n";
    css += ".generator { color: " + muted + "; font-size: 0.85em; margin-top: 1.5em; }\n";
    return css;
}

}  // namespace pamphlet::epub
