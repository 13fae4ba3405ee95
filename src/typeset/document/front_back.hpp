// The brochure's covers: the front with the cover picture, a colour band
// carrying title and subtitle, and the clinic's logo; the back with the
// clinic's address, phone, e-mail and website, the rights and the date.
#pragma once

#include "document/images.hpp"
#include "document/text_setter.hpp"

#include "pamphlet/layout.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/typeset.hpp"

namespace pamphlet::typeset {

struct CoverContext {
    const Collection& collection;
    const Edition& edition;
    TextSetter& setter;
    DocumentImages& images;
    const TypesetOptions& options;
    double page_width = 0, page_height = 0;
};

// The brochure's title: the edition's, else the collection's.
std::string brochure_title(const Collection& collection, const Edition& edition);
std::string brochure_subtitle(const Collection& collection, const Edition& edition);

Page front_cover(CoverContext& context);
Page back_cover(CoverContext& context);

}  // namespace pamphlet::typeset
