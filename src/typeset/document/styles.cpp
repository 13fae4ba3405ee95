#include "document/styles.hpp"

#include <algorithm>

namespace pamphlet::typeset {

namespace {

std::optional<int> load_face(const FontFile& file, const Profile& profile, FontSet& fonts,
                             DiagnosticSink& sink) {
    std::string error;
    std::optional<int> index = fonts.load(file.path, error);
    if (!index) {
        sink.error(
            file.span.has_file() ? file.span : SourceSpan::whole(profile.file.string()),
            "font-unusable",
            "font '" + file.name + "' (" + file.path.string() + ") cannot be used: " + error);
    }
    return index;
}

BlockStyle block(Family family, bool bold, bool italic, double size, const Color& color,
                 double leading, bool hyphenate) {
    BlockStyle style;
    style.format.family = family;
    style.format.bold = bold;
    style.format.italic = italic;
    style.format.size = size;
    style.format.color = color;
    style.format.hyphenate = hyphenate;
    style.leading = leading;
    return style;
}

BreakParams break_params_of(const Profile& p) {
    BreakParams params;
    params.pretolerance = p.break_pretolerance;
    params.tolerance = p.break_tolerance;
    params.line_penalty = p.break_line_penalty;
    params.hyphen_penalty = p.break_hyphen_penalty;
    params.adj_demerits = p.break_adj_demerits;
    params.double_hyphen_demerits = p.break_double_hyphen_demerits;
    params.final_hyphen_demerits = p.break_final_hyphen_demerits;
    params.emergency_stretch = p.break_emergency_stretch;
    params.space_stretch = p.break_space_stretch;
    params.space_shrink = p.break_space_shrink;
    params.max_hyphen_run = p.break_max_hyphen_run;
    params.last_line_min = p.break_last_line_min;
    params.short_last_line_demerits = p.break_short_last_line_demerits;
    params.protrusion = p.break_protrusion;
    params.font_expansion = p.break_font_expansion;
    return params;
}

}  // namespace

std::optional<Styles> Styles::load(const Profile& p, FontSet& fonts, DiagnosticSink& sink) {
    Styles styles;
    styles.profile_ = &p;
    styles.break_params = break_params_of(p);
    styles.fonts_ = &fonts;
    bool ok = true;
    auto face = [&](const FontFile& file) {
        std::optional<int> index = load_face(file, p, fonts, sink);
        ok = ok && index.has_value();
        return index.value_or(0);
    };
    styles.body_faces_ = {face(p.body_regular), face(p.body_italic), face(p.body_bold),
                          face(p.body_bold_italic)};
    styles.heading_faces_ = {face(p.heading_regular), face(p.heading_italic), face(p.heading_bold),
                             face(p.heading_bold_italic)};
    // Code has no italic of its own; slanted code would misalign anyway.
    const int mono_regular = face(p.mono_regular), mono_bold = face(p.mono_bold);
    styles.mono_faces_ = {mono_regular, mono_regular, mono_bold, mono_bold};
    for (const FontFile& fallback : p.fallback_fonts) styles.fallbacks_.push_back(face(fallback));
    if (!ok) return std::nullopt;

    const double heading_leading = p.heading_leading > 0 ? p.heading_leading : 1;
    styles.body =
        block(Family::body, false, false, p.text_size, p.text_color, p.text_leading, p.hyphenate);
    styles.title = block(Family::heading, true, false, p.h1_size, p.heading_color,
                         p.h1_size * heading_leading, false);
    styles.summary = block(Family::body, false, false, p.summary_size, p.muted_color,
                           p.summary_leading, p.hyphenate);
    styles.byline = block(Family::heading, false, false, p.byline_size, p.muted_color,
                          p.byline_size * heading_leading, false);
    styles.caption = block(Family::body, false, true, p.caption_size, p.muted_color,
                           p.caption_leading, p.hyphenate);
    styles.code =
        block(Family::mono, false, false, p.code_size, p.text_color, p.code_leading, false);
    styles.table = block(Family::body, false, false, p.table_size, p.text_color, p.table_leading,
                         p.hyphenate);
    styles.footer = block(Family::heading, false, false, p.footer_size, p.muted_color,
                          p.footer_size * heading_leading, false);
    styles.cover_title = block(Family::heading, true, false, p.cover_title_size, p.cover_text_color,
                               p.cover_title_size * heading_leading, false);
    styles.cover_subtitle =
        block(Family::heading, false, false, p.cover_subtitle_size, p.cover_text_color,
              p.cover_subtitle_size * heading_leading, false);
    styles.back_name = block(Family::heading, true, false, p.h3_size, p.heading_color,
                             p.h3_size * heading_leading, false);
    styles.back_text = block(Family::heading, false, false, p.byline_size, p.text_color,
                             p.byline_size * heading_leading, false);
    return styles;
}

BlockStyle Styles::heading(int level) const {
    const Profile& p = *profile_;
    const double size = level <= 2 ? p.h2_size : level == 3 ? p.h3_size : p.text_size;
    return block(Family::heading, true, false, size, p.heading_color,
                 size * std::max(p.heading_leading, 1.0), false);
}

TextStyle Styles::resolve(const Format& format) const {
    const FaceSet& faces = format.family == Family::body      ? body_faces_
                           : format.family == Family::heading ? heading_faces_
                                                              : mono_faces_;
    TextStyle style;
    style.font = faces.pick(format.bold, format.italic);
    // The body's own italic and bold carry characters a heading or mono face
    // may lack (quotes, dashes) before the profile's fallbacks.
    const int body_face = body_faces_.pick(format.bold, format.italic);
    style.fallbacks.reserve(fallbacks_.size() + 1);
    if (body_face != style.font) style.fallbacks.push_back(body_face);
    for (const int face : fallbacks_) style.fallbacks.push_back(face);
    style.size = format.size;
    style.color = format.color;
    style.features = format.family == Family::body ? profile_->font_features : std::string();
    style.hyphenate = format.hyphenate && format.family != Family::mono;
    style.baseline_shift = format.baseline_shift;
    style.struck = format.struck;
    return style;
}

Styles::Strut Styles::strut(const BlockStyle& style) const {
    const FontMetrics& m = fonts_->metrics(resolve(style.format).font);
    const double scale = style.format.size / std::max(1, m.units_per_em);
    const double ascent = m.ascender * scale;
    const double descent = -m.descender * scale;
    const double extra = (style.leading - ascent - descent) / 2;
    return {ascent + extra, descent + extra};
}

}  // namespace pamphlet::typeset
