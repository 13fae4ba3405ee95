// The pages around the articles: cover, title page and colophon (the
// clinic's contact details, rights, date and the generator).
#include "pages.hpp"

#include "pamphlet/locale.hpp"

namespace pamphlet::epub {

namespace {

std::string stylesheet_href() {
    return std::string(page_to_root) + "css/book.css";
}

void add_image(pugi::xml_node parent, const std::string& href, const std::string& alt,
               std::string_view css_class) {
    pugi::xml_node img = add_element(parent, "img");
    set_attribute(img, "class", css_class);
    set_attribute(img, "src", std::string(page_to_root) + href);
    set_attribute(img, "alt", alt);
    if (alt.empty()) set_attribute(img, "role", "presentation");
}

void add_labelled_link(pugi::xml_node parent, std::string_view label, const std::string& href,
                       std::string_view text) {
    pugi::xml_node p = add_element(parent, "p");
    add_text(p, std::string(label) + ": ");
    set_attribute(add_text_element(p, "a", text), "href", href);
}

}  // namespace

// The illustration with the title and subtitle under it as text: the
// reader's own font size, theme and search apply to it, and a screen reader
// reads it once, as words. (Shelves show the drawn cover, the manifest's
// cover-image, where only a picture can carry the title.)
XhtmlPage cover_page(const std::string& image_href, PageContext& context) {
    const Edition& edition = context.edition;
    XhtmlPage page =
        new_xhtml_page(edition.lang, words_for(edition.lang).cover_image, stylesheet_href());
    set_attribute(page.body, "class", "cover-page");
    pugi::xml_node section = add_element(page.body, "section");
    set_attribute(section, "epub:type", "cover");
    set_attribute(section, "class", "cover");
    // Decorative beside the text that follows (an alt text repeating the
    // title would be read twice).
    add_image(section, image_href, "", "cover-image");
    set_attribute(add_text_element(section, "p", context.info.title), "class", "cover-title");
    const std::string& subtitle = context.info.subtitle;
    if (!subtitle.empty()) {
        set_attribute(add_text_element(section, "p", subtitle), "class", "cover-subtitle");
    }
    return page;
}

XhtmlPage title_page(const std::optional<std::string>& logo_href, PageContext& context) {
    const Edition& edition = context.edition;
    const std::string& title = context.info.title;
    XhtmlPage page = new_xhtml_page(edition.lang, title, stylesheet_href());
    pugi::xml_node section = add_element(page.body, "section");
    set_attribute(section, "epub:type", "titlepage");
    set_attribute(section, "class", "title-page");
    set_attribute(section, "aria-label", words_for(edition.lang).title_page);
    add_text_element(section, "h1", title);
    const std::string& subtitle = context.info.subtitle;
    if (!subtitle.empty())
        set_attribute(add_text_element(section, "p", subtitle), "class", "subtitle");
    const Publisher& publisher = context.collection.publisher;
    if (logo_href) add_image(section, *logo_href, publisher.name, "logo");
    if (!publisher.name.empty()) {
        set_attribute(add_text_element(section, "p", publisher.name), "class", "publisher");
    }
    return page;
}

XhtmlPage colophon_page(const std::optional<std::string>& logo_href, const std::string& generator,
                        PageContext& context) {
    const std::string& lang = context.edition.lang;
    const Words& words = words_for(lang);
    const Collection& collection = context.collection;
    const Publisher& publisher = collection.publisher;

    XhtmlPage page = new_xhtml_page(lang, words.colophon, stylesheet_href());
    pugi::xml_node section = add_element(page.body, "section");
    set_attribute(section, "epub:type", "colophon");
    set_attribute(section, "role", "doc-colophon");
    set_attribute(section, "class", "colophon");
    set_attribute(section, "aria-labelledby", "colophon-title");
    set_attribute(add_text_element(section, "h1", words.colophon), "id", "colophon-title");

    if (logo_href) add_image(section, *logo_href, publisher.name, "logo");
    if (!publisher.name.empty()) {
        set_attribute(add_text_element(section, "p", publisher.name), "class", "publisher");
    }
    if (!publisher.address.empty()) {
        pugi::xml_node address = add_element(section, "p");
        set_attribute(address, "class", "address");
        std::string_view rest = publisher.address;
        while (true) {
            std::size_t end = rest.find('\n');
            add_text(address, rest.substr(0, end));
            if (end == std::string_view::npos) break;
            rest.remove_prefix(end + 1);
            if (rest.empty()) break;
            add_element(address, "br");
        }
    }
    if (!publisher.phone.empty()) {
        add_labelled_link(section, words.phone, tel_uri(publisher.phone), publisher.phone);
    }
    if (!publisher.email.empty()) {
        add_labelled_link(section, words.email, "mailto:" + publisher.email, publisher.email);
    }
    if (!publisher.website.empty()) {
        add_labelled_link(section, words.website, web_uri(publisher.website), publisher.website);
    }
    const std::string& rights = context.info.rights;
    if (!rights.empty()) set_attribute(add_text_element(section, "p", rights), "class", "rights");
    if (const std::string& published = context.info.date; !published.empty()) {
        pugi::xml_node date = add_element(section, "p");
        add_text(date, std::string(words.published) + ": ");
        set_attribute(add_text_element(date, "time", human_date(published, lang)), "datetime",
                      published);
    }
    if (!generator.empty()) {
        pugi::xml_node made =
            add_text_element(section, "p", std::string(words.made_with) + " " + generator);
        set_attribute(made, "class", "generator");
    }
    return page;
}

}  // namespace pamphlet::epub
