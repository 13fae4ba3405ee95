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
    CHECK(css.find("h2 { font-size: 1.429em; margin: 0.933em 0 0.333em; }") != std::string::npos);
    CHECK(css.find("p { margin: 0 0 0.571em; }") != std::string::npos);
    CHECK(css.find("text-align: justify; hyphens: auto; -webkit-hyphens: auto; "
                   "-epub-hyphens: auto;") != std::string::npos);
    CHECK(css.find("color: #222222;") != std::string::npos);
    CHECK(css.find("a { color: #1f5c7a; }") != std::string::npos);
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
