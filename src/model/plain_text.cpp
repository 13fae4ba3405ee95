#include "pamphlet/model.hpp"

namespace pamphlet {

namespace {

void append_plain_text(const std::vector<Inline>& inlines, std::string& out) {
    for (const Inline& item : inlines) {
        switch (item.kind) {
            case InlineKind::text:
            case InlineKind::code:
            case InlineKind::image:
                out += item.text;
                break;
            case InlineKind::soft_break:
            case InlineKind::line_break:
                out += ' ';
                break;
            default:
                append_plain_text(item.children, out);
        }
    }
}

}  // namespace

std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    append_plain_text(inlines, out);
    return out;
}

}  // namespace pamphlet
