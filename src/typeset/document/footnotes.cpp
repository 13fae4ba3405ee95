// Footnotes in print. A note is set, in the footnotes' size with its number
// hanging, into the list's notes (VerticalList::notes) when the first line
// that calls for it is added, and that line's box says so
// (VerticalItem::notes_end): the page builder puts the note at the foot of
// the page (or column) that holds the line, as TeX does with insertions. A
// note called for only from another note follows the article under a short
// rule. Either way the reference links to the note and the note's number
// back to the reference.
#include "document/blocks.hpp"

#include <algorithm>
#include <charconv>

namespace pamphlet::typeset {

void ArticleBuilder::find_notes(const std::vector<Block>& body) {
    notes_.clear();
    notes_set_.clear();
    for (const Block& block : body)
        if (block.kind == BlockKind::footnote) notes_.emplace(block.start, &block);
}

void ArticleBuilder::add_called_notes(std::size_t item) {
    if (!article_) return;  // a paragraph set again: set_again leaves those with notes
    const auto content_index = static_cast<std::size_t>(out_.items[item].content);
    const std::string prefix = anchor(article_->id, "fn:");
    std::vector<int> called;
    for (const PendingLink& link : out_.contents[content_index].links) {
        if (!link.destination.starts_with(prefix)) continue;
        int number = 0;
        const char* begin = link.destination.data() + prefix.size();
        const char* end = link.destination.data() + link.destination.size();
        if (std::from_chars(begin, end, number).ptr == end) called.push_back(number);
    }
    for (int number : called) {
        if (notes_set_.contains(number)) continue;
        // The note's number leads back here (the first reference wins).
        std::vector<std::string>& anchors = out_.contents[content_index].anchors;
        const std::string back = anchor(article_->id, note_ref_fragment(number));
        if (std::find(anchors.begin(), anchors.end(), back) == anchors.end())
            anchors.push_back(back);
        const auto found = notes_.find(number);
        if (found == notes_.end() || in_note_) continue;
        notes_set_.insert(number);

        // The note is set as a list of its own: what the list being built
        // keeps track of is put aside meanwhile.
        std::vector<VerticalItem> body_items = std::exchange(out_.items, {});
        Flow flow = std::exchange(flow_, Flow{});
        TypesetStats* stats = std::exchange(stats_, nullptr);
        in_note_ = true;

        const std::size_t first_content = out_.contents.size();
        set_note_text(*found->second, {0, frame_.column_width});

        in_note_ = false;
        std::vector<VerticalItem> note = std::exchange(out_.items, std::move(body_items));
        flow_ = std::move(flow);
        stats_ = stats;

        // A note is not where a page's text begins: the page starts follow
        // the body.
        for (std::size_t k = first_content; k < out_.contents.size(); ++k)
            out_.contents[k].position.reset();
        if (!out_.notes.empty())
            out_.notes.push_back(VerticalItem::glue(profile_.footnote_spacing));
        for (VerticalItem& note_item : note)
            if (note_item.kind != VerticalItem::Kind::penalty) out_.notes.push_back(note_item);
        out_.items[item].notes_end = out_.notes.size();
    }
}

// A footnote at the end of its article (a note called for only from
// another note): a short rule above the first.
void ArticleBuilder::add_footnote(const Block& block, const Column& column, double space_before) {
    if (notes_set_.contains(block.start)) return;  // at the foot of its page
    if (!footnotes_started_) {
        footnotes_started_ = true;
        begin_block(std::max(space_before, profile_.footnote_space_before));
        const double width = std::min(profile_.footnote_rule_width, column.width);
        BoxContent rule;
        rule.items.emplace_back(
            FilledRect{column.left, 0, width, profile_.rule_thickness, profile_.muted_color});
        add_box(profile_.rule_thickness, 0, std::move(rule));
        flow_.keep = 1;  // the rule is not left alone at a page's foot
        end_block(profile_.footnote_spacing);
    }
    begin_block(profile_.footnote_spacing);
    set_note_text(block, column);
    end_block(profile_.footnote_spacing);
}

// The note's blocks in the footnotes' size, its number hanging before them
// as an ordered list's does and linking back to the reference.
void ArticleBuilder::set_note_text(const Block& block, const Column& column) {
    BlockStyle note = styles_.body;
    if (profile_.text_size > 0) note.format.size *= profile_.footnote_size / profile_.text_size;
    note.leading = profile_.footnote_leading;
    const Column inner{column.left + profile_.list_indent, column.width - profile_.list_indent};
    StyledText marker;
    Format marker_format = note.format;
    marker_format.hyphenate = false;
    marker_format.color = profile_.link_color;
    marker.add(std::to_string(block.start) + ".", styles_.resolve(marker_format), block.span);
    std::vector<SetLine> marker_lines =
        setter_.set(marker, article_->lang, frame_.measure, Alignment::left);
    const Styles::Strut strut = styles_.strut(note);
    std::optional<PendingLink> back;
    flow_.pending_marker.clear();
    if (!marker_lines.empty()) {
        const double width = marker_lines.front().width;
        const double x = inner.left - profile_.list_marker_gap - width;
        BoxContent content = setter_.line_content(std::move(marker_lines.front()), x, {});
        for (PageItem& placed : content.items) {
            if (auto* run = std::get_if<GlyphRun>(&placed))
                flow_.pending_marker.push_back(std::move(*run));
        }
        LinkArea area;
        area.x = x;
        area.y = -strut.depth;
        area.width = width;
        area.height = strut.height + strut.depth;
        back = PendingLink{area, anchor(article_->id, note_ref_fragment(block.start))};
    }
    // A Note of the article, wherever it is set (at the foot of a page, the
    // list put aside meanwhile, or after the article); its number is a Link
    // back to the reference.
    const StructRef outer = flow_.container;
    flow_.container = article_node_;
    const StructRef note_node = open_node(StructRole::note);
    flow_.container = note_node;
    if (back) {
        const StructRef back_link = open_node(StructRole::link);
        if (tree_) tree_->set_alt(back_link, std::string(words_for(article_->lang).back_to_text));
        tag_runs(flow_.pending_marker, back_link);
        back->area.node = back_link;
    }
    const BlockStyle* outer_style = std::exchange(text_style_, &note);
    flow_.item_start = true;
    const std::size_t first = out_.contents.size();
    add_blocks(block.children, inner, 0);
    if (out_.contents.size() == first) {
        // An empty note still shows its number.
        begin_block(0);
        add_box(strut.height, strut.depth, {});
        end_block(0);
    }
    BoxContent& head = out_.contents[first];
    head.anchors.push_back(anchor(article_->id, note_fragment(block.start)));
    if (back) head.links.push_back(std::move(*back));
    flow_.item_start = false;
    text_style_ = outer_style;
    flow_.container = outer;
}

}  // namespace pamphlet::typeset
