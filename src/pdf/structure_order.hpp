// The structure tree as the PDF writes it (tagged PDF, PDF 1.7 14.7): the
// typesetter made the elements in the order of the source, the painter
// marked their content page by page; here each element's kids (elements
// and marked-content sequences) are put in the order a reader meets them
// on the pages. That keeps the tree right where the page order is not the
// order of making: the contents, made after the body but printed before
// it; a figure floated past the text after it; a footnote at a page's foot.
#pragma once

#include "pamphlet/layout.hpp"

#include <cstdint>
#include <vector>

namespace pamphlet::pdf_detail {

// A marked-content sequence: an element's content on one output page,
// `mcid` its number there (/MCID).
struct MarkedContent {
    StructRef node = artifact;
    int page = 0;
    int mcid = 0;
};

// A kid of an element: another element (a node index) or one of the
// element's own marked-content sequences (an index into the marks).
struct StructKid {
    bool element = false;
    std::int32_t index = 0;
    friend bool operator==(const StructKid&, const StructKid&) = default;
};

struct OrderedStructure {
    std::vector<std::vector<StructKid>> kids;  // by node
    std::vector<StructRef> roots;              // elements without a parent, ordered likewise
};

// `marks` in painting order. An element orders by the first content of it
// or of any element within it; one with no content at all (an empty table
// cell) keeps its place after the sibling made before it.
OrderedStructure order_structure(const StructureTree& tree,
                                 const std::vector<MarkedContent>& marks);

// The standard structure type's name (/S): "P", "H1", "TOCI", ...
const char* role_name(StructRole role);

}  // namespace pamphlet::pdf_detail
