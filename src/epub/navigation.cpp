#include "navigation.hpp"

#include "xml_writer.hpp"

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

// The lists of both navigation documents. An <li> holds an <a>, inline
// content, so its children share its line.
void stream_toc_item(XmlStream& xml, const TocEntry& entry);
void stream_toc_list(XmlStream& xml, const TocEntries& entries) {
    xml.open("ol", {}, true);
    entries([&](const TocEntry& entry) { stream_toc_item(xml, entry); });
    xml.close();
}
void stream_toc_item(XmlStream& xml, const TocEntry& entry) {
    xml.open("li");
    xml.text_element("a", {{"href", entry.href}}, entry.label);
    if (!entry.children.empty()) stream_toc_list(xml, entries_of(entry.children));
    xml.close();
}

void stream_nav_point(XmlStream& xml, const TocEntry& entry, int& order) {
    ++order;
    const std::string number = std::to_string(order);
    const std::string id = "navpoint-" + number;
    xml.open("navPoint", {{"id", id}, {"playOrder", number}}, true);
    xml.open("navLabel", {}, true);
    xml.text_element("text", {}, entry.label);
    xml.close();
    xml.open("content", {{"src", entry.href}});
    xml.close();
    for (const TocEntry& child : entry.children) stream_nav_point(xml, child, order);
    xml.close();
}

// Appends the labels of `entry` and those below it to labels[depth] and on,
// in reading order.
void collect_labels(const TocEntry& entry, std::size_t depth, std::vector<std::string>& labels) {
    if (labels.size() <= depth) labels.resize(depth + 1);
    labels[depth] += entry.label;
    for (const TocEntry& child : entry.children) collect_labels(child, depth + 1, labels);
}

}  // namespace

TocEntries entries_of(const std::vector<TocEntry>& toc) {
    return [&toc](const std::function<void(const TocEntry&)>& take) {
        for (const TocEntry& entry : toc) take(entry);
    };
}

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

std::string navigation_text(const TocEntries& toc, const std::vector<Landmark>& landmarks,
                            const std::vector<TocEntry>& pages, const std::string& lang) {
    const Words& words = words_for(lang);
    XmlStream xml(XmlFlavor::xhtml);
    xml.open("html",
             {{"xmlns", xhtml_namespace},
              {"xmlns:epub", ops_namespace},
              {"lang", lang},
              {"xml:lang", lang}},
             true);
    xml.open("head", {}, true);
    xml.open("meta", {{"charset", "utf-8"}});
    xml.close();
    xml.text_element("title", {}, words.contents);
    xml.open("link", {{"rel", "stylesheet"}, {"type", "text/css"}, {"href", "css/book.css"}});
    xml.close();
    xml.close();
    xml.open("body", {}, true);
    xml.open("nav",
             {{"epub:type", "toc"},
              {"id", "toc"},
              {"role", "doc-toc"},
              {"aria-labelledby", "toc-title"}},
             true);
    xml.text_element("h1", {{"id", "toc-title"}}, words.contents);
    stream_toc_list(xml, toc);
    xml.close();
    if (!landmarks.empty()) {
        xml.open("nav", {{"epub:type", "landmarks"}, {"hidden", "hidden"}}, true);
        xml.text_element("h2", {}, words.landmarks);
        xml.open("ol", {}, true);
        for (const Landmark& landmark : landmarks) {
            xml.open("li");
            xml.text_element("a", {{"epub:type", landmark.type}, {"href", landmark.href}},
                             landmark.label);
            xml.close();
        }
        xml.close();
        xml.close();
    }
    if (!pages.empty()) {
        xml.open("nav",
                 {{"epub:type", "page-list"}, {"role", "doc-pagelist"}, {"hidden", "hidden"}},
                 true);
        xml.text_element("h2", {}, words.pages);
        stream_toc_list(xml, entries_of(pages));
        xml.close();
    }
    xml.close();
    xml.close();
    return xml.finish();
}

XhtmlPage navigation_sample(const TocEntries& toc, const std::string& lang) {
    // Per depth, one entry holding every label at that depth.
    std::vector<std::string> labels;
    toc([&](const TocEntry& entry) { collect_labels(entry, 0, labels); });
    std::vector<TocEntry> sample;
    std::vector<TocEntry>* level = &sample;
    for (std::string& label : labels) {
        TocEntry& merged = level->emplace_back();
        merged.label = std::move(label);
        level = &merged.children;
    }
    return navigation_document(sample, {}, {}, lang);
}

std::string ncx_text(const TocEntries& toc, const std::string& identifier, const std::string& title,
                     const std::string& lang) {
    XmlStream xml(XmlFlavor::xml);
    xml.open("ncx",
             {{"xmlns", "http://www.daisy.org/z3986/2005/ncx/"},
              {"version", "2005-1"},
              {"xml:lang", lang}},
             true);
    xml.open("head", {}, true);
    int deepest = 1;
    toc([&](const TocEntry& entry) { deepest = std::max(deepest, 1 + depth_of(entry.children)); });
    const std::string depth = std::to_string(deepest);
    for (const auto& [name, content] :
         {std::pair<std::string_view, std::string_view>{"dtb:uid", identifier},
          {"dtb:depth", depth},
          {"dtb:totalPageCount", "0"},
          {"dtb:maxPageNumber", "0"}}) {
        xml.open("meta", {{"name", name}, {"content", content}});
        xml.close();
    }
    xml.close();
    xml.open("docTitle", {}, true);
    xml.text_element("text", {}, title);
    xml.close();
    xml.open("navMap", {}, true);
    int order = 0;
    toc([&](const TocEntry& entry) { stream_nav_point(xml, entry, order); });
    xml.close();
    xml.close();
    return xml.finish();
}

}  // namespace pamphlet::epub
