#include "document/contact.hpp"

#include "pamphlet/locale.hpp"
#include "pamphlet/qr.hpp"

#include <algorithm>

namespace pamphlet::typeset {

namespace {

// About 22 mm: a phone reads it from a held sheet, and its modules (about
// 0.7 mm for a web address) stay well above what office printers blur.
constexpr double qr_symbol_width = 62;
// Long addresses make more modules; below this (0.5 mm) the code grows
// instead of its modules shrinking.
constexpr double qr_min_module = 1.5;

// `text` cut after slashes into pieces no wider than `width` where a slash
// allows it.
std::vector<std::string> caption_lines(const std::string& text, double width,
                                       const TextStyle& style, const SourceSpan& span,
                                       const std::string& lang, TextSetter& setter) {
    auto measure = [&](const std::string& piece) {
        StyledText styled;
        styled.add(piece, style, span);
        return setter.width(styled, lang);
    };
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t slash = text.find('/', start);
        const std::size_t end = slash == std::string::npos ? text.size() : slash + 1;
        const std::string piece = text.substr(start, end - start);
        if (!line.empty() && measure(line + piece) > width) {
            lines.push_back(std::move(line));
            line.clear();
        }
        line += piece;
        start = end;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

}  // namespace

std::string printed_url(const std::string& url) {
    std::string_view text = url;
    for (std::string_view scheme : {"https://", "http://"}) {
        if (text.substr(0, scheme.size()) == scheme) {
            text.remove_prefix(scheme.size());
            break;
        }
    }
    if (text.size() > 1 && text.back() == '/') text.remove_suffix(1);
    return std::string(text);
}

void add_contact_lines(LineStack& stack, const Publisher& publisher, const std::string& lang,
                       const SourceSpan& span, TextSetter& setter, double name_space_before) {
    const Styles& styles = setter.styles();
    const Profile& profile = styles.profile();
    const Words& words = words_for(lang);
    const TextStyle text_style = styles.resolve(styles.back_text.format);
    Format muted_format = styles.back_text.format;
    muted_format.color = profile.muted_color;
    const TextStyle muted = styles.resolve(muted_format);
    Format link_format = styles.back_text.format;
    link_format.color = profile.link_color;
    const TextStyle link_style = styles.resolve(link_format);
    const double line_gap = profile.paragraph_spacing;

    if (!publisher.name.empty()) {
        StyledText name;
        name.add(publisher.name, styles.resolve(styles.back_name.format), span);
        stack.add(name, styles.back_name, name_space_before);
    }
    if (!publisher.address.empty()) {
        StyledText address;
        address.add(publisher.address, text_style, span);
        stack.add(address, styles.back_text, line_gap);
    }
    // The first of phone, e-mail and website stands apart from the address.
    double space = line_gap;
    auto contact = [&](std::string_view label, const std::string& value, const std::string& uri) {
        if (value.empty()) return;
        StyledText text;
        text.links.push_back({uri, {}, value, {}});
        text.add(std::string(label) + "\u2002", muted, span);
        text.add(value, link_style, span, 0);
        stack.add(text, styles.back_text, space);
        space = 0;
    };
    contact(words.phone, publisher.phone, tel_uri(publisher.phone));
    contact(words.email, publisher.email, "mailto:" + publisher.email);
    contact(words.website, publisher.website, web_uri(publisher.website));
}

ContactQr contact_qr(const std::string& url, const std::string& lang, const SourceSpan& span,
                     TextSetter& setter, double measure) {
    // The code and its caption take at most two fifths of the measure, and
    // a gutter of two ems keeps the details clear of them.
    constexpr double figure_share = 0.4;
    ContactQr result;
    if (!url.empty()) result.figure = qr_figure(url, lang, span, setter, figure_share * measure);
    const double gutter = 2 * setter.styles().profile().text_size;
    result.details_measure = result.figure ? measure - result.figure->width - gutter : measure;
    return result;
}

std::optional<QrFigure> qr_figure(const std::string& url, const std::string& lang,
                                  const SourceSpan& span, TextSetter& setter,
                                  double caption_width) {
    QrEncoding encoding = encode_qr(url);
    if (!encoding.code) {
        setter.sink().warning(span, "qr-code",
                              "no QR code for '" + url + "': " + encoding.error +
                                  "; the address is printed without one");
        return std::nullopt;
    }
    const QrCode& code = *encoding.code;
    const Styles& styles = setter.styles();
    const Profile& profile = styles.profile();
    const double module = std::max(qr_symbol_width / code.size, qr_min_module);
    const double symbol = code.size * module;
    const double quiet = qr_quiet_zone * module;
    // A long address needs many modules; drawn any smaller they would not
    // scan, drawn this large they would crowd out the contact details.
    if (symbol > caption_width) {
        setter.sink().warning(span, "qr-code",
                              "no QR code for '" + url + "': its " + std::to_string(code.size) +
                                  " modules a side do not fit beside the contact details at a "
                                  "scannable size; the address is printed without one");
        return std::nullopt;
    }

    const TextStyle caption_style = styles.resolve(styles.footer.format);
    const Styles::Strut strut = styles.strut(styles.footer);
    std::vector<SetLine> lines;
    for (const std::string& piece :
         caption_lines(printed_url(url), caption_width, caption_style, span, lang, setter)) {
        StyledText text;
        text.add(piece, caption_style, span);
        std::vector<SetLine> set = setter.set(text, lang, caption_width * 2, Alignment::left);
        lines.insert(lines.end(), std::make_move_iterator(set.begin()),
                     std::make_move_iterator(set.end()));
    }

    // Nobody types an address of more than a few lines: the code is the way
    // in, and the caption is left out rather than run down the page.
    constexpr std::size_t most_caption_lines = 3;
    if (lines.size() > most_caption_lines) lines.clear();

    QrFigure figure;
    figure.width = symbol;
    for (const SetLine& line : lines) figure.width = std::max(figure.width, line.width);
    // Captions from the last line up, baselines a leading apart.
    double baseline = 0;
    for (std::size_t i = lines.size(); i-- > 0;) {
        const double x = figure.width - lines[i].width;
        BoxContent line = setter.line_content(std::move(lines[i]), x, {});
        for (PageItem& item : line.items) {
            if (auto* run = std::get_if<GlyphRun>(&item)) run->y += baseline;
            figure.content.items.push_back(std::move(item));
        }
        if (i > 0) baseline += styles.footer.leading;
    }
    figure.depth = lines.empty() ? 0 : strut.depth;
    // The symbol sits a quiet zone above the caption's first line.
    const double caption_top = lines.empty() ? 0 : baseline + strut.height;
    const double symbol_bottom = caption_top + quiet;
    const Color light{Color::Space::rgb, {1, 1, 1, 0}};
    for (const FilledRect& rect :
         qr_rects(code, figure.width - symbol - quiet, symbol_bottom - quiet, module,
                  profile.text_color, light)) {
        figure.content.items.emplace_back(rect);
    }
    figure.height = symbol_bottom + symbol;
    // The symbol and its caption are one link, for readers of the PDF.
    figure.content.items.emplace_back(LinkArea{figure.width - std::max(symbol, figure.width),
                                               -figure.depth, figure.width,
                                               figure.height + figure.depth, url, std::nullopt, 0});
    return figure;
}

}  // namespace pamphlet::typeset
