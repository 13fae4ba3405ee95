// judge_image: one file read, one format detector, one verdict.
#include "image_formats.hpp"

#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/diagnostics.hpp"

namespace pamphlet {

namespace image_detail {

namespace {

bool starts_with_bytes(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

// An SVG file is XML whose root element is <svg>: skip a BOM, whitespace,
// the XML declaration, comments and a doctype, then expect "<svg".
bool looks_like_svg(std::string_view bytes) {
    std::string_view rest = bytes.substr(0, 4096);
    if (starts_with_bytes(rest, "\xEF\xBB\xBF")) rest.remove_prefix(3);
    while (true) {
        std::size_t start = rest.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos) return false;
        rest.remove_prefix(start);
        if (starts_with_bytes(rest, "<svg")) return true;
        std::string_view close;
        if (starts_with_bytes(rest, "<?")) {
            close = "?>";
        } else if (starts_with_bytes(rest, "<!--")) {
            close = "-->";
        } else if (starts_with_bytes(rest, "<!")) {
            close = ">";
        } else {
            return false;
        }
        std::size_t end = rest.find(close);
        if (end == std::string_view::npos) return false;
        rest.remove_prefix(end + close.size());
    }
}

}  // namespace

std::string thousands(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return digits;
}

Format detect_format(std::string_view bytes) {
    if (starts_with_bytes(bytes, "\x89PNG\r\n\x1A\n")) return Format::png;
    if (starts_with_bytes(bytes, "\xFF\xD8\xFF")) return Format::jpeg;
    if (starts_with_bytes(bytes, "GIF87a") || starts_with_bytes(bytes, "GIF89a")) {
        return Format::gif;
    }
    if (bytes.size() >= 12 && starts_with_bytes(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") {
        return Format::webp;
    }
    if (looks_like_svg(bytes)) return Format::svg;
    return Format::unknown;
}

ImageVerdict unusable(std::string problem) {
    ImageVerdict verdict;
    verdict.status = ImageVerdict::Status::unusable;
    verdict.problem = std::move(problem);
    return verdict;
}

ImageVerdict over_limit(std::string problem) {
    ImageVerdict verdict;
    verdict.status = ImageVerdict::Status::over_limit;
    verdict.problem = std::move(problem);
    return verdict;
}

std::optional<ImageVerdict> check_dimensions(std::uint64_t width, std::uint64_t height) {
    const std::string size = thousands(width) + " × " + thousands(height) + " pixels";
    if (width > limits::image_side || height > limits::image_side) {
        return over_limit("is " + size + "; pamphlet takes at most " +
                          thousands(limits::image_side) + " pixels a side");
    }
    if (width * height > limits::image_pixels) {
        return over_limit("is " + size + " (" + thousands(width * height / 1'000'000) +
                          " megapixels); pamphlet takes at most " +
                          thousands(limits::image_pixels / 1'000'000) + " megapixels");
    }
    return std::nullopt;
}

}  // namespace image_detail

std::string_view ImageVerdict::media_type() const {
    switch (info.format) {
        case ImageInfo::Format::png:
            return "image/png";
        case ImageInfo::Format::jpeg:
            return "image/jpeg";
        case ImageInfo::Format::gif:
            return "image/gif";
        case ImageInfo::Format::svg:
            return "image/svg+xml";
    }
    return "application/octet-stream";
}

std::string_view ImageVerdict::extension() const {
    switch (info.format) {
        case ImageInfo::Format::png:
            return ".png";
        case ImageInfo::Format::jpeg:
            return ".jpg";
        case ImageInfo::Format::gif:
            return ".gif";
        case ImageInfo::Format::svg:
            return ".svg";
    }
    return ".bin";
}

ImageVerdict judge_image_bytes(std::string bytes, PixelNeed pixels) {
    using namespace image_detail;
    switch (detect_format(bytes)) {
        case Format::png:
            return judge_png(bytes, pixels);
        case Format::jpeg:
            return judge_jpeg(std::move(bytes));
        case Format::gif:
            return judge_gif(bytes);
        case Format::svg:
            return judge_svg(bytes);
        case Format::webp:
            return unusable(
                "WebP is not a format every e-book reader shows; save it as PNG or JPEG");
        case Format::unknown:
            break;
    }
    return unusable("not an image in a format pamphlet takes: PNG, JPEG, GIF or SVG");
}

ImageVerdict judge_image(const std::filesystem::path& file, PixelNeed pixels) {
    FileRead read = read_file_limited(file, limits::image_file_bytes);
    if (read.problem == FileRead::Problem::too_large) {
        return image_detail::over_limit(describe_problem(read, limits::image_file_bytes));
    }
    if (!read.ok()) {
        return image_detail::unusable("the file " +
                                      describe_problem(read, limits::image_file_bytes));
    }
    return judge_image_bytes(std::move(read.bytes), pixels);
}

bool report_image_verdict(const ImageVerdict& verdict, const std::string& name,
                          const SourceSpan& span, DiagnosticSink& sink) {
    switch (verdict.status) {
        case ImageVerdict::Status::usable:
            return true;
        case ImageVerdict::Status::unusable:
            sink.warning(span, "image-unusable",
                         "image '" + name + "' cannot be used (" + verdict.problem +
                             "); its alt text is shown instead");
            return false;
        case ImageVerdict::Status::over_limit:
            sink.error(span, "image-too-large",
                       "image '" + name + "' " + verdict.problem + "; make it smaller");
            return false;
    }
    return false;
}

}  // namespace pamphlet
