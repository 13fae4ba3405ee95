// The book's images: each asset as the collection loader judged it (the
// same verdict the PDF gets, said once, where the image is named), packed
// only when usable, and given a unique name in images/. An SVG is packed as
// the verdict cleaned it.
#pragma once

#include "book.hpp"
#include "names.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/model.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::epub {

class ImageCatalog {
public:
    // The image's href ("images/knee.png"), or nullopt when it is not in the
    // book (the caller shows the alt text): no file, or an unusable one,
    // which the loader has reported.
    std::optional<std::string> add(const ImageSource& source, const SourceSpan& span,
                                   DiagnosticSink& sink);
    // An image made by pamphlet itself (the shelf's cover), named after
    // `stem` without clashing with the collection's images; its href.
    std::string add_generated(const std::string& stem, std::string_view extension,
                              std::string_view media_type, std::string data);
    // Gives a generated image its bytes, or takes it out of the book.
    void fill(const std::string& href, std::string data);
    void drop(const std::string& href);
    // Marks an added image as the cover (manifest property cover-image).
    void mark_cover(const std::string& href);

    const std::vector<Resource>& resources() const { return resources_; }

private:
    std::map<std::filesystem::path, std::string> href_by_file_;
    std::vector<Resource> resources_;
    UniqueNames names_;
};

}  // namespace pamphlet::epub
