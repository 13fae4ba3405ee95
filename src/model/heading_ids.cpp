#include "pamphlet/model.hpp"

namespace pamphlet {

namespace {

void collect_heading_ids(const std::vector<Block>& blocks, std::set<std::string>& ids) {
    for (const Block& block : blocks) {
        if (block.kind == BlockKind::heading && !block.id.empty()) ids.insert(block.id);
        collect_heading_ids(block.children, ids);
    }
}

}  // namespace

std::set<std::string> heading_ids(const std::vector<Block>& blocks) {
    std::set<std::string> ids;
    collect_heading_ids(blocks, ids);
    return ids;
}

}  // namespace pamphlet
