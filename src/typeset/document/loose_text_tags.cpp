#include "document/loose_text_tags.hpp"

#include <cmath>
#include <map>

namespace pamphlet::typeset {

namespace {

// How a link's address reads: without its scheme.
std::string readable_address(const std::string& uri) {
    for (std::string_view scheme : {"mailto:", "tel:"})
        if (uri.starts_with(scheme)) return uri.substr(scheme.size());
    return printed_url(uri);
}

bool inside(const LinkArea& area, double x, double y) {
    return x >= area.x && x <= area.x + area.width && y >= area.y && y <= area.y + area.height;
}

}  // namespace

void tag_loose_text(std::vector<PageItem>& items, std::size_t from, const TagTarget& target) {
    if (!target.tree) return;
    StructureTree& tree = *target.tree;
    // Baselines to 1/100 pt: runs of one line share theirs exactly.
    std::map<long long, StructRef> lines;
    std::map<std::size_t, StructRef> links;  // by the area's item
    for (std::size_t i = from; i < items.size(); ++i) {
        auto* run = std::get_if<GlyphRun>(&items[i]);
        if (!run || run->node != artifact) continue;
        const long long baseline = std::llround(run->y * 100);
        auto line = lines.find(baseline);
        if (line == lines.end())
            line = lines.emplace(baseline, tree.add(StructRole::p, target.parent)).first;
        run->node = line->second;
        // A run's start, just inside its first glyph, on its baseline.
        const double x = run->x + 0.1, y = run->y;
        for (std::size_t k = from; k < items.size(); ++k) {
            auto* area = std::get_if<LinkArea>(&items[k]);
            if (!area || (area->node != artifact && !links.contains(k)) || !inside(*area, x, y))
                continue;
            auto link = links.find(k);
            if (link == links.end()) {
                const StructRef node = tree.add(StructRole::link, line->second);
                tree.set_alt(node, readable_address(area->uri));
                link = links.emplace(k, node).first;
                area->node = node;
            }
            run->node = link->second;
            break;
        }
    }
}

void tag_qr_figure(QrFigure& figure, const std::string& url, const TagTarget& target) {
    if (!target.tree) return;
    StructureTree& tree = *target.tree;
    const StructRef link = tree.add(StructRole::link, target.parent);
    tree.set_alt(link, readable_address(url));
    const StructRef symbol = tree.add(StructRole::figure, link);
    tree.set_alt(symbol, "QR: " + readable_address(url));
    for (PageItem& item : figure.content.items) {
        if (auto* run = std::get_if<GlyphRun>(&item)) run->node = link;
        if (auto* rect = std::get_if<FilledRect>(&item)) rect->node = symbol;
        if (auto* area = std::get_if<LinkArea>(&item)) area->node = link;
    }
}

}  // namespace pamphlet::typeset
