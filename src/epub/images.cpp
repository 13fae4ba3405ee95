#include "images.hpp"


namespace pamphlet::epub {

ImageCatalog::ImageCatalog(DecodedImageCache* shared)
    : own_(shared == nullptr ? std::make_unique<DecodedImageCache>() : nullptr),
      verdicts_(shared == nullptr ? own_.get() : shared) {}

std::optional<std::string> ImageCatalog::add(const std::filesystem::path& file,
                                             const SourceSpan& span, DiagnosticSink& sink) {
    std::filesystem::path key = file.lexically_normal();
    if (auto known = href_by_file_.find(key); known != href_by_file_.end()) return known->second;

    const std::string name = file.filename().string();
    const std::shared_ptr<const ImageVerdict> verdict = verdicts_->judge(key, PixelNeed::never);
    if (!report_image_verdict(*verdict, name, span, sink)) return std::nullopt;

    Resource resource;
    if (verdict->info.format == ImageInfo::Format::svg) {
        if (!verdict->svg_removed.empty()) {
            sink.warning(span, "svg-sanitised",
                         "image '" + name + "': removed what an e-book must not run or fetch: " +
                             verdict->svg_removed);
        }
        resource.data = verdict->svg;
    } else {
        // The verdict keeps pixels for the PDF, not the file: it is read
        // again when the archive is written.
        resource.file = file;
    }
    std::string stored =
        names_.claim(safe_stem(file.stem().string(), "image"), std::string(verdict->extension()));
    std::string href = "images/" + stored;
    resource.id = "img-" + safe_stem(stored, "image");
    resource.href = href;
    resource.media_type = std::string(verdict->media_type());
    resources_.push_back(std::move(resource));
    href_by_file_.emplace(key, href);
    return href;
}

void ImageCatalog::mark_cover(const std::string& href) {
    for (Resource& resource : resources_) {
        if (resource.href == href) resource.properties = "cover-image";
    }
}

}  // namespace pamphlet::epub
