// The book's images: each source file judged once (pamphlet/image.hpp, the
// same verdict the PDF gets), packed only when usable, and given a unique
// name in images/. An SVG is packed as the verdict cleaned it.
#pragma once

#include "book.hpp"
#include "names.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/image.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::epub {

class ImageCatalog {
public:
    // Verdicts from `shared` when given, else from a cache of its own.
    explicit ImageCatalog(DecodedImageCache* shared = nullptr);

    // The image's href ("images/knee.png"), or nullopt after saying at
    // `span` why it is not in the book (the caller shows the alt text).
    std::optional<std::string> add(const std::filesystem::path& file, const SourceSpan& span,
                                   DiagnosticSink& sink);
    // Marks an added image as the cover (manifest property cover-image).
    void mark_cover(const std::string& href);

    const std::vector<Resource>& resources() const { return resources_; }

private:
    std::unique_ptr<DecodedImageCache> own_;
    DecodedImageCache* verdicts_ = nullptr;
    std::map<std::filesystem::path, std::string> href_by_file_;
    std::vector<Resource> resources_;
    UniqueNames names_;
};

}  // namespace pamphlet::epub
