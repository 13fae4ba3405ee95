// The structure tree's objects in the PDF (PDF 1.7, 14.7): an element per
// node, the StructTreeRoot, its ParentTree. A brochure of 500 articles has
// tens of thousands of elements; built from libharu's dictionaries, arrays
// and names (a name takes 128 bytes there) they would cost more memory than
// the rest of the PDF. So each is an empty libharu dictionary, which gives
// it its object number and its place in the file, whose entries this
// writer prints when libharu writes it (the dictionary's write_fn), from
// the tree and the marks alone.
#pragma once

#include "structure_order.hpp"

#include "pamphlet/layout.hpp"

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pamphlet::pdf_detail {

class StructureWriter {
public:
    // `page_marks[p]`: page p's marked-content sequences by MCID, as
    // indices into `marks`. All must outlive the writer, which must outlive
    // the document's saving.
    StructureWriter(HPDF_Doc pdf, const StructureTree& tree,
                    const std::vector<MarkedContent>& marks,
                    const std::vector<std::vector<std::int32_t>>& page_marks,
                    const std::vector<HPDF_Page>& pages);
    StructureWriter(const StructureWriter&) = delete;
    StructureWriter& operator=(const StructureWriter&) = delete;

    // Makes the objects and enters the tree in the catalog; false when
    // libharu could not.
    bool write();
    // A link annotation on page `page` that belongs to Link element `node`:
    // it gets /StructParent and /Contents (the element's description), the
    // element an object reference to it.
    void add_link(HPDF_Annotation annotation, std::size_t page, StructRef node);

private:
    struct Record {
        StructureWriter* writer = nullptr;
        std::int32_t node = -1;  // -1: the root, -2: the parent tree
    };
    struct LinkObject {
        StructRef node = artifact;
        std::size_t page = 0;
        HPDF_Dict annotation = nullptr;
    };
    static HPDF_STATUS write_entries(HPDF_Dict dict, HPDF_Stream out);
    std::string element_entries(std::size_t node) const;
    std::string root_entries() const;
    std::string parent_tree_entries() const;
    static std::string reference(const void* object);
    static std::string note_id(std::size_t n);

    HPDF_Doc pdf_;
    const StructureTree& tree_;
    const std::vector<MarkedContent>& marks_;
    const std::vector<std::vector<std::int32_t>>& page_marks_;
    const std::vector<HPDF_Page>& pages_;
    OrderedStructure ordered_;
    std::vector<Record> records_;  // the elements', then the root's and the parent tree's
    std::vector<HPDF_Dict> elements_;
    HPDF_Dict root_ = nullptr, parent_tree_ = nullptr;
    std::vector<LinkObject> links_;                 // in the order of their keys
    std::vector<std::vector<std::int32_t>> objrs_;  // by node: indices into links_
};

}  // namespace pamphlet::pdf_detail
