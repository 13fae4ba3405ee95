// Test-only: small LaidOutDocuments built by hand, with real glyph ids and
// advances from the fonts module's shaping (FontSet), as the typesetter
// would produce them.
#pragma once

#include "pamphlet/font_set.hpp"
#include "pamphlet/layout.hpp"
#include "pamphlet/pdf.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace pamphlet::testing {

inline const std::filesystem::path fonts_dir = std::filesystem::path(PAMPHLET_SOURCE_DIR) / "fonts";
inline const std::filesystem::path image_data_dir =
    std::filesystem::path(PAMPHLET_TEST_DIR) / "unit/image/data";

inline Color rgb(double r, double g, double b) {
    Color c;
    c.v[0] = r;
    c.v[1] = g;
    c.v[2] = b;
    return c;
}

inline Color cmyk(double c, double m, double y, double k) {
    Color color;
    color.space = Color::Space::cmyk;
    color.v[0] = c;
    color.v[1] = m;
    color.v[2] = y;
    color.v[3] = k;
    return color;
}

class DocumentBuilder {
public:
    LaidOutDocument document;

    int add_font(const std::string& file_name) {
        std::string error;
        const std::optional<int> index = fonts_.load(fonts_dir / file_name, error);
        REQUIRE_MESSAGE(index.has_value(), error);
        REQUIRE(*index == static_cast<int>(document.fonts.size()));
        const FontMetrics& m = fonts_.metrics(*index);
        DocumentFont font;
        font.file = fonts_.file(*index);
        font.postscript_name = m.postscript_name;
        font.units_per_em = m.units_per_em;
        font.ascender = m.ascender;
        font.descender = m.descender;
        font.cap_height = m.cap_height;
        for (int i = 0; i < 4; ++i) font.bbox[i] = m.bbox[i];
        font.italic_angle = m.italic_angle;
        font.fixed_pitch = m.fixed_pitch;
        font.serif = m.serif;
        font.italic = m.italic;
        document.fonts.push_back(font);
        return *index;
    }

    // `text` shaped in `font` at `size`, its glyphs registered with the
    // font, placed with its pen at (x, y).
    GlyphRun shape(int font, const std::string& text, double size, double x, double y,
                   Color color = rgb(0.13, 0.13, 0.13)) {
        const std::vector<ShapedGlyph>& shaped = fonts_.shape(font, text, "de", "");
        DocumentFont& document_font = document.fonts[font];
        const double scale = size / document_font.units_per_em;
        std::set<std::uint32_t> clusters;
        for (const ShapedGlyph& g : shaped) clusters.insert(g.cluster);
        clusters.insert(static_cast<std::uint32_t>(text.size()));

        GlyphRun run;
        run.font = font;
        run.size = size;
        run.color = color;
        run.x = x;
        run.y = y;
        run.text = text;
        std::set<std::uint32_t> seen_clusters;
        for (const ShapedGlyph& g : shaped) {
            PlacedGlyph placed;
            placed.id = g.id;
            placed.advance = g.x_advance * scale;
            placed.dx = g.x_offset * scale;
            placed.dy = g.y_offset * scale;
            placed.cluster = g.cluster;
            run.glyphs.push_back(placed);

            // The first glyph of a cluster stands for all of its characters.
            std::string characters;
            if (seen_clusters.insert(g.cluster).second) {
                const std::uint32_t end = *clusters.upper_bound(g.cluster);
                characters = text.substr(g.cluster, end - g.cluster);
            }
            UsedGlyph& used = document_font.glyphs[g.id];
            used.advance = fonts_.advance(font, g.id);
            if (used.text.empty()) used.text = characters;
        }
        return run;
    }

    Page& add_page() {
        document.pages.emplace_back();
        return document.pages.back();
    }

private:
    FontSet fonts_;
};

// The document written as PDF bytes; any diagnostic fails the test.
inline std::string written(const LaidOutDocument& doc) {
    DiagnosticSink sink;
    std::optional<std::string> bytes = write_pdf(doc, sink);
    for (const Diagnostic& d : sink.diagnostics()) MESSAGE(d.code << ": " << d.message);
    REQUIRE(bytes);
    CHECK(sink.diagnostics().empty());
    return *bytes;
}

}  // namespace pamphlet::testing
