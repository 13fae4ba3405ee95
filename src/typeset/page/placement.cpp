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

void FramePainter::add_box(const std::vector<int>& frames, double top, double bottom,
                           Page& page) {
    std::size_t shared = 0;
    while (shared < open_.size() && shared < frames.size() && open_[shared].frame == frames[shared])
        ++shared;
    while (open_.size() > shared) {
        close(open_.back(), page);
        open_.pop_back();
    }
    for (Open& open : open_) open.bottom = bottom;
    for (std::size_t k = shared; k < frames.size(); ++k) {
        Open open{frames[k], page.items.size(), page.items.size(), top, bottom};
        page.items.emplace_back(FilledRect{});
        if (frames_[static_cast<std::size_t>(frames[k])].rule_width > 0) {
            open.rule_item = page.items.size();
            page.items.emplace_back(FilledRect{});
        }
        open_.push_back(open);
    }
}

void FramePainter::finish(Page& page) {
    for (const Open& open : open_) close(open, page);
    open_.clear();
}

void FramePainter::close(const Open& open, Page& page) const {
    const Frame& frame = frames_[static_cast<std::size_t>(open.frame)];
    const double height = open.top - open.bottom;
    page.items[open.fill_item] =
        FilledRect{left_ + frame.x, open.bottom, frame.width, height, frame.fill};
    if (open.rule_item != open.fill_item) {
        page.items[open.rule_item] =
            FilledRect{left_ + frame.x, open.bottom, frame.rule_width, height, frame.rule_color};
    }
}

void make_artifacts(std::vector<PageItem>& items) {
    for (PageItem& item : items)
        std::visit(
            [](auto& it) {
                if constexpr (requires { it.node; }) it.node = artifact;
            },
            item);
}

LinkArea placed_link(const PendingLink& link, double x, double baseline) {
    LinkArea area = link.area;
    Mover{x, baseline}(area);
    return area;
}

}  // namespace pamphlet::typeset
