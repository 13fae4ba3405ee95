#include "images.hpp"

namespace pamphlet::epub {

std::optional<std::string> ImageCatalog::add(const ImageSource& source, const SourceSpan& span,
                                             DiagnosticSink& sink) {
    const ImageAsset* asset = source.asset.get();
    if (asset == nullptr || !asset->usable()) return std::nullopt;
    if (auto known = href_by_file_.find(asset->file()); known != href_by_file_.end())
        return known->second;

    const std::string name = asset->name();
    const ImageVerdict& verdict = asset->verdict();
    Resource resource;
    if (verdict.info.format == ImageInfo::Format::svg) {
        if (!verdict.svg_removed.empty()) {
            sink.warning(span, "svg-sanitised",
                         "image '" + name + "': removed what an e-book must not run or fetch: " +
                             verdict.svg_removed);
        }
        resource.data = verdict.svg;
    } else {
        resource.image = source.asset;  // its bytes are taken when the archive is written
    }
    std::string stored = names_.claim(safe_stem(asset->file().stem().string(), "image"),
                                      std::string(verdict.extension()));
    std::string href = "images/" + stored;
    resource.id = "img-" + safe_stem(stored, "image");
    resource.href = href;
    resource.media_type = std::string(verdict.media_type());
    resources_.push_back(std::move(resource));
    href_by_file_.emplace(asset->file(), href);
    return href;
}

std::string ImageCatalog::add_generated(const std::string& stem, std::string_view extension,
                                        std::string_view media_type, std::string data) {
    Resource resource;
    const std::string stored = names_.claim(safe_stem(stem, "image"), std::string(extension));
    resource.id = "img-" + safe_stem(stored, "image");
    resource.href = "images/" + stored;
    resource.media_type = std::string(media_type);
    resource.data = std::move(data);
    resources_.push_back(std::move(resource));
    return resources_.back().href;
}

void ImageCatalog::fill(const std::string& href, std::string data) {
    for (Resource& resource : resources_) {
        if (resource.href == href) resource.data = std::move(data);
    }
}

void ImageCatalog::drop(const std::string& href) {
    std::erase_if(resources_, [&](const Resource& resource) { return resource.href == href; });
}

void ImageCatalog::mark_cover(const std::string& href) {
    for (Resource& resource : resources_) {
        if (resource.href == href) resource.properties = "cover-image";
    }
}

}  // namespace pamphlet::epub
