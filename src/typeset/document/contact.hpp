// The clinic's contact details as the back page and a handout's last page
// show them — name, address, phone, e-mail, website, each a link where it
// leads somewhere — and a QR code to a web address, drawn as rectangles,
// with the address in small type under it.
#pragma once

#include "document/line_stack.hpp"
#include "document/text_setter.hpp"
#include "page/vertical_list.hpp"

#include "pamphlet/model.hpp"

#include <optional>
#include <string>

namespace pamphlet::typeset {

// Adds the lines of `publisher`'s details that it has to `stack`, the name
// `name_space_before` below what the stack holds already.
void add_contact_lines(LineStack& stack, const Publisher& publisher, const std::string& lang,
                       const SourceSpan& span, TextSetter& setter, double name_space_before);

// A QR code and its caption, as a box: x from its left edge, y from the
// caption's last baseline. The symbol and the caption are flush right; the
// symbol's light quiet zone reaches beyond the box on the left, right and top.
struct QrFigure {
    BoxContent content;
    double width = 0, height = 0, depth = 0;
};

// A QR code of `url`, its caption `url` without the scheme, broken after
// slashes to stay within `caption_width` where it can. nullopt, after a
// warning at `span`, when `url` cannot be encoded.
std::optional<QrFigure> qr_figure(const std::string& url, const std::string& lang,
                                  const SourceSpan& span, TextSetter& setter, double caption_width);

// The QR code of `url` that stands at the right of the contact details (none
// when `url` is empty or cannot be encoded), and the measure it leaves them.
struct ContactQr {
    std::optional<QrFigure> figure;
    double details_measure = 0;
};
ContactQr contact_qr(const std::string& url, const std::string& lang, const SourceSpan& span,
                     TextSetter& setter, double measure);

// "https://www.example.org/de/" -> "www.example.org/de": how an address is
// printed for people to type.
std::string printed_url(const std::string& url);

}  // namespace pamphlet::typeset
