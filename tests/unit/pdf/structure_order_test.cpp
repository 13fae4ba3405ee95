// The structure tree's order as the PDF writes it: each element's kids as
// a reader meets them on the pages, whatever order they were made in.
#include "structure_order.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;
using namespace pamphlet::pdf_detail;

namespace {

StructKid element(int index) {
    return {true, index};
}
StructKid content(int mark) {
    return {false, mark};
}

}  // namespace

TEST_CASE("elements are ordered by where their content is first painted") {
    StructureTree tree;
    const StructRef document = tree.add(StructRole::document, artifact);
    const StructRef art = tree.add(StructRole::art, document);
    const StructRef h1 = tree.add(StructRole::h1, art);
    const StructRef p = tree.add(StructRole::p, art);
    // The contents are made after the body but printed before it.
    const StructRef toc = tree.add(StructRole::toc, document);
    const StructRef toci = tree.add(StructRole::toci, toc);
    const std::vector<MarkedContent> marks = {
        {toci, 0, 0},  // page 1: the contents
        {h1, 1, 0},    // page 2: the article
        {p, 1, 1},
        {p, 2, 0},  // the paragraph continues on page 3
    };
    const OrderedStructure ordered = order_structure(tree, marks);
    CHECK(ordered.roots == std::vector<StructRef>{document});
    CHECK(ordered.kids[static_cast<std::size_t>(document)] ==
          std::vector<StructKid>{element(toc), element(art)});
    CHECK(ordered.kids[static_cast<std::size_t>(art)] ==
          std::vector<StructKid>{element(h1), element(p)});
    // One P, two marked-content sequences on two pages.
    CHECK(ordered.kids[static_cast<std::size_t>(p)] ==
          std::vector<StructKid>{content(2), content(3)});
    CHECK(ordered.kids[static_cast<std::size_t>(toc)] == std::vector<StructKid>{element(toci)});
}

TEST_CASE("an element's own content and its children interleave") {
    StructureTree tree;
    const StructRef p = tree.add(StructRole::p, artifact);
    const StructRef link = tree.add(StructRole::link, p);
    const std::vector<MarkedContent> marks = {{p, 0, 0}, {link, 0, 1}, {p, 0, 2}};
    const OrderedStructure ordered = order_structure(tree, marks);
    CHECK(ordered.kids[static_cast<std::size_t>(p)] ==
          std::vector<StructKid>{content(0), element(link), content(2)});
    CHECK(ordered.kids[static_cast<std::size_t>(link)] == std::vector<StructKid>{content(1)});
}

TEST_CASE("an element without content stays behind the sibling made before it") {
    StructureTree tree;
    const StructRef table = tree.add(StructRole::table, artifact);
    const StructRef row = tree.add(StructRole::tr, table);
    const StructRef first = tree.add(StructRole::td, row);
    const StructRef empty = tree.add(StructRole::td, row);
    const StructRef last = tree.add(StructRole::td, row);
    const StructRef leading_empty_row = tree.add(StructRole::tr, table);
    // Painted: the last cell first (a right-aligned cell set earlier), then the first.
    const std::vector<MarkedContent> marks = {{last, 0, 0}, {first, 0, 1}};
    const OrderedStructure ordered = order_structure(tree, marks);
    CHECK(ordered.kids[static_cast<std::size_t>(row)] ==
          std::vector<StructKid>{element(last), element(first), element(empty)});
    CHECK(ordered.kids[static_cast<std::size_t>(table)] ==
          std::vector<StructKid>{element(row), element(leading_empty_row)});
    CHECK(ordered.kids[static_cast<std::size_t>(empty)].empty());
}

TEST_CASE("every role has its standard structure type") {
    CHECK(std::string(role_name(StructRole::document)) == "Document");
    CHECK(std::string(role_name(StructRole::block_quote)) == "BlockQuote");
    CHECK(std::string(role_name(StructRole::lbody)) == "LBody");
    CHECK(std::string(role_name(StructRole::toci)) == "TOCI");
    CHECK(std::string(role_name(StructRole::h6)) == "H6");
}
