// The images a document places: each as the collection loader loaded and
// judged it (the verdict the EPUB gets, said there once), listed once in
// LaidOutDocument::images, and sized for the page.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/layout.hpp"
#include "pamphlet/model.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::typeset {

struct UsableImage {
    int index = 0;  // into LaidOutDocument::images
    double pixel_width = 1, pixel_height = 1;
    double dpi_x = 0, dpi_y = 0;  // as the file states them; 0 when it does not
    std::string name;             // file name, for messages
};

class DocumentImages {
public:
    // The image `source` names, or nullopt when it cannot be placed (the
    // caller shows its alt text instead): no file or an unusable one, which
    // the loader reported, or a drawing (SVG), said here at `span`.
    std::optional<UsableImage> use(const ImageSource& source, const SourceSpan& span,
                                   DiagnosticSink& sink);

    std::vector<DocumentImage> take() { return std::move(images_); }

private:
    std::map<std::filesystem::path, int> index_of_;
    std::vector<DocumentImage> images_;
};

// The largest size with the image's proportions inside max_width × max_height.
struct ImageSize {
    double width = 0, height = 0;
};
ImageSize fit_image(const UsableImage& image, double max_width, double max_height);

// What a print shop would complain about, as warnings at `span`: an image
// whose stated size is larger than the page (it is scaled down), and one with
// too few pixels for the size it is printed at (below 150 dpi it looks soft).
void check_print_size(const UsableImage& image, const ImageSize& placed, double page_width,
                      double page_height, const SourceSpan& span, DiagnosticSink& sink);

}  // namespace pamphlet::typeset
