// What makes some articles a handout rather than pages torn from the
// brochure: the clinic's letterhead above the first article (its logo at
// the left, its name at the right, a hairline under both) and, after the
// last, its contact details with a QR code to the article online.
#pragma once

#include "document/contact.hpp"
#include "document/images.hpp"
#include "document/loose_text_tags.hpp"
#include "document/text_setter.hpp"
#include "page/vertical_list.hpp"

#include "pamphlet/model.hpp"

namespace pamphlet::typeset {

// A box of the vertical list: `height` above its baseline, which is its
// bottom edge.
struct HandoutBox {
    BoxContent content;
    double height = 0;
};

// The letterhead, `measure` pt wide; nullopt when the clinic has neither a
// name nor a usable logo.
std::optional<HandoutBox> handout_header(const Collection& collection, const std::string& lang,
                                         double measure, TextSetter& setter,
                                         DocumentImages& images);

// The clinic's contact details under an accent rule, a QR code of `url` at
// the right (none when `url` is empty); `measure` pt wide.
HandoutBox handout_contact_block(const Collection& collection, const std::string& lang,
                                 const std::string& url, const SourceSpan& url_span, double measure,
                                 TextSetter& setter, const TagTarget& tags = {});

}  // namespace pamphlet::typeset
