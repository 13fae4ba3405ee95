#include "structure_order.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

namespace pamphlet::pdf_detail {

namespace {

constexpr std::int64_t no_content = std::numeric_limits<std::int64_t>::max();

struct Keyed {
    std::int64_t key = 0;
    StructKid kid;
};

// Orders `items` (made in creation order) by key; an item without content
// takes the key of the item before it, so that it stays behind it.
void sort_kids(std::vector<Keyed>& items, std::vector<StructKid>& out) {
    std::int64_t last = -1;
    for (Keyed& item : items) {
        if (item.key == no_content) {
            item.key = last;
        } else {
            last = item.key;
        }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    out.reserve(items.size());
    for (const Keyed& item : items) out.push_back(item.kid);
}

}  // namespace

OrderedStructure order_structure(const StructureTree& tree,
                                 const std::vector<MarkedContent>& marks) {
    const std::size_t count = tree.nodes.size();
    // An element's key: where its first content, or its elements', was painted.
    std::vector<std::int64_t> first(count, no_content);
    for (std::size_t m = marks.size(); m-- > 0;) {
        const auto node = static_cast<std::size_t>(marks[m].node);
        assert(node < count);
        first[node] = static_cast<std::int64_t>(m);
    }
    // Parents come before their children: from the last element back, each
    // hands its key up.
    for (std::size_t n = count; n-- > 0;) {
        const StructRef parent = tree.nodes[n].parent;
        if (parent == artifact) continue;
        assert(static_cast<std::size_t>(parent) < n);
        first[static_cast<std::size_t>(parent)] =
            std::min(first[static_cast<std::size_t>(parent)], first[n]);
    }

    std::vector<std::vector<Keyed>> keyed(count);
    std::vector<Keyed> roots;
    // No two kids of an element share a key (a mark belongs to one
    // element, and is the first of at most one child's subtree).
    for (std::size_t m = 0; m < marks.size(); ++m) {
        keyed[static_cast<std::size_t>(marks[m].node)].push_back(
            {static_cast<std::int64_t>(m), {false, static_cast<std::int32_t>(m)}});
    }
    for (std::size_t n = 0; n < count; ++n) {
        const Keyed kid{first[n], {true, static_cast<std::int32_t>(n)}};
        const StructRef parent = tree.nodes[n].parent;
        if (parent == artifact) {
            roots.push_back(kid);
        } else {
            keyed[static_cast<std::size_t>(parent)].push_back(kid);
        }
    }
    OrderedStructure ordered;
    ordered.kids.resize(count);
    for (std::size_t n = 0; n < count; ++n) sort_kids(keyed[n], ordered.kids[n]);
    std::vector<StructKid> root_kids;
    sort_kids(roots, root_kids);
    for (const StructKid& kid : root_kids) ordered.roots.push_back(kid.index);
    return ordered;
}

const char* role_name(StructRole role) {
    switch (role) {
        case StructRole::document:
            return "Document";
        case StructRole::sect:
            return "Sect";
        case StructRole::art:
            return "Art";
        case StructRole::div:
            return "Div";
        case StructRole::h1:
            return "H1";
        case StructRole::h2:
            return "H2";
        case StructRole::h3:
            return "H3";
        case StructRole::h4:
            return "H4";
        case StructRole::h5:
            return "H5";
        case StructRole::h6:
            return "H6";
        case StructRole::p:
            return "P";
        case StructRole::l:
            return "L";
        case StructRole::li:
            return "LI";
        case StructRole::lbl:
            return "Lbl";
        case StructRole::lbody:
            return "LBody";
        case StructRole::block_quote:
            return "BlockQuote";
        case StructRole::figure:
            return "Figure";
        case StructRole::caption:
            return "Caption";
        case StructRole::table:
            return "Table";
        case StructRole::tr:
            return "TR";
        case StructRole::th:
            return "TH";
        case StructRole::td:
            return "TD";
        case StructRole::note:
            return "Note";
        case StructRole::link:
            return "Link";
        case StructRole::code:
            return "Code";
        case StructRole::span:
            return "Span";
        case StructRole::toc:
            return "TOC";
        case StructRole::toci:
            return "TOCI";
    }
    return "Span";
}

}  // namespace pamphlet::pdf_detail
