#include "font_embedding.hpp"

#include "number_format.hpp"

#include "pamphlet/base/utf8.hpp"
#include "pamphlet/fonts.hpp"

#include <cmath>
#include <set>

namespace pamphlet::pdf_detail {

namespace {

constexpr std::size_t max_cmap_block = 100;  // PDF limit per bfchar/bfrange block

// FontDescriptor /Flags bits (PDF 32000-1, table 123).
constexpr int flag_fixed_pitch = 1 << 0;
constexpr int flag_serif = 1 << 1;
constexpr int flag_symbolic = 1 << 2;
constexpr int flag_italic = 1 << 6;

std::string hex4(unsigned value) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out(4, '0');
    for (int i = 3; i >= 0; --i) {
        out[i] = digits[value & 0xF];
        value >>= 4;
    }
    return out;
}

std::string utf16be_hex(const std::string& utf8_text) {
    std::string out;
    utf8::for_each(utf8_text, [&](char32_t c) {
        if (c >= 0x10000) {
            const char32_t v = c - 0x10000;
            out += hex4(0xD800 + (v >> 10));
            out += hex4(0xDC00 + (v & 0x3FF));
        } else {
            out += hex4(static_cast<unsigned>(c));
        }
    });
    return out;
}

// PostScript names are printable ASCII without delimiters; anything else
// would need escaping in every viewer's font menu.
std::string clean_postscript_name(const std::string& name) {
    std::string out;
    for (char c : name) {
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (keep) out += c;
    }
    return out.empty() ? "Font" : out;
}

double per_mille(double font_units, int units_per_em) {
    return font_units * 1000.0 / (units_per_em > 0 ? units_per_em : 1000);
}

}  // namespace

double pdf_glyph_width(double advance_font_units, int units_per_em) {
    // Two decimals of 1/1000 em: 1e-5 em, far below anything visible, and
    // exactly representable in what libharu prints.
    return std::round(per_mille(advance_font_units, units_per_em) * 100) / 100;
}

std::string subset_tag(const DocumentFont& font) {
    // FNV-1a over the name and the glyph ids.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    auto mix = [&hash](unsigned char byte) {
        hash ^= byte;
        hash *= 0x100000001b3ULL;
    };
    for (char c : font.postscript_name) mix(static_cast<unsigned char>(c));
    for (const auto& [id, glyph] : font.glyphs) {
        for (int shift = 0; shift < 32; shift += 8) mix(static_cast<unsigned char>(id >> shift));
    }
    std::string tag;
    for (int i = 0; i < 6; ++i) {
        tag += static_cast<char>('A' + hash % 26);
        hash /= 26;
    }
    return tag;
}

std::string to_unicode_cmap(const std::map<std::uint32_t, UsedGlyph>& glyphs) {
    std::vector<std::string> entries;
    for (const auto& [id, glyph] : glyphs) {
        if (id == 0 || glyph.text.empty()) continue;
        entries.push_back("<" + hex4(id) + "> <" + utf16be_hex(glyph.text) + ">\n");
    }
    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n"
        "<0000> <FFFF>\n"
        "endcodespacerange\n";
    for (std::size_t begin = 0; begin < entries.size(); begin += max_cmap_block) {
        const std::size_t end = std::min(entries.size(), begin + max_cmap_block);
        out += std::to_string(end - begin) + " beginbfchar\n";
        for (std::size_t i = begin; i < end; ++i) out += entries[i];
        out += "endbfchar\n";
    }
    out +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return out;
}

EmbeddedFontResult prepare_embedded_font(const DocumentFont& font) {
    std::set<std::uint32_t> ids;
    for (const auto& [id, glyph] : font.glyphs) ids.insert(id);
    FontSubsetResult subset = subset_font_glyphs(font.file, ids);
    if (subset.data.empty()) return {std::nullopt, subset.error};

    EmbeddedFont out;
    out.program = std::move(subset.data);
    out.base_font = subset_tag(font) + "+" + clean_postscript_name(font.postscript_name);
    out.to_unicode = to_unicode_cmap(font.glyphs);

    for (const auto& [id, glyph] : font.glyphs) {
        if (id == 0) continue;
        const double width = pdf_glyph_width(glyph.advance, font.units_per_em);
        out.width_of[id] = width;
        if (out.widths.empty() || out.widths.back().first + out.widths.back().widths.size() != id) {
            out.widths.push_back({id, {}});
        }
        out.widths.back().widths.push_back(width);
    }

    const int upem = font.units_per_em;
    for (int i = 0; i < 4; ++i) out.bbox[i] = std::round(per_mille(font.bbox[i], upem));
    out.ascent = std::round(per_mille(font.ascender, upem));
    out.descent = std::round(per_mille(font.descender, upem));
    out.cap_height = std::round(per_mille(font.cap_height, upem));
    out.italic_angle = font.italic_angle;
    // The font program gives no stem width; 80 is what most PDF writers use
    // for text weights when they cannot measure it, and viewers only use
    // it to synthesise a substitute for a font that is embedded anyway.
    out.stem_v = 80;
    // Symbolic rather than Nonsymbolic: the glyphs are addressed by id,
    // not through the standard Latin character set.
    out.flags = flag_symbolic;
    if (font.fixed_pitch) out.flags |= flag_fixed_pitch;
    if (font.serif) out.flags |= flag_serif;
    if (font.italic) out.flags |= flag_italic;
    return {std::move(out), {}};
}

}  // namespace pamphlet::pdf_detail
