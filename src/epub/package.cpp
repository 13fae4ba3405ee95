#include "package.hpp"

#include "xhtml.hpp"

#include "pamphlet/locale.hpp"

namespace pamphlet::epub {

namespace {

constexpr const char* identifier_id = "pub-id";

pugi::xml_node add_meta(pugi::xml_node metadata, std::string_view property,
                        std::string_view value) {
    pugi::xml_node meta = add_text_element(metadata, "meta", value);
    set_attribute(meta, "property", property);
    return meta;
}

void add_titles(pugi::xml_node metadata, const PackageMetadata& m) {
    pugi::xml_node title = add_text_element(metadata, "dc:title", m.title);
    if (m.subtitle.empty()) return;
    // With a second dc:title, readers need to be told which one is main.
    set_attribute(title, "id", "title-main");
    set_attribute(add_meta(metadata, "title-type", "main"), "refines", "#title-main");
    set_attribute(add_text_element(metadata, "dc:title", m.subtitle), "id", "title-sub");
    set_attribute(add_meta(metadata, "title-type", "subtitle"), "refines", "#title-sub");
}

void add_accessibility(pugi::xml_node metadata, const PackageMetadata& m) {
    add_meta(metadata, "schema:accessMode", "textual");
    if (m.has_images) add_meta(metadata, "schema:accessMode", "visual");
    add_meta(metadata, "schema:accessModeSufficient", "textual");
    for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder"}) {
        add_meta(metadata, "schema:accessibilityFeature", feature);
    }
    if (m.has_images) add_meta(metadata, "schema:accessibilityFeature", "alternativeText");
    if (!m.page_break_source.empty()) {
        add_meta(metadata, "schema:accessibilityFeature", "pageBreakMarkers");
        add_meta(metadata, "schema:accessibilityFeature", "pageNavigation");
    }
    add_meta(metadata, "schema:accessibilityHazard", "none");
    add_meta(metadata, "schema:accessibilitySummary", words_for(m.lang).accessibility_summary);
    if (!m.conforms) return;
    add_meta(metadata, "dcterms:conformsTo", wcag_conformance);
    pugi::xml_node certifier = add_meta(metadata, "a11y:certifiedBy", m.certified_by);
    if (m.certifier_credential.empty()) return;
    set_attribute(certifier, "id", "certifier");
    set_attribute(add_meta(metadata, "a11y:certifierCredential", m.certifier_credential),
                  "refines", "#certifier");
}

void add_item(pugi::xml_node manifest, const std::string& id, const std::string& href,
              const std::string& media_type, const std::string& properties) {
    pugi::xml_node item = add_element(manifest, "item");
    set_attribute(item, "id", id);
    set_attribute(item, "href", href);
    set_attribute(item, "media-type", media_type);
    if (!properties.empty()) set_attribute(item, "properties", properties);
}

}  // namespace

std::unique_ptr<pugi::xml_document> package_document(
    const PackageMetadata& m, const std::vector<const Resource*>& resources,
    const std::vector<const ContentDocument*>& documents, const std::string& ncx_id) {
    auto doc = std::make_unique<pugi::xml_document>();
    pugi::xml_node package = add_element(*doc, "package");
    set_attribute(package, "xmlns", "http://www.idpf.org/2007/opf");
    set_attribute(package, "version", "3.0");
    set_attribute(package, "unique-identifier", identifier_id);
    set_attribute(package, "xml:lang", m.lang);
    if (m.has_embedded_fonts) {
        set_attribute(package, "prefix",
                      "ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/"
                      "vocabulary-extensions-1.0/");
    }

    pugi::xml_node metadata = add_element(package, "metadata");
    set_attribute(metadata, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    set_attribute(add_text_element(metadata, "dc:identifier", m.identifier), "id", identifier_id);
    add_titles(metadata, m);
    add_text_element(metadata, "dc:language", m.lang);
    for (const std::string& creator : m.creators) add_text_element(metadata, "dc:creator", creator);
    if (!m.publisher.empty()) add_text_element(metadata, "dc:publisher", m.publisher);
    if (!m.rights.empty()) add_text_element(metadata, "dc:rights", m.rights);
    if (!m.date.empty()) add_text_element(metadata, "dc:date", m.date);
    for (const std::string& subject : m.subjects) add_text_element(metadata, "dc:subject", subject);
    // The print edition the page list follows: dc:source, as EPUB 3.3 and
    // DAISY Ace ask. EPUB Accessibility 1.1's a11y:pageBreakSource says the
    // same, but epubcheck 4.2.6 does not know the property (OPF-027).
    // "source-of: pagination" says it is the pages' source (EPUB 3.2).
    if (!m.page_break_source.empty()) {
        set_attribute(add_text_element(metadata, "dc:source", m.page_break_source), "id",
                      "pagination-source");
        set_attribute(add_meta(metadata, "source-of", "pagination"), "refines",
                      "#pagination-source");
    }
    add_meta(metadata, "dcterms:modified", m.modified);
    add_accessibility(metadata, m);
    // Apple Books ignores embedded fonts unless told the book specifies them.
    if (m.has_embedded_fonts) add_meta(metadata, "ibooks:specified-fonts", "true");
    if (!m.cover_image_id.empty()) {
        // EPUB 2 readers find the cover image through this.
        pugi::xml_node cover = add_element(metadata, "meta");
        set_attribute(cover, "name", "cover");
        set_attribute(cover, "content", m.cover_image_id);
    }
    if (!m.generator.empty()) {
        pugi::xml_node generator = add_element(metadata, "meta");
        set_attribute(generator, "name", "generator");
        set_attribute(generator, "content", m.generator);
    }

    pugi::xml_node manifest = add_element(package, "manifest");
    for (const ContentDocument* document : documents) {
        if (document->properties == "nav") {
            add_item(manifest, document->id, document->href, "application/xhtml+xml", "nav");
        }
    }
    for (const Resource* resource : resources) {
        add_item(manifest, resource->id, resource->href, resource->media_type,
                 resource->properties);
    }
    for (const ContentDocument* document : documents) {
        if (document->properties != "nav") {
            add_item(manifest, document->id, document->href, "application/xhtml+xml",
                     document->properties);
        }
    }

    pugi::xml_node spine = add_element(package, "spine");
    set_attribute(spine, "toc", ncx_id);
    for (const ContentDocument* document : documents) {
        if (!document->in_spine) continue;
        set_attribute(add_element(spine, "itemref"), "idref", document->id);
    }
    return doc;
}

std::unique_ptr<pugi::xml_document> container_document() {
    auto doc = std::make_unique<pugi::xml_document>();
    pugi::xml_node container = add_element(*doc, "container");
    set_attribute(container, "version", "1.0");
    set_attribute(container, "xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
    pugi::xml_node rootfile = add_element(add_element(container, "rootfiles"), "rootfile");
    set_attribute(rootfile, "full-path", "EPUB/package.opf");
    set_attribute(rootfile, "media-type", "application/oebps-package+xml");
    return doc;
}

}  // namespace pamphlet::epub
