// Building XHTML content documents with pugixml: the page skeleton and
// small helpers that keep call sites short.
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <string_view>

namespace pamphlet::epub {

inline constexpr const char* xhtml_namespace = "http://www.w3.org/1999/xhtml";
inline constexpr const char* ops_namespace = "http://www.idpf.org/2007/ops";

struct XhtmlPage {
    std::unique_ptr<pugi::xml_document> xml;
    pugi::xml_node body;
};

// <html> with namespaces and language, <head> with charset, title and the
// book's stylesheet (`stylesheet_href` is relative to the page).
XhtmlPage new_xhtml_page(std::string_view lang, std::string_view title,
                         std::string_view stylesheet_href);

pugi::xml_node add_element(pugi::xml_node parent, std::string_view name);
void set_attribute(pugi::xml_node element, std::string_view name, std::string_view value);
void add_text(pugi::xml_node parent, std::string_view text);
// An element holding just `text`.
pugi::xml_node add_text_element(pugi::xml_node parent, std::string_view name,
                                std::string_view text);

}  // namespace pamphlet::epub
