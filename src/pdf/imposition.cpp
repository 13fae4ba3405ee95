#include "imposition.hpp"

namespace pamphlet::pdf_detail {

std::vector<SheetSide> booklet_sheet_sides(int page_count) {
    if (page_count <= 0) return {};
    // Each sheet carries four pages. The typesetter pads a booklet to a
    // multiple of four with pages of its own; blanks at the end only keep
    // any other count from failing.
    const int padded = (page_count + 3) / 4 * 4;
    auto page = [&](int index) -> std::optional<int> {
        if (index < page_count) return index;
        return std::nullopt;
    };
    std::vector<SheetSide> sides;
    sides.reserve(static_cast<std::size_t>(padded / 2));
    for (int side = 0; side < padded / 2; ++side) {
        const int outer = padded - 1 - side;  // counted from the back
        const int inner = side;               // counted from the front
        // Fronts hold the later page on the left, backs the earlier one.
        if (side % 2 == 0) {
            sides.push_back({page(outer), page(inner)});
        } else {
            sides.push_back({page(inner), page(outer)});
        }
    }
    return sides;
}

}  // namespace pamphlet::pdf_detail
