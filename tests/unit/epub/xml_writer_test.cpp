#include "xml_writer.hpp"
#include "pamphlet/base/utf8.hpp"
#include "xhtml.hpp"
#include "xml_chars.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace pamphlet::epub;

namespace {

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document doc;
    pugi::xml_parse_result result = doc.load_string(xml.c_str());
    INFO(xml);
    REQUIRE_MESSAGE(result, result.description());
    return doc;
}

}  // namespace

TEST_CASE("hostile text becomes well-formed XHTML that reads back as the cleaned text") {
    const std::string hostile = std::string("a < b && c > d ]]> \"q\" 'q' <!-- x --> &amp;") +
                                '\x01' + '\x1B' + '\x7F' + "\xC2\x85" + '\0' + "tail \xFF\xC3(" +
                                "\xEF\xBF\xBE end";
    XhtmlPage page = new_xhtml_page("de", hostile, "css/book.css");
    pugi::xml_node p = add_text_element(page.body, "p", hostile);
    set_attribute(p, "title", hostile + "\n\t");
    const std::string xml = serialize_xml(*page.xml, XmlFlavor::xhtml);

    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html", 0) == 0);
    CHECK(xml.find("]]>") == std::string::npos);
    pugi::xml_document back = parse(xml);
    const std::string expected =
        "a < b && c > d ]]> \"q\" 'q' <!-- x --> &amp;tail \uFFFD\uFFFD( end";
    CHECK(std::string(back.select_node("//p").node().text().get()) == expected);
    CHECK(std::string(back.select_node("//p").node().attribute("title").value()) ==
          expected + "\n\t");
    CHECK(std::string(back.select_node("//title").node().text().get()) == expected);
}

TEST_CASE("the serialiser keeps <pre> and inline content exactly, and indents blocks") {
    XhtmlPage page = new_xhtml_page("en", "t", "book.css");
    pugi::xml_node code = add_element(add_element(page.body, "pre"), "code");
    add_text(code, "line 1\n  line 2");
    pugi::xml_node p = add_element(page.body, "p");
    add_text_element(p, "em", "emphasis");
    add_text(p, " text");
    add_element(page.body, "hr");
    add_element(page.body, "div");
    const std::string xml = serialize_xml(*page.xml, XmlFlavor::xhtml);
    CHECK(xml.find("<pre><code>line 1\n  line 2</code></pre>") != std::string::npos);
    CHECK(xml.find("<p><em>emphasis</em> text</p>") != std::string::npos);
    CHECK(xml.find("\n    <hr/>\n") != std::string::npos);
    CHECK(xml.find("<div></div>") != std::string::npos);  // not <div/>, which HTML misreads
    CHECK(xml.find("<meta charset=\"utf-8\"/>") != std::string::npos);
}

TEST_CASE("UTF-8 decoding repairs malformed input") {
    std::u32string decoded;
    pamphlet::utf8::for_each("A\xC3\xA4\xE2\x80\x9E\xF0\x9F\x98\x80\xC0\xAF\xED\xA0\x80",
                             [&](char32_t c) { decoded += c; });
    CHECK(decoded == U"A\u00E4\u201E\U0001F600\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    CHECK(xml_clean("ok\r\n\x0Bz") == "ok\nz");
}

TEST_CASE("text that needs no cleaning is kept whole; cleaning starts where it is needed") {
    CHECK(xml_clean_prefix("Übung „eins“\tand\n") ==
          std::string_view("Übung „eins“\tand\n").size());
    CHECK(xml_clean_prefix("ab\x01"
                           "cd") == 2);
    CHECK(xml_clean_prefix("ab\xC3") == 2);         // cut inside a character
    CHECK(xml_clean_prefix("a\xEF\xBF\xBE") == 1);  // U+FFFE, a noncharacter
    CHECK(xml_clean_prefix("a\x7F") == 1);
    CHECK(xml_clean("Knie\xC3 und\x01 H\xC3\xBC"
                    "fte") == "Knie\uFFFD und H\u00FCfte");
}

TEST_CASE("the serialiser cleans text it is given raw as xml_clean does, escaping as it goes") {
    // Built by other means than add_text: pugixml holds the bytes as given.
    const std::string hostile = std::string("a<b & \"c\" ") + '\x01' + "\x7F \xC2\x85\xFF" +
                                "\xEF\xBF\xBE x\xC3\xA4\t>\n" + "\xE2\x80";
    auto page_with = [](const std::string& text) {
        XhtmlPage page = new_xhtml_page("de", "t", "css/book.css");
        pugi::xml_node p = page.body.append_child("p");
        p.append_child(pugi::node_pcdata).set_value(text.c_str());
        p.append_attribute("title").set_value(text.c_str());
        return serialize_xml(*page.xml, XmlFlavor::xhtml);
    };
    const std::string raw = page_with(hostile);
    CHECK(raw == page_with(xml_clean(hostile)));
    CHECK(raw.find("<p title=\"a&lt;b &amp; &quot;c&quot;  \uFFFD x\u00E4&#9;&gt;&#10;\uFFFD\">"
                   "a&lt;b &amp; \"c\"  \uFFFD x\u00E4\t&gt;\n\uFFFD</p>") != std::string::npos);
    parse(raw);
}

TEST_CASE("a byte that needs escaping or cleaning is found at any place in a run") {
    // Plain runs are passed over eight bytes at a time.
    auto serialised = [](const std::string& text) {
        XhtmlPage page = new_xhtml_page("de", "t", "css/book.css");
        pugi::xml_node p = page.body.append_child("p");
        p.append_child(pugi::node_pcdata).set_value(text.c_str());
        p.append_attribute("title").set_value(text.c_str());
        const std::string xml = serialize_xml(*page.xml, XmlFlavor::xhtml);
        const std::size_t begin = xml.find("<p title=");
        return xml.substr(begin, xml.find("</p>", begin) - begin);
    };
    const std::pair<std::string, std::string> cases[] = {
        {"&", "&amp;"},           {"<", "&lt;"},      {">", "&gt;"},
        {"\"", "&quot;"},         {"\x01", ""},       {"\x7F", ""},
        {"\xC3\xA4", "\xC3\xA4"}, {"\xFF", "\uFFFD"}, {"\xC2\x85", ""}};
    for (const auto& [odd, in_attribute] : cases) {
        for (std::size_t at = 0; at < 18; ++at) {
            const std::string before(at, 'x'), after = "yyyyyyyyy";
            const std::string in_text = odd == "\"" ? odd : in_attribute;
            CHECK(serialised(before + odd + after) ==
                  "<p title=\"" + before + in_attribute + after + "\">" + before + in_text + after);
        }
    }
    for (std::size_t at = 0; at < 18; ++at) {
        const std::string text = std::string(at, 'x') + "\x01";
        CHECK(xml_clean_prefix(text) == at);
        CHECK(xml_clean_prefix(text + "\xC3\xA4") == at);
    }
}
