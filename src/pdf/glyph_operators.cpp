#include "glyph_operators.hpp"

#include "number_format.hpp"

#include <cmath>
#include <optional>

namespace pamphlet::pdf_detail {

namespace {

// Adjustments below this (1/1000 em) are rounding noise: at 12 pt that is
// 0.00006 pt.
constexpr double negligible_adjustment = 0.005;

void append_glyph_code(std::string& out, std::uint32_t id) {
    static const char digits[] = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(id >> shift) & 0xF];
}

// One TJ array, shown from an absolute text-matrix position.
class ShowText {
public:
    ShowText(std::string& out, double x, double y) : out_(out) {
        out_ += "1 0 0 1 " + format_number(x, 3) + " " + format_number(y, 3) + " Tm\n[";
    }
    void glyph(std::uint32_t id) {
        if (!in_string_) out_ += '<';
        in_string_ = true;
        append_glyph_code(out_, id);
    }
    void adjust(double thousandths) {
        if (std::abs(thousandths) < negligible_adjustment) return;
        if (in_string_) out_ += '>';
        in_string_ = false;
        out_ += format_number(thousandths, 2);
    }
    void close() {
        if (in_string_) out_ += '>';
        out_ += "] TJ\n";
    }

private:
    std::string& out_;
    bool in_string_ = false;
};

}  // namespace

std::string text_operators(const GlyphRun& run, const std::string& font_resource,
                           const std::map<std::uint32_t, double>& width_of) {
    std::string out = "BT\n/" + font_resource + " " + format_number(run.size, 3) + " Tf\n";
    // Font expansion draws the glyphs wider or narrower (Tz), which scales
    // TJ's adjustments too. Tz outlives the text object, so it is reset.
    const bool scaled = run.horizontal_scale != 1;
    if (scaled) out += format_number(run.horizontal_scale * 100, 3) + " Tz\n";
    const double to_thousandths =
        run.size > 0 ? 1000.0 / (run.size * (scaled ? run.horizontal_scale : 1)) : 0;
    double pen = run.x;
    std::optional<ShowText> show;
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const PlacedGlyph& glyph = run.glyphs[i];
        const auto width = width_of.find(glyph.id);
        const double font_width = width != width_of.end() ? width->second : 0;
        if (glyph.dx != 0 || glyph.dy != 0) {
            if (show) show->close();
            show.reset();
            ShowText mark(out, pen + glyph.dx, run.y + glyph.dy);
            mark.glyph(glyph.id);
            mark.close();
        } else {
            if (!show) show.emplace(out, pen, run.y);
            show->glyph(glyph.id);
            const bool last = i + 1 == run.glyphs.size();
            // TJ moves by width − adjustment; the typesetter's advance wins.
            if (!last) show->adjust(font_width - glyph.advance * to_thousandths);
        }
        pen += glyph.advance;
    }
    if (show) show->close();
    if (scaled) out += "100 Tz\n";
    out += "ET\n";
    return out;
}

}  // namespace pamphlet::pdf_detail
