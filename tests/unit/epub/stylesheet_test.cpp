#include "stylesheet.hpp"
#include "epub/epub_test_support.hpp"
#include "xhtml.hpp"

#include <doctest/doctest.h>

#include <cctype>

using namespace pamphlet;
using namespace pamphlet::epub;

TEST_CASE("CSS numbers are short, rounded and locale-free") {
    CHECK(css_number(22.0 / 10.5) == "2.095");
    CHECK(css_number(1.5) == "1.5");
    CHECK(css_number(2) == "2");
    CHECK(css_number(0.0004) == "0");
    CHECK(css_number(-0.25) == "-0.25");
}

TEST_CASE("the stylesheet expresses the profile in relative units") {
    Profile profile = test::test_profile();
    std::string css =
        book_stylesheet(profile, {{FaceSlot::body_regular, "fonts/body-regular.ttf", "truetype"}});
    CHECK(css.find("line-height: 1.381;") != std::string::npos);  // 14.5pt / 10.5pt
    CHECK(css.find("h1 { font-size: 2.095em;") != std::string::npos);
    CHECK(css.find("h2 { font-size: 1.429em; font-size: clamp(1.15em, 7.143vw, 1.429em); "
                   "margin: 0.933em 0 0.333em; }") != std::string::npos);
    CHECK(css.find("p { margin: 0 0 0.571em; }") != std::string::npos);
    CHECK(css.find("text-align: justify; hyphens: auto; -webkit-hyphens: auto; "
                   "-epub-hyphens: auto;") != std::string::npos);
    CHECK(css.find("#222222") == std::string::npos);  // the text colour is the reader's
    CHECK(css.find("a { color: #2a7ca4; }") != std::string::npos);
    CHECK(css.find("url(\"../fonts/body-regular.ttf\")") != std::string::npos);
    CHECK(css.find("body-italic") == std::string::npos);  // only embedded fonts are declared
    CHECK(css.find("p + p") == std::string::npos);
    for (std::size_t at = css.find("pt"); at != std::string::npos; at = css.find("pt", at + 1)) {
        CHECK_FALSE(std::isdigit(static_cast<unsigned char>(css[at - 1])));  // no absolute sizes
    }

    profile.text_align = TextAlign::left;
    profile.hyphenate = false;
    profile.paragraph_indent = 12;
    css = book_stylesheet(profile, {});
    CHECK(css.find("text-align: left; hyphens: manual;") != std::string::npos);
    CHECK(css.find("p + p { text-indent: 1.143em; }") != std::string::npos);
    CHECK(css.find("@font-face") == std::string::npos);
}

TEST_CASE("each face gets the characters shown in it") {
    XhtmlPage page = new_xhtml_page("de", "Titel", "book.css");
    pugi::xml_node h2 = add_text_element(page.body, "h2", "Ab");
    add_text_element(h2, "em", "c");
    pugi::xml_node p = add_text_element(page.body, "p", "d");
    add_text_element(add_element(p, "strong"), "em", "e");
    add_text_element(p, "code", "f");
    add_text_element(add_element(page.body, "ul"), "li", "g");
    set_attribute(add_text_element(page.body, "p", "h"), "class", "byline");
    set_attribute(add_text_element(page.body, "nav", "z"), "hidden", "hidden");

    FaceUsage usage;
    collect_face_usage(*page.xml, usage);
    auto has = [&](FaceSlot slot, char32_t c) {
        return usage[static_cast<std::size_t>(slot)].count(c) != 0;
    };
    CHECK(has(FaceSlot::heading_bold, U'A'));
    CHECK(has(FaceSlot::heading_bold_italic, U'c'));
    CHECK(has(FaceSlot::body_regular, U'd'));
    CHECK(has(FaceSlot::body_bold_italic, U'e'));
    CHECK(has(FaceSlot::mono_regular, U'f'));
    CHECK(has(FaceSlot::body_regular, U'g'));
    CHECK(has(FaceSlot::body_regular, U'\u2022'));  // list bullet
    CHECK(has(FaceSlot::heading_regular, U'h'));
    CHECK(has(FaceSlot::mono_regular, U'\u2010'));  // hyphen a reader may insert
    CHECK_FALSE(has(FaceSlot::body_regular, U'f'));
    CHECK_FALSE(has(FaceSlot::heading_regular, U'z'));  // hidden
    CHECK_FALSE(has(FaceSlot::body_regular, U'T'));     // <title> is not shown
    CHECK(usage[static_cast<std::size_t>(FaceSlot::body_italic)].empty());
}

TEST_CASE("a page's characters are its own, and only those that show") {
    auto usage_of = [](const std::string& text) {
        XhtmlPage page = new_xhtml_page("de", "Titel", "book.css");
        pugi::xml_node p = page.body.append_child("p");
        // Raw, as pugixml holds it: controls and C1 characters too.
        p.append_child(pugi::node_pcdata).set_value(text.c_str());
        FaceUsage usage;
        collect_face_usage(*page.xml, usage);
        return usage[static_cast<std::size_t>(FaceSlot::body_regular)];
    };
    const auto first = usage_of("Zwölf Übungen\x01\x7F\xC2\x85\t\n");
    CHECK(first.count(U'Z') == 1);
    CHECK(first.count(U'\u00F6') == 1);
    CHECK(first.count(U'\u00DC') == 1);
    for (const char32_t hidden : {U'\x01', U'\x7F', U'\u0085', U'\t', U'\n'})
        CHECK(first.count(hidden) == 0);
    // The next page on the same thread starts afresh.
    const auto second = usage_of("ab");
    CHECK(second.count(U'a') == 1);
    CHECK(second.count(U'Z') == 0);
    CHECK(second.count(U'\u00F6') == 0);
    // A page of nothing that shows needs no face at all.
    CHECK(usage_of("\x01\t").empty());
}

TEST_CASE("contrast ratios follow WCAG 2.2") {
    CHECK(contrast_ratio(test::rgb(0, 0, 0), test::rgb(255, 255, 255)) == doctest::Approx(21));
    CHECK(contrast_ratio(test::rgb(255, 255, 255), test::rgb(0, 0, 0)) == doctest::Approx(21));
    CHECK(contrast_ratio(test::rgb(0x77, 0x77, 0x77), test::rgb(255, 255, 255)) ==
          doctest::Approx(4.48).epsilon(0.002));
    CHECK(contrast_ratio(test::rgb(0x1f, 0x5c, 0x7a), test::rgb(255, 255, 255)) ==
          doctest::Approx(7.31).epsilon(0.002));
    CHECK(contrast_ratio(test::rgb(0x1f, 0x5c, 0x7a), test::rgb(0, 0, 0)) ==
          doctest::Approx(2.87).epsilon(0.002));
    Color cmyk_black;
    cmyk_black.space = Color::Space::cmyk;
    cmyk_black.v[3] = 1;
    CHECK(contrast_ratio(cmyk_black, test::rgb(255, 255, 255)) == doctest::Approx(21));
}

namespace {

bool readable_on_white_and_black(const Color& color) {
    return contrast_ratio(color, test::rgb(255, 255, 255)) >= minimum_text_contrast &&
           contrast_ratio(color, test::rgb(0, 0, 0)) >= minimum_text_contrast;
}

}  // namespace

TEST_CASE("accents keep 4.5:1 on a white and on a black page, close to the profile's colour") {
    // The shipped profiles' accents (layouts/*.yaml): none holds on black.
    CHECK(reader_theme_accent(test::rgb(0x1f, 0x5c, 0x7a)).css() == "#2a7ca4");
    CHECK(reader_theme_accent(test::rgb(0x5a, 0x67, 0x70)).css() == "#687781");
    CHECK(reader_theme_accent(test::rgb(0x12, 0x3f, 0x56)).css() == "#237ca9");
    CHECK(reader_theme_accent(test::rgb(0x3d, 0x47, 0x4e)).css() == "#667782");
    // A colour that holds already is kept.
    CHECK(reader_theme_accent(test::rgb(0x76, 0x76, 0x76)).css() == "#767676");
    // Every colour of a 16-step grid, from black and white to pure hues.
    for (int r = 0; r < 256; r += 17) {
        for (int g = 0; g < 256; g += 17) {
            for (int b = 0; b < 256; b += 17) {
                Color accent = reader_theme_accent(test::rgb(r, g, b));
                CAPTURE(test::rgb(r, g, b).css());
                CAPTURE(accent.css());
                CHECK(readable_on_white_and_black(accent));
            }
        }
    }
}

TEST_CASE("the stylesheet leaves text and page colours to reader themes") {
    Profile profile = test::test_profile();
    profile.heading_color = test::rgb(0x12, 0x3f, 0x56);
    profile.muted_color = test::rgb(0x3d, 0x47, 0x4e);
    std::string css = book_stylesheet(profile, {});
    INFO(css);
    CHECK(css.find("background") == std::string::npos);
    CHECK(css.find("body { line-height") != std::string::npos);  // no colour on body
    // Every colour written keeps 4.5:1 on white and on black.
    for (std::size_t at = css.find('#'); at != std::string::npos; at = css.find('#', at + 1)) {
        std::string hex = css.substr(at + 1, 6);
        CAPTURE(hex);
        REQUIRE(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
        Color color = test::rgb(std::stoi(hex.substr(0, 2), nullptr, 16),
                                std::stoi(hex.substr(2, 2), nullptr, 16),
                                std::stoi(hex.substr(4, 2), nullptr, 16));
        CHECK(readable_on_white_and_black(color));
    }
    // A reader that says it is dark: its own text colour everywhere.
    const std::size_t dark = css.find("@media (prefers-color-scheme: dark) {");
    REQUIRE(dark != std::string::npos);
    for (std::string_view selector :
         {"h1", "a,", ".summary", ".byline", "figcaption", ".subtitle", ".generator"}) {
        CAPTURE(selector);
        CHECK(css.find(selector, dark) < css.find("{ color: inherit; }", dark));
    }
    CHECK(css.find("nav { text-align: left; }") != std::string::npos);
    CHECK(css.find("nav a { color: inherit;") != std::string::npos);
    // Headings wrap and hyphenate even when the text does not; long words
    // anywhere break rather than overflow.
    profile.hyphenate = false;
    css = book_stylesheet(profile, {});
    CHECK(css.find("h1, h2, h3, h4, h5, h6 { color: #237ca9; line-height: 1.2; text-align: left; "
                   "hyphens: auto;") != std::string::npos);
    CHECK(css.find("hyphens: manual; -webkit-hyphens: manual; -epub-hyphens: manual; "
                   "overflow-wrap: break-word;") != std::string::npos);
    CHECK(css.find("px") == std::string::npos);  // no absolute sizes
    CHECK(css.find("figure { margin: 1em 0; max-width: 100%;") != std::string::npos);
    CHECK(css.find("img { max-width: 100%;") != std::string::npos);
}
