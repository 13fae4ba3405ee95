#include "page/placement.hpp"

namespace pamphlet::typeset {

namespace {

struct Mover {
    double x, y;
    void operator()(GlyphRun& run) const {
        run.x += x;
        run.y += y;
    }
    void operator()(FilledRect& rect) const {
        rect.x += x;
        rect.y += y;
    }
    void operator()(PlacedImage& image) const {
        image.x += x;
        image.y += y;
    }
    void operator()(LinkArea& area) const {
        area.x += x;
        area.y += y;
    }
};

}  // namespace

void place_items(const BoxContent& content, double x, double baseline, Page& page) {
    for (const PageItem& item : content.items) {
        PageItem moved = item;
        std::visit(Mover{x, baseline}, moved);
        page.items.push_back(std::move(moved));
    }
}

void place_items(std::vector<PageItem>&& items, double x, double baseline, Page& page) {
    for (PageItem& item : items) {
        std::visit(Mover{x, baseline}, item);
        page.items.push_back(std::move(item));
    }
    // The moved-from items still hold their room: give it back now, not
    // when the whole document is done.
    std::vector<PageItem>().swap(items);
}

void place_items(BoxContent&& content, double x, double baseline, Page& page) {
    place_items(std::move(content.items), x, baseline, page);
}

LinkArea placed_link(const PendingLink& link, double x, double baseline) {
    LinkArea area = link.area;
    Mover{x, baseline}(area);
    return area;
}

}  // namespace pamphlet::typeset
