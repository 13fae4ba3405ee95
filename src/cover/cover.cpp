// render_cover: the PDF front cover's composition (src/typeset's
// front_back.cpp) on a 1600 × 2560 canvas. The geometry (margins, padding,
// the picture's share of the height) is the printed page's scaled to the
// canvas width; the type is set half again as large as on paper, because a
// shelf shows the cover at a tenth of its size and the title must still be
// read there.
#include "pamphlet/cover.hpp"

#include "canvas.hpp"
#include "cover_text.hpp"

#include "pamphlet/font_set.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/profile.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace pamphlet {

using namespace cover_detail;

namespace {

constexpr double type_enlargement = 1.5;
constexpr std::size_t max_title_lines = 4;
constexpr std::size_t max_subtitle_lines = 3;
constexpr double shrink_step = 0.9;

// Lines of `words` at a size that fits: no word wider than the measure, at
// most `max_lines` lines (each attempt a little smaller), never below a
// third of the size asked for.
struct FittedText {
    double size = 0;
    std::vector<SetLine> lines;
};

FittedText fit(const std::vector<SetWord>& words, const std::vector<std::string>& texts,
               double space_em, double size, double measure, std::size_t max_lines) {
    FittedText fitted;
    double widest = 0;
    for (const SetWord& word : words) widest = std::max(widest, word.width_em);
    if (widest * size > measure && widest > 0) size = measure / widest;
    const double smallest = size / 3;
    while (true) {
        fitted.size = size;
        fitted.lines = wrap_balanced(words, texts, space_em, measure / size);
        if (fitted.lines.size() <= max_lines || size * shrink_step < smallest) return fitted;
        size *= shrink_step;
    }
}

struct FaceSizes {
    double ascent = 0, descent = 0;  // per em: cap height, and the descender (positive)
};

FaceSizes face_sizes(const FontSet& fonts, int font) {
    const FontMetrics& m = fonts.metrics(font);
    return {m.cap_height / m.units_per_em, -m.descender / m.units_per_em};
}

// Adds the lines of one block, the first one's baseline at `baseline`.
void add_lines(CoverLayout& layout, const FittedText& text, CoverLine::Role role, double x,
               double baseline, double leading, const FaceSizes& face) {
    for (std::size_t i = 0; i < text.lines.size(); ++i) {
        if (i > 0) baseline += leading;
        CoverLine line;
        line.role = role;
        line.text = text.lines[i].text;
        line.x = x;
        line.baseline = baseline;
        line.width = text.lines[i].width_em * text.size;
        line.ascent = face.ascent * text.size;
        line.descent = face.descent * text.size;
        line.size = text.size;
        layout.lines.push_back(std::move(line));
    }
}

void draw_line(Canvas& canvas, FontSet& fonts, const SetLine& line, double x, double baseline,
               double size, double space_em, Rgb color) {
    double pen = x;
    const int y_base = static_cast<int>(std::lround(baseline));
    for (std::size_t w = 0; w < line.words.size(); ++w) {
        const SetWord& word = line.words[w];
        if (w > 0) pen += space_em * size;
        const double unit = size / fonts.metrics(word.font).units_per_em;
        for (const ShapedGlyph& glyph : word.glyphs) {
            const double gx = pen + glyph.x_offset * unit;
            const double whole = std::floor(gx);
            const GlyphBitmap bitmap = fonts.render_glyph(word.font, glyph.id, size, gx - whole);
            canvas.blend(bitmap, static_cast<int>(whole) + bitmap.left,
                         y_base - static_cast<int>(std::lround(glyph.y_offset * unit)) - bitmap.top,
                         color);
            pen += glyph.x_advance * unit;
        }
    }
}

// The illustration's pixels, when the image module can decode it and the
// canvas paint them.
std::optional<DecodedImage> picture_of(const ImageAsset* illustration) {
    if (illustration == nullptr || !illustration->has_pixels()) return std::nullopt;
    const std::shared_ptr<const std::string> bytes = illustration->bytes();
    if (!bytes) return std::nullopt;
    // The store keeps an opaque PNG as its compressed rows (what a PDF
    // takes); the cover needs the pixels themselves.
    ImageVerdict verdict = judge_image_bytes(*bytes, PixelNeed::always);
    if (!verdict.usable() || !verdict.decoded || !Canvas::can_paint(*verdict.decoded)) {
        return std::nullopt;
    }
    return std::move(*verdict.decoded);
}

}  // namespace

RenderedCover render_cover(const Profile& profile, const ImageAsset* illustration,
                           const CoverText& text, FontSet& fonts) {
    RenderedCover result;
    CoverLayout& layout = result.layout;
    const double page_width = profile.page_width() > 0 ? profile.page_width() : 595.276;
    const double px = cover_width / page_width;  // canvas pixels per point of the page
    const double type_px = px * type_enlargement;
    const double left = profile.margin_inner * px;
    const double measure = std::max(
        cover_width / 2.0, cover_width - (profile.margin_inner + profile.margin_outer) * px);
    layout.measure = measure;

    std::vector<const FontFile*> fallbacks;
    for (const FontFile& face : profile.fallback_fonts) fallbacks.push_back(&face);
    auto faces = [&](const FontFile& own, const FontFile& body) {
        std::vector<const FontFile*> list = {&own, &body};
        list.insert(list.end(), fallbacks.begin(), fallbacks.end());
        return list;
    };
    WordShaper title_shaper(fonts, faces(profile.heading_bold, profile.body_bold), text.lang);
    WordShaper plain_shaper(fonts, faces(profile.heading_regular, profile.body_regular), text.lang);
    for (const WordShaper* shaper : {&title_shaper, &plain_shaper}) {
        if (!shaper->ok()) {
            result.problem = shaper->problem();
            return result;
        }
    }

    const double heading_leading = profile.heading_leading > 0 ? profile.heading_leading : 1;
    const std::vector<std::string> title_words = split_words(text.title);
    const FittedText title =
        fit(title_shaper.shape_words(text.title), title_words, title_shaper.space_em(),
            profile.cover_title_size * type_px, measure, max_title_lines);
    const std::vector<std::string> subtitle_words = split_words(text.subtitle);
    const FittedText subtitle =
        fit(plain_shaper.shape_words(text.subtitle), subtitle_words, plain_shaper.space_em(),
            profile.cover_subtitle_size * type_px, measure, max_subtitle_lines);
    const std::vector<std::string> publisher_words = split_words(text.publisher);
    const FittedText publisher =
        fit(title_shaper.shape_words(text.publisher), publisher_words, title_shaper.space_em(),
            profile.h3_size * type_px, measure, 1);

    // The band: the title's lines, the subtitle's, padding above and below;
    // below the picture's share of the height as on paper, lifted over the
    // picture if the text would otherwise run into the clinic's name.
    const FaceSizes title_face = face_sizes(fonts, title_shaper.primary_face());
    const FaceSizes plain_face = face_sizes(fonts, plain_shaper.primary_face());
    const double padding = profile.cover_padding * px;
    const double title_leading = title.size * heading_leading;
    const double subtitle_leading = subtitle.size * heading_leading;
    const double subtitle_gap = profile.h1_space_after * type_px;
    auto block_height = [](const FittedText& block, const FaceSizes& face, double leading) {
        if (block.lines.empty()) return 0.0;
        return (face.ascent + face.descent) * block.size +
               leading * static_cast<double>(block.lines.size() - 1);
    };
    double text_height = block_height(title, title_face, title_leading) +
                         block_height(subtitle, plain_face, subtitle_leading);
    if (!title.lines.empty() && !subtitle.lines.empty()) text_height += subtitle_gap;
    const double foot = profile.margin_bottom * px;
    const double publisher_top =
        publisher.lines.empty()
            ? cover_height - foot
            : cover_height - foot - title_face.ascent * publisher.size - padding;
    const double share = std::clamp(profile.cover_image_height, 0.0, 1.0);
    const double band_height = text_height + 2 * padding;
    double band_top = std::round(cover_height * share);
    band_top = std::max(0.0, std::min(band_top, std::floor(publisher_top - band_height)));
    layout.picture_bottom = static_cast<int>(band_top);
    layout.band_top = static_cast<int>(band_top);
    layout.band_bottom = static_cast<int>(std::ceil(band_top + band_height));

    double top = band_top + padding;
    if (!title.lines.empty()) {
        add_lines(layout, title, CoverLine::Role::title, left, top + title_face.ascent * title.size,
                  title_leading, title_face);
        top += block_height(title, title_face, title_leading) + subtitle_gap;
    }
    if (!subtitle.lines.empty()) {
        add_lines(layout, subtitle, CoverLine::Role::subtitle, left,
                  top + plain_face.ascent * subtitle.size, subtitle_leading, plain_face);
    }
    if (!publisher.lines.empty()) {
        add_lines(layout, publisher, CoverLine::Role::publisher, left, cover_height - foot,
                  publisher.size, title_face);
    }

    // Painted from the top, a band at a time, into the PNG: the picture's
    // rows (or the cover colour) straight from the scaled illustration,
    // which is then let go; below them, on a canvas of their own, the band,
    // the paper and the text (no line reaches into the picture). So the
    // illustration's pixels and a canvas of the whole cover are never held
    // together.
    PngRgbWriter png(cover_width, cover_height);
    const Rgb band_color = screen_rgb(profile.cover_background);
    const Rgb paper{255, 255, 255};
    const int picture_bottom = std::clamp(layout.picture_bottom, 0, cover_height);
    int painted = 0;
    if (share > 0 && picture_bottom > 0) {
        auto emit = [&](const char* row) {
            png.write_row(row);
            ++painted;
        };
        // A PNG is read row by row as it is scaled; other pictures (and
        // interlaced PNGs) are decoded whole first.
        const std::shared_ptr<const std::string> bytes =
            illustration != nullptr && illustration->has_pixels() ? illustration->bytes() : nullptr;
        if (std::optional<PictureRows> rows = bytes ? streamed_rows(*bytes) : std::nullopt) {
            cover_picture_rows(std::move(*rows), cover_width, picture_bottom, paper, emit);
        } else if (std::optional<DecodedImage> picture = picture_of(illustration)) {
            cover_picture_rows(rows_of(*picture), cover_width, picture_bottom, paper, emit);
        }
        layout.illustrated = painted > 0;
    }
    if (painted < picture_bottom) {
        Canvas colour(cover_width, 1);
        colour.fill_rows(0, 1, band_color);
        for (; painted < picture_bottom; ++painted) png.write_row(colour.row(0));
    }

    Canvas canvas(cover_width, cover_height - picture_bottom, picture_bottom);
    canvas.fill_rows(picture_bottom, layout.band_bottom, band_color);
    canvas.fill_rows(layout.band_bottom, cover_height, paper);

    const Rgb text_color = screen_rgb(profile.cover_text_color);
    std::size_t line_index = 0;
    auto draw_block = [&](const FittedText& block, double space_em, Rgb color) {
        for (const SetLine& line : block.lines) {
            const CoverLine& placed = layout.lines[line_index++];
            draw_line(canvas, fonts, line, placed.x, placed.baseline, block.size, space_em, color);
        }
    };
    draw_block(title, title_shaper.space_em(), text_color);
    draw_block(subtitle, plain_shaper.space_em(), text_color);
    draw_block(publisher, title_shaper.space_em(), screen_rgb(profile.heading_color));

    for (int y = picture_bottom; y < cover_height; ++y) png.write_row(canvas.row(y));
    result.png = png.finish();
    if (result.png.empty()) result.problem = "the cover image could not be encoded as PNG";
    return result;
}

}  // namespace pamphlet
