// The book's images: each source file read once, checked to be a format
// every EPUB reading system supports, and given a unique name in images/.
#pragma once

#include "book.hpp"
#include "names.hpp"
#include "pamphlet/diagnostics.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::epub {

class ImageCatalog {
public:
    // The image's href ("images/knee.png"), or nullopt after reporting why
    // it cannot go into the book (unreadable, unsupported format) at `span`.
    std::optional<std::string> add(const std::filesystem::path& file, const SourceSpan& span,
                                   DiagnosticSink& sink);
    // Marks an added image as the cover (manifest property cover-image).
    void mark_cover(const std::string& href);

    const std::vector<Resource>& resources() const { return resources_; }

private:
    std::map<std::filesystem::path, std::string> href_by_file_;
    std::vector<Resource> resources_;
    UniqueNames names_;
};

}  // namespace pamphlet::epub
