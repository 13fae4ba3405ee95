// Tagged PDF for what is set outside the articles' vertical list — the
// cover's band, the back page's and a handout's contact details: by then
// the text is placed runs, and its elements are found from where they lie.
#pragma once

#include "document/contact.hpp"

#include "pamphlet/layout.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace pamphlet::typeset {

// Where new elements go; no tree: nothing is tagged.
struct TagTarget {
    StructureTree* tree = nullptr;
    StructRef parent = artifact;
};

// The runs of items[from...] that belong to no element yet: the runs on one
// baseline a P under the target's parent, those within a link's area (and
// the area) a Link in it, described by the address it leads to. Images
// and rectangles stay artifacts (the logo beside the clinic's name).
void tag_loose_text(std::vector<PageItem>& items, std::size_t from, const TagTarget& target);

// The QR code: a Link (its area and the printed address under the code)
// holding a Figure (the code's modules) whose /Alt says where it leads.
void tag_qr_figure(QrFigure& figure, const std::string& url, const TagTarget& target);

}  // namespace pamphlet::typeset
