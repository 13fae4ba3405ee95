// The images a document places: each file probed once, listed once in
// LaidOutDocument::images, and sized for the page.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/layout.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::typeset {

struct UsableImage {
    int index = 0;  // into LaidOutDocument::images
    double pixel_width = 1, pixel_height = 1;
};

class DocumentImages {
public:
    // The image at `file`, or nullopt after a warning at `span` when it
    // cannot be placed (the caller shows its alt text instead).
    std::optional<UsableImage> use(const std::filesystem::path& file, const SourceSpan& span,
                                   DiagnosticSink& sink);

    std::vector<DocumentImage> take() { return std::move(images_); }

private:
    std::map<std::filesystem::path, ImageProbe> probes_;
    std::map<std::filesystem::path, int> index_of_;
    std::vector<DocumentImage> images_;
};

// The largest size with the image's proportions inside max_width × max_height.
struct ImageSize {
    double width = 0, height = 0;
};
ImageSize fit_image(const UsableImage& image, double max_width, double max_height);

}  // namespace pamphlet::typeset
