#include "media.hpp"

namespace pamphlet::epub {

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

std::optional<ImageFormat> sniff_image_format(std::string_view bytes) {
    if (starts_with_bytes(bytes, "\x89PNG\r\n\x1A\n")) return ImageFormat{"image/png", ".png"};
    if (starts_with_bytes(bytes, "\xFF\xD8\xFF")) return ImageFormat{"image/jpeg", ".jpg"};
    if (starts_with_bytes(bytes, "GIF87a") || starts_with_bytes(bytes, "GIF89a")) {
        return ImageFormat{"image/gif", ".gif"};
    }
    if (looks_like_svg(bytes)) return ImageFormat{"image/svg+xml", ".svg"};
    return std::nullopt;
}

}  // namespace pamphlet::epub
