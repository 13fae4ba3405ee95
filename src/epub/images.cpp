#include "images.hpp"

#include "media.hpp"

#include <fstream>
#include <iterator>

namespace pamphlet::epub {

namespace {

std::optional<std::string> read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return std::nullopt;
    return data;
}

}  // namespace

std::optional<std::string> ImageCatalog::add(const std::filesystem::path& file,
                                             const SourceSpan& span, DiagnosticSink& sink) {
    std::filesystem::path key = file.lexically_normal();
    if (auto known = href_by_file_.find(key); known != href_by_file_.end()) return known->second;

    std::optional<std::string> data = read_file(file);
    if (!data) {
        sink.error(span, "image-unreadable", "cannot read image '" + file.string() + "'");
        return std::nullopt;
    }
    std::optional<ImageFormat> format = sniff_image_format(*data);
    if (!format) {
        sink.error(span, "unsupported-image-format",
                   "unsupported image format in '" + file.filename().string() +
                       "'; EPUB readers support PNG, JPEG, GIF and SVG");
        return std::nullopt;
    }
    std::string name = names_.claim(safe_stem(file.stem().string(), "image"), format->extension);
    std::string href = "images/" + name;
    Resource resource;
    resource.id = "img-" + safe_stem(name, "image");
    resource.href = href;
    resource.media_type = std::string(format->media_type);
    resource.data = std::move(*data);
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
