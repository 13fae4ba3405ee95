#include "navigation.hpp"

#include "pamphlet/locale.hpp"

#include <algorithm>

namespace pamphlet::epub {

namespace {

void add_toc_list(pugi::xml_node parent, const std::vector<TocEntry>& entries) {
    pugi::xml_node ol = add_element(parent, "ol");
    for (const TocEntry& entry : entries) {
        pugi::xml_node li = add_element(ol, "li");
        set_attribute(add_text_element(li, "a", entry.label), "href", entry.href);
        if (!entry.children.empty()) add_toc_list(li, entry.children);
    }
}

int depth_of(const std::vector<TocEntry>& entries) {
    int depth = 0;
    for (const TocEntry& entry : entries) depth = std::max(depth, 1 + depth_of(entry.children));
    return depth;
}

void add_nav_points(pugi::xml_node parent, const std::vector<TocEntry>& entries, int& order) {
    for (const TocEntry& entry : entries) {
        ++order;
        pugi::xml_node point = add_element(parent, "navPoint");
        set_attribute(point, "id", "navpoint-" + std::to_string(order));
        set_attribute(point, "playOrder", std::to_string(order));
        add_text_element(add_element(point, "navLabel"), "text", entry.label);
        set_attribute(add_element(point, "content"), "src", entry.href);
        add_nav_points(point, entry.children, order);
    }
}

void add_meta(pugi::xml_node head, std::string_view name, const std::string& content) {
    pugi::xml_node meta = add_element(head, "meta");
    set_attribute(meta, "name", name);
    set_attribute(meta, "content", content);
}

}  // namespace

XhtmlPage navigation_document(const std::vector<TocEntry>& toc,
                              const std::vector<Landmark>& landmarks,
                              const std::vector<TocEntry>& pages, const std::string& lang) {
    const Words& words = words_for(lang);
    XhtmlPage page = new_xhtml_page(lang, words.contents, "css/book.css");

    pugi::xml_node nav = add_element(page.body, "nav");
    set_attribute(nav, "epub:type", "toc");
    set_attribute(nav, "id", "toc");
    set_attribute(nav, "role", "doc-toc");
    set_attribute(nav, "aria-labelledby", "toc-title");
    set_attribute(add_text_element(nav, "h1", words.contents), "id", "toc-title");
    add_toc_list(nav, toc);

    if (!landmarks.empty()) {
        pugi::xml_node guide = add_element(page.body, "nav");
        set_attribute(guide, "epub:type", "landmarks");
        set_attribute(guide, "hidden", "hidden");
        add_text_element(guide, "h2", words.landmarks);
        pugi::xml_node ol = add_element(guide, "ol");
        for (const Landmark& landmark : landmarks) {
            pugi::xml_node a = add_element(add_element(ol, "li"), "a");
            set_attribute(a, "epub:type", landmark.type);
            set_attribute(a, "href", landmark.href);
            add_text(a, landmark.label);
        }
    }
    if (!pages.empty()) {
        // Reading systems offer "go to page"; the list itself is not read.
        pugi::xml_node list = add_element(page.body, "nav");
        set_attribute(list, "epub:type", "page-list");
        set_attribute(list, "role", "doc-pagelist");
        set_attribute(list, "hidden", "hidden");
        add_text_element(list, "h2", words.pages);
        add_toc_list(list, pages);
    }
    return page;
}

std::unique_ptr<pugi::xml_document> ncx_document(const std::vector<TocEntry>& toc,
                                                 const std::string& identifier,
                                                 const std::string& title,
                                                 const std::string& lang) {
    auto doc = std::make_unique<pugi::xml_document>();
    pugi::xml_node ncx = add_element(*doc, "ncx");
    set_attribute(ncx, "xmlns", "http://www.daisy.org/z3986/2005/ncx/");
    set_attribute(ncx, "version", "2005-1");
    set_attribute(ncx, "xml:lang", lang);
    pugi::xml_node head = add_element(ncx, "head");
    add_meta(head, "dtb:uid", identifier);
    add_meta(head, "dtb:depth", std::to_string(std::max(1, depth_of(toc))));
    add_meta(head, "dtb:totalPageCount", "0");
    add_meta(head, "dtb:maxPageNumber", "0");
    add_text_element(add_element(ncx, "docTitle"), "text", title);
    int order = 0;
    add_nav_points(add_element(ncx, "navMap"), toc, order);
    return doc;
}

}  // namespace pamphlet::epub
