#include "structure_writer.hpp"

#include "pamphlet/base/utf8.hpp"

#include <initializer_list>
#include <string_view>

namespace pamphlet::pdf_detail {

namespace {

// A text string's bytes: UTF-16BE with its byte order mark (PDF 1.7,
// 7.9.2.2), which holds any text.
std::string utf16_text(const std::string& text) {
    std::string out = "\xFE\xFF";
    auto unit = [&](unsigned u) {
        out += static_cast<char>(u >> 8);
        out += static_cast<char>(u & 0xFF);
    };
    utf8::for_each(text, [&](char32_t c) {
        if (c >= 0x10000) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(static_cast<unsigned>(c));
        }
    });
    return out;
}

// ... written as hex, which needs no escapes.
std::string hex_text(const std::string& text) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out = "<";
    for (char c : utf16_text(text)) {
        const auto byte = static_cast<unsigned char>(c);
        out += digits[byte >> 4];
        out += digits[byte & 0xF];
    }
    out += '>';
    return out;
}

// Appends the pieces: the entries are built piece by piece into one string
// (and GCC 12 misreads `"text" + std::string` at -O3 as overlapping copies).
void append(std::string& out, std::initializer_list<std::string_view> pieces) {
    for (std::string_view piece : pieces) out += piece;
}

}  // namespace

StructureWriter::StructureWriter(HPDF_Doc pdf, const StructureTree& tree,
                                 const std::vector<MarkedContent>& marks,
                                 const std::vector<std::vector<std::int32_t>>& page_marks,
                                 const std::vector<HPDF_Page>& pages)
    : pdf_(pdf), tree_(tree), marks_(marks), page_marks_(page_marks), pages_(pages) {}

std::string StructureWriter::reference(const void* object) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(object);
    std::string out = std::to_string(header->obj_id & 0x00FFFFFF);
    out += ' ';
    out += std::to_string(header->gen_no);
    out += " R";
    return out;
}

bool StructureWriter::write() {
    ordered_ = order_structure(tree_, marks_);
    const std::size_t count = tree_.nodes.size();
    objrs_.assign(count, {});
    // The records do not move: the dictionaries point at them.
    records_.reserve(count + 2);
    elements_.reserve(count);
    auto make = [&](std::int32_t node) {
        HPDF_Dict dict = HPDF_Dict_New(pdf_->mmgr);
        if (dict == nullptr || HPDF_Xref_Add(pdf_->xref, dict) != HPDF_OK) return HPDF_Dict{};
        records_.push_back({this, node});
        dict->attr = &records_.back();
        dict->write_fn = write_entries;
        return dict;
    };
    for (std::size_t n = 0; n < count; ++n) {
        HPDF_Dict element = make(static_cast<std::int32_t>(n));
        if (element == nullptr) return false;
        elements_.push_back(element);
    }
    root_ = make(-1);
    parent_tree_ = make(-2);
    if (root_ == nullptr || parent_tree_ == nullptr) return false;
    HPDF_Dict_Add(pdf_->catalog, "StructTreeRoot", root_);

    HPDF_Dict mark_info = HPDF_Dict_New(pdf_->mmgr);
    HPDF_Dict_Add(mark_info, "Marked", HPDF_Boolean_New(pdf_->mmgr, HPDF_TRUE));
    HPDF_Dict_Add(pdf_->catalog, "MarkInfo", mark_info);
    // A viewer's title bar shows the brochure's title, not its file name.
    HPDF_Dict preferences = HPDF_Dict_New(pdf_->mmgr);
    HPDF_Dict_Add(preferences, "DisplayDocTitle", HPDF_Boolean_New(pdf_->mmgr, HPDF_TRUE));
    HPDF_Dict_Add(pdf_->catalog, "ViewerPreferences", preferences);
    return true;
}

void StructureWriter::add_link(HPDF_Annotation annotation, std::size_t page, StructRef node) {
    const auto index = static_cast<std::size_t>(node);
    if (node == artifact || index >= elements_.size()) return;
    const std::string& description = tree_.alt(node);
    // Parent tree keys: one per page first, then one per link.
    const auto key = static_cast<HPDF_INT32>(pages_.size() + links_.size());
    HPDF_Dict_AddNumber(annotation, "StructParent", key);
    if (!description.empty()) {
        std::string bytes = utf16_text(description);
        HPDF_Dict_Add(annotation, "Contents",
                      HPDF_Binary_New(pdf_->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                      static_cast<HPDF_UINT>(bytes.size())));
    }
    objrs_[index].push_back(static_cast<std::int32_t>(links_.size()));
    links_.push_back({node, page, annotation});
}

HPDF_STATUS StructureWriter::write_entries(HPDF_Dict dict, HPDF_Stream out) {
    const auto* record = static_cast<const Record*>(dict->attr);
    const StructureWriter& writer = *record->writer;
    const std::string entries = record->node >= 0
                                    ? writer.element_entries(static_cast<std::size_t>(record->node))
                                : record->node == -1 ? writer.root_entries()
                                                     : writer.parent_tree_entries();
    return HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(entries.data()),
                             static_cast<HPDF_UINT>(entries.size()));
}

std::string StructureWriter::element_entries(std::size_t n) const {
    // Tens of thousands of these, uncompressed (libharu writes no object
    // streams): without the optional /Type, and a lone kid without an array.
    const StructNode& node = tree_.nodes[n];
    std::string out = "/S /";
    out += role_name(node.role);
    out += " /P ";
    out += node.parent == artifact ? reference(root_)
                                   : reference(elements_[static_cast<std::size_t>(node.parent)]);
    // The page of the element's first content is its /Pg: content there is
    // a bare MCID, elsewhere a marked-content reference.
    int page = -1;
    for (const StructKid& kid : ordered_.kids[n]) {
        if (kid.element) continue;
        page = marks_[static_cast<std::size_t>(kid.index)].page;
        break;
    }
    if (page >= 0) append(out, {" /Pg ", reference(pages_[static_cast<std::size_t>(page)])});
    const bool array = ordered_.kids[n].size() + objrs_[n].size() != 1;
    out += array ? " /K [" : " /K";
    for (const StructKid& kid : ordered_.kids[n]) {
        out += ' ';
        if (kid.element) {
            out += reference(elements_[static_cast<std::size_t>(kid.index)]);
            continue;
        }
        const MarkedContent& mark = marks_[static_cast<std::size_t>(kid.index)];
        if (mark.page == page) {
            out += std::to_string(mark.mcid);
        } else {
            append(out,
                   {"<</Type /MCR /Pg ", reference(pages_[static_cast<std::size_t>(mark.page)]),
                    " /MCID ", std::to_string(mark.mcid), ">>"});
        }
    }
    for (std::int32_t link : objrs_[n]) {
        const LinkObject& object = links_[static_cast<std::size_t>(link)];
        append(out, {" <</Type /OBJR /Pg ", reference(pages_[object.page]), " /Obj ",
                     reference(object.annotation), ">>"});
    }
    if (array) out += " ]";
    const auto ref = static_cast<StructRef>(n);
    if (!tree_.alt(ref).empty() && node.role != StructRole::link)
        append(out, {" /Alt ", hex_text(tree_.alt(ref))});
    if (!tree_.lang(ref).empty()) append(out, {" /Lang ", hex_text(tree_.lang(ref))});
    if (node.role == StructRole::th && node.scope != HeaderScope::none)
        append(out, {" /A <</O /Table /Scope /", node.scope == HeaderScope::row ? "Row" : "Column",
                     ">>"});
    if (node.role == StructRole::note) append(out, {" /ID ", note_id(n)});
    out += '\n';
    return out;
}

// A Note's identifier (PDF/UA-1 asks for one, Matterhorn 19-003): its
// element's index, zero-padded, so that the IDTree's keys, in element order,
// are in the byte order a name tree wants.
std::string StructureWriter::note_id(std::size_t n) {
    std::string digits = std::to_string(n);
    return "(note-" + std::string(digits.size() < 10 ? 10 - digits.size() : 0, '0') + digits + ")";
}

std::string StructureWriter::root_entries() const {
    std::string out = "/Type /StructTreeRoot\n/K [";
    for (StructRef root : ordered_.roots)
        append(out, {" ", reference(elements_[static_cast<std::size_t>(root)])});
    append(out, {" ]\n/ParentTree ", reference(parent_tree_), "\n/ParentTreeNextKey ",
                 std::to_string(pages_.size() + links_.size()), "\n"});
    std::string ids;
    for (std::size_t n = 0; n < tree_.nodes.size(); ++n) {
        if (tree_.nodes[n].role == StructRole::note)
            append(ids, {" ", note_id(n), " ", reference(elements_[n])});
    }
    if (!ids.empty()) append(out, {"/IDTree << /Names [", ids, " ] >>\n"});
    return out;
}

// One number tree node: page i (its /StructParents) to the elements of its
// MCIDs, in MCID order; then each link's key to its Link element.
std::string StructureWriter::parent_tree_entries() const {
    std::string out = "/Nums [";
    for (std::size_t p = 0; p < page_marks_.size(); ++p) {
        append(out, {"\n", std::to_string(p), " ["});
        for (std::int32_t m : page_marks_[p]) {
            out += ' ';
            out += reference(
                elements_[static_cast<std::size_t>(marks_[static_cast<std::size_t>(m)].node)]);
        }
        out += " ]";
    }
    for (std::size_t k = 0; k < links_.size(); ++k) {
        append(out, {"\n", std::to_string(pages_.size() + k), " ",
                     reference(elements_[static_cast<std::size_t>(links_[k].node)])});
    }
    out += " ]\n";
    return out;
}

}  // namespace pamphlet::pdf_detail
