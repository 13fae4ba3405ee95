#include "xhtml.hpp"

#include "xml_chars.hpp"

#include <string>

namespace pamphlet::epub {

pugi::xml_node add_element(pugi::xml_node parent, std::string_view name) {
    return parent.append_child(std::string(name).c_str());
}

namespace {

// `raw` as XML may hold it: itself, nearly always, else a cleaned copy in
// `cleaned`.
std::string_view clean_view(std::string_view raw, std::string& cleaned) {
    if (xml_clean_prefix(raw) == raw.size()) return raw;
    cleaned = xml_clean(raw);
    return cleaned;
}

}  // namespace

void set_attribute(pugi::xml_node element, std::string_view name, std::string_view value) {
    std::string cleaned;
    const std::string_view clean = clean_view(value, cleaned);
    element.append_attribute(std::string(name).c_str()).set_value(clean.data(), clean.size());
}

// Text is cleaned on the way in (a NUL would otherwise cut it short); the
// serialiser cleans again, for trees built by other means.
void add_text(pugi::xml_node parent, std::string_view raw) {
    std::string cleaned;
    const std::string_view text = clean_view(raw, cleaned);
    if (text.empty()) return;
    // Consecutive text pieces are merged so the tree stays tidy.
    pugi::xml_node last = parent.last_child();
    if (last && last.type() == pugi::node_pcdata) {
        std::string joined = last.value();
        joined += text;
        last.set_value(joined.data(), joined.size());
        return;
    }
    parent.append_child(pugi::node_pcdata).set_value(text.data(), text.size());
}

pugi::xml_node add_text_element(pugi::xml_node parent, std::string_view name,
                                std::string_view text) {
    pugi::xml_node element = add_element(parent, name);
    add_text(element, text);
    return element;
}

XhtmlPage new_xhtml_page(std::string_view lang, std::string_view title,
                         std::string_view stylesheet_href) {
    XhtmlPage page{std::make_unique<pugi::xml_document>(), {}};
    pugi::xml_node html = add_element(*page.xml, "html");
    set_attribute(html, "xmlns", xhtml_namespace);
    set_attribute(html, "xmlns:epub", ops_namespace);
    set_attribute(html, "lang", lang);
    set_attribute(html, "xml:lang", lang);
    pugi::xml_node head = add_element(html, "head");
    set_attribute(add_element(head, "meta"), "charset", "utf-8");
    add_text_element(head, "title", title);
    pugi::xml_node link = add_element(head, "link");
    set_attribute(link, "rel", "stylesheet");
    set_attribute(link, "type", "text/css");
    set_attribute(link, "href", stylesheet_href);
    page.body = add_element(html, "body");
    return page;
}

}  // namespace pamphlet::epub
