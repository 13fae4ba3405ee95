// Fonts loaded once per run (HarfBuzz font; FreeType face when a glyph is
// rendered), their metrics, coverage and shaping with a cache: the same text
// in the same font and features is shaped once per run. Only src/fonts includes FreeType/HarfBuzz.
// One thread at a time: a job's typesetter has its own (its const calls
// remember answers too).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

struct ShapedGlyph {
    std::uint32_t id = 0;
    std::int32_t x_advance = 0, x_offset = 0, y_offset = 0;  // font units
    std::uint32_t cluster = 0;                               // byte offset into the shaped text
};

struct FontMetrics {
    int units_per_em = 1000;
    double ascender = 0, descender = 0, line_gap = 0;  // font units (descender < 0)
    double cap_height = 0, x_height = 0;
    // Where a line through struck-out text stands (its middle, above the
    // baseline) and how thick it is: OS/2's, else derived from x_height.
    double strikeout_position = 0, strikeout_size = 0;
    double bbox[4] = {0, 0, 0, 0};
    double italic_angle = 0;
    bool fixed_pitch = false;
    bool italic = false;
    bool serif = false;
    std::string postscript_name;
};

// A glyph's outline rendered as 8-bit coverage (255: fully inside), rows
// top to bottom. `left` and `top` place the bitmap's top-left corner
// relative to the pen position on the baseline (y grows upwards, as in
// FreeType).
struct GlyphBitmap {
    int width = 0, height = 0;
    int left = 0, top = 0;
    std::vector<std::uint8_t> coverage;
};

struct ShapingStats {
    std::size_t requests = 0;  // calls to shape()
    std::size_t shaped = 0;    // of which HarfBuzz actually ran (cache misses)
};

class FontSet {
public:
    FontSet();
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    // Loads `file` (TrueType) once; loading the same path again returns the
    // same index. nullopt and `error` set when it is not a usable font.
    std::optional<int> load(const std::filesystem::path& file, std::string& error);

    std::size_t size() const;
    const std::filesystem::path& file(int font) const;
    const FontMetrics& metrics(int font) const;
    bool has_glyph(int font, char32_t c) const;
    // Horizontal advance of a glyph in font units (for PDF widths).
    double advance(int font, std::uint32_t glyph) const;

    // Shapes `text` as one run (one font, left to right). `features` is a
    // comma-separated list in HarfBuzz syntax ("onum,smcp,-liga"). The result
    // is cached for the run's lifetime; the reference stays valid.
    const std::vector<ShapedGlyph>& shape(int font, std::string_view text, std::string_view lang,
                                          std::string_view features);

    ShapingStats stats() const;

private:
    struct Impl;

public:
    // Words shaped ahead of the typesetter on another thread, into the
    // cache shape() reads: a word it shaped, shape() then finds. Made once
    // every font is loaded; used by one thread besides the set's own, while
    // shape() goes on; dropped before the set.
    class Lookahead {
    public:
        ~Lookahead();
        Lookahead(const Lookahead&) = delete;
        Lookahead& operator=(const Lookahead&) = delete;
        // Shapes `text` as shape() would, when `font` has a glyph for each of
        // its characters (else it would not be one run: false, nothing done).
        bool shape(int font, std::string_view text, std::string_view lang,
                   std::string_view features);

    private:
        friend class FontSet;
        explicit Lookahead(Impl& set);
        struct State;
        std::unique_ptr<State> state_;
    };
    std::unique_ptr<Lookahead> lookahead();

    // Renders `glyph` antialiased at `pixels_per_em`, its pen position
    // shifted right by `x_fraction` of a pixel (0 to 1), so that glyphs set
    // at the advances HarfBuzz gave land where the shaping put them. No
    // hinting: the shapes and widths stay those of the PDF. An empty bitmap
    // for a glyph without outline (a space).
    GlyphBitmap render_glyph(int font, std::uint32_t glyph, double pixels_per_em,
                             double x_fraction);

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace pamphlet
