// Saddle-stitch imposition: which pages share a sheet side.
#pragma once

#include <optional>
#include <vector>

namespace pamphlet::pdf_detail {

// Page indices (0-based) side by side on one side of a sheet; nullopt is a
// blank page that pads the booklet to a multiple of four.
struct SheetSide {
    std::optional<int> left, right;
    friend bool operator==(const SheetSide&, const SheetSide&) = default;
};

// The sheet sides in printing order for a booklet of `page_count` pages.
// Printed double-sided (flip on the short edge), stacked and folded once,
// they read 1, 2, 3, ... : the outermost sheet carries the last page and
// the first on its front, the second and the second-to-last on its back.
std::vector<SheetSide> booklet_sheet_sides(int page_count);

}  // namespace pamphlet::pdf_detail
