#include "font_embedding.hpp"
#include "pamphlet/base/utf8.hpp"

#include "pamphlet/fonts.hpp"
#include "xml_chars.hpp"

#include <cstdio>

namespace pamphlet::epub {

namespace {

std::string describe(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    std::string text = code;
    text += " '";
    utf8::append(text, c);
    text += "'";
    return text;
}

void warn_missing_glyphs(const FontFile& font, std::string_view face,
                         const std::set<char32_t>& chars, const SourceSpan& span,
                         DiagnosticSink& sink) {
    std::set<char32_t> text_chars;
    for (char32_t c : chars) {
        if (!is_supplementary_char(c)) text_chars.insert(c);
    }
    std::set<char32_t> missing = missing_codepoints(font.path, text_chars);
    if (missing.empty()) return;
    constexpr std::size_t shown = 5;
    std::string list;
    std::size_t count = 0;
    for (char32_t c : missing) {
        if (count++ == shown) break;
        if (!list.empty()) list += ", ";
        list += describe(c);
    }
    if (missing.size() > shown) list += " and " + std::to_string(missing.size() - shown) + " more";
    sink.warning(span, "font-missing-glyphs",
                 "font '" + font.name + "' (" + std::string(face) + ") has no glyph for " + list +
                     "; readers will show another font's glyphs there");
}

}  // namespace

FontEmbedding embed_fonts(const Profile& profile, const FaceUsage& usage, DiagnosticSink& sink) {
    FontEmbedding result;
    const SourceSpan span = SourceSpan::whole(profile.file.string());
    for (std::size_t index = 0; index < face_slot_count; ++index) {
        const std::set<char32_t>& chars = usage[index];
        if (chars.empty()) continue;
        const auto slot = static_cast<FaceSlot>(index);
        const FaceInfo& face = face_info(slot);
        const FontFile& font = profile.*face.font;
        if (font.path.empty()) continue;  // the profile sets no font for this face
        FontSubsetResult subset = subset_font(font.path, chars);
        if (!subset.error.empty()) {
            sink.error(span, "font-subset-failed",
                       "cannot embed font '" + font.name + "': " + subset.error);
            continue;
        }
        if (!font_allows_embedding(font.path)) {
            sink.warning(span, "font-not-embeddable",
                         "the licence of font '" + font.name +
                             "' does not allow embedding; the e-book uses the reader's font for " +
                             std::string(face.name));
            continue;
        }
        warn_missing_glyphs(font, face.name, chars, span, sink);
        // CFF-flavoured OpenType starts with "OTTO"; TrueType outlines otherwise.
        bool cff = subset.data.compare(0, 4, "OTTO") == 0;
        std::string href = "fonts/" + std::string(face.name) + (cff ? ".otf" : ".ttf");
        result.fonts.push_back({slot, href, cff ? "opentype" : "truetype"});
        Resource file;
        file.id = "font-" + std::string(face.name);
        file.href = href;
        file.media_type = cff ? "font/otf" : "font/ttf";
        file.data = std::move(subset.data);
        result.files.push_back(std::move(file));
    }
    return result;
}

}  // namespace pamphlet::epub
