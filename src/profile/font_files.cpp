#include "font_files.hpp"

#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/fonts.hpp"

#include <array>
#include <fstream>
#include <string>
#include <system_error>

namespace pamphlet::profile {
namespace {

namespace fs = std::filesystem;

enum class FontKind { truetype, cff, collection, other };

// The sfnt version tag in the first four bytes tells the outline format.
FontKind font_kind(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::array<char, 4> tag{};
    if (!in.read(tag.data(), tag.size())) return FontKind::other;
    std::string_view t(tag.data(), tag.size());
    if (t == std::string_view("\x00\x01\x00\x00", 4) || t == "true") return FontKind::truetype;
    if (t == "OTTO") return FontKind::cff;
    if (t == "ttcf") return FontKind::collection;
    return FontKind::other;
}

std::string shown(const fs::path& p) {
    return p.generic_string();
}

}  // namespace

std::optional<fs::path> resolve_font(std::string_view name, std::string_view key,
                                     const std::vector<fs::path>& dirs,
                                     const ProfileFolders& allowed, const SourceSpan& span,
                                     DiagnosticSink& sink) {
    const std::string quoted_key = "'" + std::string(key) + "'";
    fs::path written{std::string(name)};
    std::vector<fs::path> candidates;
    if (written.is_absolute()) {
        candidates.push_back(written);
    } else {
        for (const auto& dir : dirs) candidates.push_back(dir / written);
    }
    for (const auto& candidate : candidates) {
        // Refused before it is looked at, and never passed over for a file
        // further down the list, which would silently change the font.
        if (std::string why = allowed.refusal(candidate); !why.empty()) {
            sink.error(span, "outside-profile",
                       "font file '" + std::string(name) + "' for " + quoted_key + why);
            return std::nullopt;
        }
        std::error_code ec;
        if (!fs::is_regular_file(candidate, ec)) continue;
        const std::uintmax_t size = fs::file_size(candidate, ec);
        if (!ec && size > limits::font_file_bytes) {
            FileRead measured;
            measured.problem = FileRead::Problem::too_large;
            measured.size = size;
            sink.error(span, "file-too-large",
                       "font " + shown(candidate) + " for " + quoted_key + " " +
                           describe_problem(measured, limits::font_file_bytes) +
                           "; it is not read");
            return std::nullopt;
        }
        switch (font_kind(candidate)) {
            case FontKind::truetype:
                if (auto problem = font_file_problem(candidate)) {
                    sink.error(span, "not-a-font",
                               shown(candidate) + " for " + quoted_key +
                                   " is not a usable TrueType/OpenType font: " + *problem);
                    return std::nullopt;
                }
                return candidate;
            case FontKind::cff:
                sink.error(span, "unsupported-font",
                           "font " + shown(candidate) + " for " + quoted_key +
                               " has CFF outlines; CFF-flavoured OpenType fonts are not supported; "
                               "use a TrueType (.ttf) font");
                return std::nullopt;
            case FontKind::collection:
                sink.error(span, "unsupported-font",
                           "font " + shown(candidate) + " for " + quoted_key +
                               " is a font collection (.ttc), which is not supported; use a single "
                               "TrueType (.ttf) font");
                return std::nullopt;
            case FontKind::other:
                sink.error(span, "not-a-font",
                           shown(candidate) + " for " + quoted_key +
                               " is not a TrueType/OpenType font file");
                return std::nullopt;
        }
    }
    std::string looked;
    if (written.is_absolute()) {
        looked = shown(written);
    } else {
        for (const auto& dir : dirs) looked += (looked.empty() ? "" : ", ") + shown(dir);
    }
    if (looked.empty()) looked = "no font folders";
    sink.error(span, "font-not-found",
               "font file '" + std::string(name) + "' for " + quoted_key +
                   " not found; looked in " + looked);
    return std::nullopt;
}

}  // namespace pamphlet::profile
