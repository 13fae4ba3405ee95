#include "checks.hpp"

#include "schema.hpp"
#include "values.hpp"

#include "pamphlet/layout.hpp"

#include <initializer_list>
#include <string_view>

namespace pamphlet::profile {
namespace {

// The first of `paths` the user wrote, else `fallback`.
const SourceSpan& blame(const WrittenKeys& written, std::initializer_list<std::string_view> paths,
                        const SourceSpan& fallback) {
    for (auto path : paths)
        if (auto it = written.find(path); it != written.end()) return it->second;
    return fallback;
}

// Two margins that together eat the page: point at the one the user set, the
// larger if both were set, else at the page size that made them too big.
void check_margin_pair(const WrittenKeys& written, const SourceSpan& fallback, DiagnosticSink& sink,
                       std::string_view first, double first_value, std::string_view second,
                       double second_value, std::string_view dimension, double page_extent) {
    if (first_value + second_value < page_extent) return;
    std::string_view larger = first_value >= second_value ? first : second;
    std::string_view smaller = larger == first ? second : first;
    const SourceSpan& span =
        blame(written, {larger, smaller, "page.size", "page.orientation"}, fallback);
    auto short_name = [](std::string_view path) { return path.substr(path.rfind('.') + 1); };
    sink.error(span, "no-text-room",
               "margins leave no room for text: " + std::string(short_name(first)) + " " +
                   format_mm(first_value) + " + " + std::string(short_name(second)) + " " +
                   format_mm(second_value) + " is not less than the page " +
                   std::string(dimension) + " " + format_mm(page_extent));
}

}  // namespace

void check_consistency(const Profile& p, const WrittenKeys& written, const SourceSpan& fallback,
                       DiagnosticSink& sink) {
    const double width = p.page_width();
    const double height = p.page_height();
    check_margin_pair(written, fallback, sink, "page.margin.inner", p.margin_inner,
                      "page.margin.outer", p.margin_outer, "width", width);
    check_margin_pair(written, fallback, sink, "page.margin.top", p.margin_top,
                      "page.margin.bottom", p.margin_bottom, "height", height);

    const double text_width = width - p.margin_inner - p.margin_outer;
    if (text_width > 0 && p.columns > 1) {
        const double gaps = (p.columns - 1) * p.column_gap;
        if (gaps >= text_width) {
            sink.error(blame(written, {"page.column_gap", "page.columns"}, fallback),
                       "no-column-room",
                       "column gap leaves no room for text: " + std::to_string(p.columns - 1) +
                           " gap(s) of " + format_mm(p.column_gap) + " fill the " +
                           format_mm(text_width) + " text width");
        }
    }

    // Sizes, the bleed and the other single values are held to their ranges
    // as they are read (profile_keys.def); what is left here depends on
    // several keys at once.

    // PDF viewers and printers take pages up to 14400 pt (200 in) a side.
    constexpr double largest_pdf_page = 14400;
    const double crop_mark_room = p.crop_marks ? crop_mark_gap + crop_mark_length : 0;
    const double grown = 2 * (p.bleed + crop_mark_room);
    const double sheet_width = (p.imposition == Imposition::booklet ? 2 : 1) * width + grown;
    if (sheet_width > largest_pdf_page || height + grown > largest_pdf_page) {
        sink.error(blame(written, {"page.size", "page.orientation", "imposition"}, fallback),
                   "page-too-large",
                   "the printed sheet would be " + format_mm(sheet_width) + " x " +
                       format_mm(height + grown) + "; a PDF page may be at most " +
                       format_mm(largest_pdf_page) + " a side");
    }

    // A PDF/A-1b file with its sRGB output intent cannot hold device CMYK.
    if (p.pdfa) {
        for (const KeyBinding& binding : key_bindings()) {
            if (binding.key->type != ProfileType::Color) continue;
            const Color& color = p.*std::get<Color Profile::*>(binding.member);
            if (color.space != Color::Space::cmyk) continue;
            sink.warning(blame(written, {binding.key->path, "pdfa"}, fallback), "pdfa-cmyk",
                         "'" + std::string(binding.key->path) +
                             "' is a CMYK colour, which PDF/A-1b (pdfa: true) cannot hold; it is "
                             "converted to RGB without colour management");
        }
    }

    // The footer lives in the bottom margin; set higher, it prints over the
    // last lines of text.
    const bool has_footer = p.footer_page_numbers || !p.footer_text.empty();
    if (has_footer && p.footer_baseline + p.footer_size > p.margin_bottom) {
        sink.warning(
            blame(written, {"footer.baseline", "page.margin.bottom", "footer.size"}, fallback),
            "footer-in-text",
            "the footer (baseline " + format_mm(p.footer_baseline) + ", " +
                format_pt(p.footer_size) + " type) reaches into the text area, which ends " +
                format_mm(p.margin_bottom) +
                " above the bottom edge; lower footer.baseline or enlarge page.margin.bottom");
    }

    if (p.text_size > 0 && p.text_leading < p.text_size) {
        sink.warning(blame(written, {"text.leading", "text.size"}, fallback), "tight-leading",
                     "text.leading " + format_pt(p.text_leading) + " is less than text.size " +
                         format_pt(p.text_size) + "; lines of body text will overlap");
    }
}

}  // namespace pamphlet::profile
