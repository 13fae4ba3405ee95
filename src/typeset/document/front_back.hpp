// The brochure's covers: the front with the cover picture, a colour band
// carrying title and subtitle, and the clinic's logo; the back with the
// clinic's address, phone, e-mail and website, the rights and the date.
#pragma once

#include "document/images.hpp"
#include "document/loose_text_tags.hpp"
#include "document/text_setter.hpp"

#include "pamphlet/edition_info.hpp"
#include "pamphlet/layout.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/typeset.hpp"

namespace pamphlet::typeset {

struct CoverContext {
    const Collection& collection;
    const Edition& edition;
    const EditionInfo& info;  // title and subtitle
    TextSetter& setter;
    DocumentImages& images;
    const TypesetOptions& options;
    double page_width = 0, page_height = 0;
    TagTarget tags;  // the covers' text and QR code (tagged PDF)
};

Page front_cover(CoverContext& context);
Page back_cover(CoverContext& context);

}  // namespace pamphlet::typeset
