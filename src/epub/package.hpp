// The package document (package.opf): metadata, manifest, spine.
#pragma once

#include "book.hpp"

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <vector>

namespace pamphlet::epub {

struct PackageMetadata {
    std::string identifier;
    std::string title;
    std::string subtitle;
    std::string lang;
    std::vector<std::string> creators;
    std::string publisher;
    std::string rights;
    std::string date;  // W3C date, or empty
    std::vector<std::string> subjects;
    std::string modified;  // "2024-03-01T12:00:00Z"
    std::string generator;
    bool has_images = false;
    bool has_embedded_fonts = false;
    std::string cover_image_id;  // manifest id, or empty
    // The print edition the book's page-break markers and page list come
    // from ("Title (A4 handout)"); empty: the book has none.
    std::string page_break_source;
    // The conformance claim (EPUB Accessibility 1.1, WCAG 2.2 AA), made only
    // when the book's own checks hold, and who stands for the evaluation.
    bool conforms = false;
    std::string certified_by;
    std::string certifier_credential;
};

// What dcterms:conformsTo says of a book that meets EPUB Accessibility 1.1
// at WCAG 2.2 level AA.
inline constexpr std::string_view wcag_conformance = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

// Manifest in the order given (documents after resources), spine = the
// documents marked in_spine, in order.
std::unique_ptr<pugi::xml_document> package_document(
    const PackageMetadata& metadata, const std::vector<const Resource*>& resources,
    const std::vector<const ContentDocument*>& documents, const std::string& ncx_id);

// META-INF/container.xml pointing at EPUB/package.opf.
std::unique_ptr<pugi::xml_document> container_document();

}  // namespace pamphlet::epub
