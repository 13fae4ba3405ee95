#include "document/blocks.hpp"
#include "document/words_ahead.hpp"

#include <algorithm>
#include <charconv>

namespace pamphlet::typeset {

namespace {

// Superscripts and subscripts: the conventional proportions of word
// processors (CSS's "font-size: smaller; vertical-align: super"), used only
// where the text face has no superscript figures of its own.
constexpr double script_scale = 0.7;
constexpr double superscript_rise = 0.33;
constexpr double subscript_drop = 0.15;

// Marks of nested bullet lists, outermost first.
constexpr std::string_view bullets[] = {"\u2022", "\u2013"};

Alignment body_alignment(const Profile& profile) {
    return profile.text_align == TextAlign::left ? Alignment::left : Alignment::justify;
}

// The longest paragraph set_again sets again, in lines.
constexpr int max_lines_set_again = 40;

void add_background(BoxContent& content, double x, double width, double height, double depth,
                    const Color& color) {
    content.items.insert(content.items.begin(),
                         FilledRect{x, -depth, width, height + depth, color});
}

}  // namespace

ArticleBuilder::ArticleBuilder(const Edition& edition, TextSetter& setter, DocumentImages& images,
                               const ArticleFrame& frame, VerticalList& out)
    : edition_(edition),
      setter_(setter),
      styles_(setter.styles()),
      profile_(setter.styles().profile()),
      images_(images),
      frame_(frame),
      out_(out) {}

std::string ArticleBuilder::anchor(const std::string& article_id, const std::string& fragment) {
    return fragment.empty() ? article_id : article_id + "#" + fragment;
}

void ArticleBuilder::add_article(int index) {
    article_ = &edition_.articles[static_cast<std::size_t>(index)];
    article_index_ = index;
    body_paragraphs_ = 0;
    flow_.keep = 0;
    flow_.after_paragraph = false;
    flow_.pending_marker.clear();
    footnotes_started_ = false;
    flow_.frames.clear();
    // An article is an Art of its own: a reader can skip from one to the
    // next. Its language is said where it is not the edition's.
    flow_.container = document_node_;
    article_node_ = open_node(StructRole::art,
                              article_->lang != edition_.lang ? article_->lang : std::string());
    flow_.container = article_node_;
    flow_.node = artifact;
    if (out_.items.empty()) {
        flow_.at_article_start = true;
    } else if (profile_.article_new_page) {
        add_penalty(eject_penalty);
        flow_.at_article_start = true;
    } else {
        flow_.at_article_start = false;
        flow_.pending_space = profile_.article_header_space_after + profile_.heading_space_before;
    }
    spanning_ = frame_.column_width < frame_.measure;
    add_opening(*article_);
    spanning_ = false;
    // The body is held only while its article is set (the collection may
    // read it again for this: Edition::body).
    if (const ArticleBody body = edition_.body(*article_, setter_.sink())) {
        find_notes(*body);
        add_blocks(*body, {0, frame_.column_width}, profile_.paragraph_spacing);
    }
    notes_.clear();
    article_ = nullptr;
    flow_.container = artifact;
    flow_.node = artifact;
    article_node_ = artifact;
}

StructRef ArticleBuilder::open_node(StructRole role, std::string lang) {
    if (!tree_) return artifact;
    return tree_->add(role, flow_.container, std::move(lang));
}

std::vector<StructRef> ArticleBuilder::open_links(const std::vector<LinkTarget>& links) {
    if (reused_link_nodes_) {
        std::vector<StructRef> nodes = std::move(*reused_link_nodes_);
        reused_link_nodes_.reset();
        return nodes;
    }
    std::vector<StructRef> nodes(links.size(), artifact);
    if (!tree_ || flow_.node == artifact) return nodes;
    for (std::size_t k = 0; k < links.size(); ++k) {
        const LinkTarget& link = links[k];
        nodes[k] = tree_->add(StructRole::link, flow_.node, link.lang);
        tree_->set_alt(nodes[k], !link.label.empty() ? link.label : link.uri);
    }
    return nodes;
}

void ArticleBuilder::tag_links(const std::vector<LineLink>& line_links, double x,
                               const std::vector<StructRef>& link_nodes, BoxContent& content) {
    auto node_of = [&](int link) {
        return link >= 0 && static_cast<std::size_t>(link) < link_nodes.size()
                   ? link_nodes[static_cast<std::size_t>(link)]
                   : artifact;
    };
    // The line setter breaks runs where a link's colour begins and ends: a
    // run lies within a link or outside all.
    constexpr double slack = 0.01;  // pt
    for (PageItem& item : content.items) {
        auto* run = std::get_if<GlyphRun>(&item);
        if (!run) continue;
        double end = run->x;
        for (const PlacedGlyph& glyph : run->glyphs) end += glyph.advance;
        for (const LineLink& link : line_links) {
            if (run->x >= x + link.x0 - slack && end <= x + link.x1 + slack &&
                node_of(link.link) != artifact) {
                run->node = node_of(link.link);
                break;
            }
        }
    }
    // line_content made an area for each link it knew, in the line's order.
    std::size_t area = 0;
    for (const LineLink& link : line_links) {
        if (link.link < 0 || static_cast<std::size_t>(link.link) >= link_nodes.size()) continue;
        if (area < content.links.size()) content.links[area++].area.node = node_of(link.link);
    }
}

void ArticleBuilder::tag_phrases(const std::vector<LinePhrase>& line_phrases, double x,
                                 const std::vector<std::string>& phrases,
                                 std::vector<StructRef>& phrase_nodes, BoxContent& content) {
    if (!tree_ || flow_.node == artifact) return;
    // The line setter begins a run where a phrase begins and ends; a run in
    // a link is the Link's already.
    constexpr double slack = 0.01;  // pt
    for (PageItem& item : content.items) {
        auto* run = std::get_if<GlyphRun>(&item);
        if (!run || run->node != artifact) continue;
        double end = run->x;
        for (const PlacedGlyph& glyph : run->glyphs) end += glyph.advance;
        for (const LinePhrase& phrase : line_phrases) {
            const auto k = static_cast<std::size_t>(phrase.phrase);
            if (k >= phrases.size() || k >= phrase_nodes.size() || run->x < x + phrase.x0 - slack ||
                end > x + phrase.x1 + slack)
                continue;
            if (phrase_nodes[k] == artifact)
                phrase_nodes[k] = tree_->add(StructRole::span, flow_.node, phrases[k]);
            run->node = phrase_nodes[k];
            break;
        }
    }
}

void ArticleBuilder::tag_items(std::vector<PageItem>& items, StructRef node) {
    if (node == artifact) return;
    for (PageItem& item : items) {
        if (auto* run = std::get_if<GlyphRun>(&item)) {
            if (run->node == artifact) run->node = node;
        } else if (auto* image = std::get_if<PlacedImage>(&item)) {
            if (image->node == artifact) image->node = node;
        }
    }
}

void ArticleBuilder::tag_runs(std::vector<GlyphRun>& runs, StructRef node) {
    for (GlyphRun& run : runs) run.node = node;
}

// ---------------------------------------------------------------------------
// The vertical list

int ArticleBuilder::add_box(double height, double depth, BoxContent content) {
    content.article = article_index_;
    content.frames = flow_.frames;
    if (!content.position) content.position = position();
    // Rules, tints and backgrounds stay artifacts; the list marker has its
    // own element (Lbl) already.
    tag_items(content.items, flow_.node);
    // A list marker comes first in the content stream, so that copied or
    // extracted text reads "• item" in order.
    content.items.insert(content.items.begin(),
                         std::make_move_iterator(flow_.pending_marker.begin()),
                         std::make_move_iterator(flow_.pending_marker.end()));
    flow_.pending_marker.clear();
    for (double x : flow_.quote_rules) {
        content.items.insert(content.items.begin(),
                             FilledRect{x, -depth, profile_.quote_rule_width, height + depth,
                                        profile_.accent_color});
    }
    const int index = static_cast<int>(out_.contents.size());
    out_.contents.push_back(std::move(content));
    out_.items.push_back(VerticalItem::box(height, depth, index, spanning_));
    if (flow_.keep > 0) --flow_.keep;
    return index;
}

void ArticleBuilder::add_penalty(double penalty) {
    out_.items.push_back(VerticalItem::make_penalty(flow_.keep > 0 ? infinite_penalty : penalty));
}

void ArticleBuilder::add_glue(double size, bool stretches) {
    out_.items.push_back(VerticalItem::glue(size, stretches ? size * profile_.space_stretch : 0));
}

void ArticleBuilder::begin_block(double space_before) {
    if (flow_.at_article_start) {
        flow_.at_article_start = false;
        flow_.pending_space = 0;
        return;
    }
    add_penalty(0);
    add_glue(std::max(flow_.pending_space, space_before));
    flow_.pending_space = 0;
}

void ArticleBuilder::add_lines(std::vector<SetLine>&& lines, const BlockStyle& style, double x,
                               const std::vector<LinkTarget>& links, LineOptions options,
                               const std::vector<std::string>& phrases) {
    const Styles::Strut strut = styles_.strut(style);
    const std::vector<StructRef> link_nodes = open_links(links);
    last_link_nodes_ = link_nodes;
    // Span elements, made as their first run is tagged (a phrase all in a
    // link has none: the Link says its language).
    std::vector<StructRef> phrase_nodes = reused_phrase_nodes_
                                              ? std::move(*reused_phrase_nodes_)
                                              : std::vector<StructRef>(phrases.size(), artifact);
    reused_phrase_nodes_.reset();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0 && options.breakable) {
            double penalty = 0;
            if (i == 1) penalty += profile_.club_penalty;
            if (i + 1 == lines.size()) penalty += profile_.widow_penalty;
            if (lines[i - 1].hyphenated) penalty += profile_.broken_penalty;
            if (i == 1 && options.keep_first_line) penalty = infinite_penalty;
            add_penalty(std::min(penalty, infinite_penalty));
        }
        SetLine& line = lines[i];
        const double height = std::max(strut.height, line.ascent);
        const double depth = std::max(strut.depth, line.descent);
        const std::size_t text_begin = line.text_begin;
        const bool hyphenated = line.hyphenated;
        const std::vector<LineLink> line_links = line.links;
        const std::vector<LinePhrase> line_phrases = std::move(line.phrases);
        BoxContent content = setter_.line_content(std::move(line), x, links);
        tag_links(line_links, x, link_nodes, content);
        tag_phrases(line_phrases, x, phrases, phrase_nodes, content);
        content.position = position(text_begin);
        add_box(height, depth, std::move(content));
        if (hyphenated && tree_) {
            // The breaker's hyphen (its own run, the line's last: TextSetter)
            // is no part of the word a reader hears.
            std::vector<PageItem>& items = out_.contents.back().items;
            for (auto item = items.rbegin(); item != items.rend(); ++item) {
                if (auto* run = std::get_if<GlyphRun>(&*item)) {
                    run->node = artifact;
                    break;
                }
            }
        }
        // A line that calls for notes takes them along (footnotes.cpp).
        if (!links.empty()) add_called_notes(out_.items.size() - 1);
    }
    last_phrase_nodes_ = std::move(phrase_nodes);
}

// ---------------------------------------------------------------------------
// Inline text

void ArticleBuilder::collect(const std::vector<Inline>& inlines, const Format& format, int link,
                             StyledText& out) {
    for (const Inline& item : inlines) {
        Format inner = format;
        switch (item.kind) {
            case InlineKind::text:
                out.add(item.text, styles_.resolve(format), item.span, link);
                break;
            case InlineKind::soft_break:
                out.add(" ", styles_.resolve(format), item.span, link);
                break;
            case InlineKind::line_break:
                out.add("\n", styles_.resolve(format), item.span, link);
                break;
            case InlineKind::code:
                inner.family = Family::mono;
                if (profile_.text_size > 0) {
                    inner.size = format.size * profile_.code_size / profile_.text_size;
                }
                inner.hyphenate = false;
                out.add(item.text, styles_.resolve(inner), item.span, link);
                break;
            case InlineKind::emphasis:
                inner.italic = !format.italic;
                collect(item.children, inner, link, out);
                break;
            case InlineKind::strong:
                inner.bold = true;
                collect(item.children, inner, link, out);
                break;
            case InlineKind::superscript:
            case InlineKind::subscript:
                inner.size = format.size * script_scale;
                inner.baseline_shift =
                    format.baseline_shift +
                    format.size *
                        (item.kind == InlineKind::superscript ? superscript_rise : -subscript_drop);
                collect(item.children, inner, link, out);
                break;
            case InlineKind::language: {
                // Set like the text around it (hyphenated in the paragraph's
                // language: the paragraph engine has one per paragraph), and
                // a Span with its /Lang in a tagged PDF.
                const int outer = std::exchange(out.phrase, static_cast<int>(out.phrases.size()));
                out.phrases.push_back(item.text);
                collect(item.children, format, link, out);
                out.phrase = outer;
                break;
            }
            case InlineKind::link: {
                std::optional<LinkTarget> target = resolve_link(item);
                if (!target) {
                    collect(item.children, format, link, out);
                    break;
                }
                const int index = static_cast<int>(out.links.size());
                out.links.push_back(std::move(*target));
                inner.color = profile_.link_color;
                const std::size_t first_piece = out.pieces.size();
                collect(item.children, inner, index, out);
                LinkTarget& added = out.links[static_cast<std::size_t>(index)];
                // A link within a phrase in another language, or around
                // one, says that language: its runs are the Link's, not a
                // Span's.
                int phrase = out.phrase;
                for (std::size_t k = first_piece; k < out.pieces.size(); ++k) {
                    if (out.pieces[k].link != index) continue;
                    added.label += out.pieces[k].text;
                    if (k == first_piece) phrase = out.pieces[k].phrase;
                    if (out.pieces[k].phrase != phrase) phrase = out.phrase;
                }
                if (phrase >= 0) added.lang = out.phrases[static_cast<std::size_t>(phrase)];
                break;
            }
            case InlineKind::strikethrough:
                inner.struck = true;
                collect(item.children, inner, link, out);
                break;
            case InlineKind::footnote_ref: {
                inner.size = format.size * script_scale;
                inner.baseline_shift = format.baseline_shift + format.size * superscript_rise;
                // The number links to its note (a link around it wins).
                int target = link;
                if (link < 0) {
                    int number = 0;
                    std::from_chars(item.text.data(), item.text.data() + item.text.size(), number);
                    target = static_cast<int>(out.links.size());
                    out.links.push_back(
                        LinkTarget{{}, anchor(article_->id, note_fragment(number)), item.text, {}});
                    inner.color = profile_.link_color;
                }
                out.add(item.text, styles_.resolve(inner), item.span, target);
                break;
            }
            case InlineKind::image:
                // Print has no room for pictures inside a line: the alt text.
                out.add(item.text, styles_.resolve(format), item.span, link);
                break;
        }
    }
}

// Links between and inside articles were checked by the collection loader:
// their articles and sections are in the edition.
std::optional<LinkTarget> ArticleBuilder::resolve_link(const Inline& link) {
    const Target& target = link.target();
    switch (target.kind) {
        case Target::Kind::external:
            return LinkTarget{target.url, {}, {}, {}};
        case Target::Kind::fragment:
            return LinkTarget{{}, anchor(article_->id, target.fragment), {}, {}};
        case Target::Kind::article:
            return LinkTarget{{}, anchor(target.article_id, target.fragment), {}, {}};
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// The article's opening

void ArticleBuilder::add_opening(const Article& article) {
    const std::string& lang = article.lang;
    StyledText title;
    title.add(article.title, styles_.resolve(styles_.title.format), article.span);
    begin_block(0);
    const std::size_t first = out_.contents.size();
    flow_.node = open_node(StructRole::h1);
    add_lines(setter_.set(title, lang, frame_.measure, Alignment::left), styles_.title, 0, {},
              {false, false});
    if (first == out_.contents.size()) {
        // An article without a title still needs a place to link to.
        add_box(0, 0, {});
    }
    out_.contents[first].anchors.push_back(anchor(article.id));
    out_.contents[first].outline = OutlineEntry{article.title, 0, 0, 0};
    flow_.keep = 2;
    end_block(profile_.h1_space_after);

    if (!article.summary.empty()) {
        StyledText summary;
        summary.add(article.summary, styles_.resolve(styles_.summary.format), article.span);
        begin_block(0);
        flow_.node = open_node(StructRole::p);
        add_lines(setter_.set(summary, lang, frame_.measure, Alignment::left), styles_.summary, 0,
                  {}, {true, false});
        end_block(profile_.paragraph_spacing);
    }

    std::string byline = article.author;
    if (!article.author.empty() && !article.date.empty()) byline += " \u00B7 ";
    byline += human_date(article.date, lang);
    if (!byline.empty()) {
        StyledText text;
        text.add(byline, styles_.resolve(styles_.byline.format), article.span);
        begin_block(profile_.paragraph_spacing);
        flow_.node = open_node(StructRole::p);
        add_lines(setter_.set(text, lang, frame_.measure, Alignment::left), styles_.byline, 0, {},
                  {false, false});
        end_block(0);
    }

    if (article.shows_lead_image()) {
        begin_block(profile_.image_space);
        add_image(article.image->source, article.image->alt, article.image->span,
                  {0, frame_.measure});
        end_block(profile_.image_space);
    }
    flow_.node = artifact;
    flow_.pending_space = std::max(flow_.pending_space, profile_.article_header_space_after);
}

// ---------------------------------------------------------------------------
// Blocks

void ArticleBuilder::add_blocks(const std::vector<Block>& blocks, const Column& column,
                                double first_space) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        path_.push_back(static_cast<int>(i));
        add_block(blocks[i], column, i == 0 ? first_space : profile_.paragraph_spacing);
        path_.pop_back();
        // A paragraph that leads into a list ("Physiotherapy helps") or a
        // table ("Both exercises at a glance:") is not parted from the
        // list's first line or the table's head.
        const bool leads_in = blocks[i].kind == BlockKind::paragraph && i + 1 < blocks.size() &&
                              (blocks[i + 1].kind == BlockKind::bullet_list ||
                               blocks[i + 1].kind == BlockKind::ordered_list ||
                               blocks[i + 1].kind == BlockKind::table);
        if (leads_in) flow_.keep = std::max(flow_.keep, 1);
    }
}

void ArticleBuilder::add_block(const Block& block, const Column& column, double space_before) {
    switch (block.kind) {
        case BlockKind::paragraph:
            add_paragraph(block, column, space_before);
            return;
        case BlockKind::heading:
            add_heading(block, column, space_before);
            break;
        case BlockKind::bullet_list:
        case BlockKind::ordered_list:
            add_list(block, column, space_before);
            break;
        case BlockKind::list_item:  // only inside lists; tolerated as a plain group
            add_blocks(block.children, column, space_before);
            break;
        case BlockKind::block_quote:
            add_quote(block, column, space_before);
            break;
        case BlockKind::code_block:
            add_code(block, column, space_before);
            break;
        case BlockKind::thematic_break:
            add_rule(column, space_before);
            break;
        case BlockKind::figure:
            add_figure(block, column, space_before);
            break;
        case BlockKind::table:
            add_table(block, column, space_before);
            break;
        case BlockKind::table_row:
        case BlockKind::table_cell:
            break;  // only inside tables
        case BlockKind::callout:
            add_callout(block, column, space_before);
            break;
        case BlockKind::footnote:
            add_footnote(block, column, space_before);
            break;
    }
    flow_.after_paragraph = false;
}

void ArticleBuilder::add_paragraph(const Block& block, const Column& column, double space_before) {
    if (progress_ != nullptr && text_style_ == nullptr)
        progress_->begun(static_cast<std::size_t>(article_index_), body_paragraphs_++);
    const BlockStyle& style = text_style_ ? *text_style_ : styles_.body;
    StyledText text;
    collect(block.inlines, style.format, -1, text);
    const double indent = flow_.after_paragraph ? profile_.paragraph_indent : 0;
    const bool item_start = flow_.item_start;
    flow_.item_start = false;
    begin_block(space_before);
    std::vector<SetLine> lines =
        setter_.set(text, article_->lang, column.width, body_alignment(profile_), indent);
    if (stats_) {
        count_paragraph(lines, block.span,
                        {profile_.quality_loose_ratio, profile_.quality_tight_ratio}, *stats_);
    }
    const StructRef outer_node = flow_.node;
    flow_.node = open_node(StructRole::p);
    std::optional<BodyParagraph> remembered;
    if (remember_ && !lines.empty()) {
        remembered = BodyParagraph{out_.items.size(),
                                   0,
                                   static_cast<int>(lines.size()),
                                   0,
                                   0,
                                   text,
                                   &article_->lang,
                                   column,
                                   indent,
                                   item_start,
                                   flow_.keep,
                                   flow_.pending_marker,
                                   flow_.quote_rules,
                                   path_,
                                   article_index_,
                                   flow_.node,
                                   {},
                                   {}};
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            remembered->worst_ratio = std::max(remembered->worst_ratio, lines[i].adjustment_ratio);
            remembered->tightest_ratio =
                std::min(remembered->tightest_ratio, lines[i].adjustment_ratio);
        }
    }
    flow_.text_offsets = true;
    add_lines(std::move(lines), style, column.left, text.links, {true, item_start}, text.phrases);
    flow_.text_offsets = false;
    if (remembered) {
        remembered->end_item = out_.items.size();
        remembered->link_nodes = last_link_nodes_;
        remembered->phrase_nodes = last_phrase_nodes_;
        paragraphs_.push_back(std::move(*remembered));
    }
    flow_.node = outer_node;
    end_block(profile_.paragraph_spacing);
    flow_.after_paragraph = true;
}

bool ArticleBuilder::set_again(std::size_t index, int looseness) {
    BodyParagraph& p = paragraphs_[index];
    // Breaking with a looseness keeps ways of every line count apart: on a
    // paragraph of hundreds of lines that is slow, and a page is better
    // evened by a paragraph of ordinary length anyway.
    if (p.lines > max_lines_set_again) return false;
    // Its lines carry the notes they call for and the anchors the notes
    // link back to: set again, they would lose them.
    for (const LinkTarget& link : p.text.links)
        if (link.destination.find("#fn:") != std::string::npos) return false;
    std::vector<SetLine> lines =
        setter_.set(p.text, *p.lang, p.column.width, body_alignment(profile_), p.indent, looseness);
    if (static_cast<int>(lines.size()) != p.lines + looseness || lines.empty()) return false;
    // No looser or tighter than the quality limits, or than the paragraph
    // was already: a page end is not worth uneven word spaces.
    const double loosest = std::max(profile_.quality_loose_ratio, p.worst_ratio);
    const double tightest = std::min(profile_.quality_tight_ratio, p.tightest_ratio);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const SetLine& line = lines[i];
        if (line.adjustment_ratio > loosest || line.adjustment_ratio < tightest ||
            line.overflow > 0)
            return false;
    }
    // Set in the list's tail with the paragraph's own state, then moved in.
    const int keep = flow_.keep;
    std::vector<GlyphRun> marker = std::move(flow_.pending_marker);
    std::vector<double> rules = std::move(flow_.quote_rules);
    std::vector<int> path = std::move(path_);
    const int article = article_index_;
    const StructRef node = std::exchange(flow_.node, p.node);
    // The lines set again are the same paragraph with the same links.
    reused_link_nodes_ = p.link_nodes;
    reused_phrase_nodes_ = p.phrase_nodes;
    flow_.keep = p.keep;
    flow_.pending_marker = p.marker;
    flow_.quote_rules = p.quote_rules;
    path_ = p.path;
    article_index_ = p.article;
    const std::size_t tail = out_.items.size();
    Replaced replaced{index, {}, p, out_.contents.size()};
    flow_.text_offsets = true;
    add_lines(std::move(lines), styles_.body, p.column.left, p.text.links, {true, p.item_start},
              p.text.phrases);
    flow_.text_offsets = false;
    flow_.keep = keep;
    flow_.pending_marker = std::move(marker);
    flow_.quote_rules = std::move(rules);
    path_ = std::move(path);
    article_index_ = article;
    flow_.node = node;

    std::vector<VerticalItem> fresh(out_.items.begin() + static_cast<std::ptrdiff_t>(tail),
                                    out_.items.end());
    out_.items.resize(tail);
    const auto first = out_.items.begin() + static_cast<std::ptrdiff_t>(p.first_item);
    const auto end = out_.items.begin() + static_cast<std::ptrdiff_t>(p.end_item);
    replaced.old_items.assign(first, end);
    const auto at = out_.items.erase(first, end);
    out_.items.insert(at, fresh.begin(), fresh.end());
    const std::ptrdiff_t shift = static_cast<std::ptrdiff_t>(fresh.size()) -
                                 static_cast<std::ptrdiff_t>(replaced.old_items.size());
    p.end_item = p.first_item + fresh.size();
    p.lines += looseness;
    shift_items_after(index, shift);
    replaced_.push_back(std::move(replaced));
    return true;
}

// Paragraph `index`'s lines now take `shift` more items: what lies after
// them moves.
void ArticleBuilder::shift_items_after(std::size_t index, std::ptrdiff_t shift) {
    auto moved = [shift](std::size_t& item) {
        item = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(item) + shift);
    };
    for (std::size_t k = index + 1; k < paragraphs_.size(); ++k) {
        moved(paragraphs_[k].first_item);
        moved(paragraphs_[k].end_item);
    }
    // No paragraph lies within a table: its header is before or after it.
    const std::size_t after = paragraphs_[index].first_item;
    for (ItemSpan& repeat : out_.repeats) {
        if (repeat.begin < after) continue;
        moved(repeat.begin);
        moved(repeat.end);
    }
}

void ArticleBuilder::undo_set_again() {
    Replaced& r = replaced_.back();
    BodyParagraph& p = paragraphs_[r.paragraph];
    const auto first = out_.items.begin() + static_cast<std::ptrdiff_t>(p.first_item);
    const auto end = out_.items.begin() + static_cast<std::ptrdiff_t>(p.end_item);
    const std::ptrdiff_t shift = static_cast<std::ptrdiff_t>(r.old_items.size()) -
                                 static_cast<std::ptrdiff_t>(p.end_item - p.first_item);
    const auto at = out_.items.erase(first, end);
    out_.items.insert(at, r.old_items.begin(), r.old_items.end());
    out_.contents.resize(r.contents_before);
    shift_items_after(r.paragraph, shift);
    p = std::move(r.old);
    replaced_.pop_back();
}

void ArticleBuilder::keep_set_again() {
    for (const Replaced& r : replaced_) {
        for (const VerticalItem& item : r.old_items) {
            if (item.kind != VerticalItem::Kind::box || item.content < 0) continue;
            out_.contents[static_cast<std::size_t>(item.content)] = BoxContent{};
        }
    }
    replaced_.clear();
}

void ArticleBuilder::add_heading(const Block& block, const Column& column, double space_before) {
    const int level = std::clamp(block.level, 2, 6);
    const BlockStyle style = styles_.heading(level);
    const double before = level == 2 ? profile_.heading_space_before : profile_.h3_space_before;
    const double after = level == 2 ? profile_.heading_space_after : profile_.h3_space_after;
    StyledText text;
    collect(block.inlines, style.format, -1, text);
    begin_block(std::max(space_before, before));
    const std::size_t first = out_.contents.size();
    // ## is the article's second level: its title is the H1.
    constexpr StructRole levels[] = {StructRole::h2, StructRole::h3, StructRole::h4, StructRole::h5,
                                     StructRole::h6};
    const StructRef outer_node =
        std::exchange(flow_.node, open_node(levels[static_cast<std::size_t>(level - 2)]));
    flow_.text_offsets = true;
    add_lines(setter_.set(text, article_->lang, column.width, Alignment::left), style, column.left,
              text.links, {false, false}, text.phrases);
    flow_.text_offsets = false;
    flow_.node = outer_node;
    if (first < out_.contents.size()) {
        if (!block.id.empty()) {
            out_.contents[first].anchors.push_back(anchor(article_->id, block.id));
        }
        if (level == 2) {
            out_.contents[first].outline = OutlineEntry{plain_text(block.inlines), 1, 0, 0};
        }
    }
    // A heading stands with the first two lines of what it introduces.
    flow_.keep = 2;
    end_block(after);
}

void ArticleBuilder::add_list(const Block& block, const Column& column, double space_before) {
    const bool ordered = block.kind == BlockKind::ordered_list;
    const Column inner{column.left + profile_.list_indent, column.width - profile_.list_indent};
    const std::string_view bullet = bullets[std::min<std::size_t>(flow_.list_depth, 1)];
    ++flow_.list_depth;
    Format marker_format = styles_.body.format;
    marker_format.color = profile_.accent_color;
    marker_format.hyphenate = false;
    const double item_spacing =
        block.tight ? profile_.list_item_spacing : profile_.paragraph_spacing;
    const StructRef outer = flow_.container;
    const StructRef list = open_node(StructRole::l);
    int number = block.start;
    bool first = true;
    for (std::size_t j = 0; j < block.children.size(); ++j) {
        const Block& item = block.children[j];
        path_.push_back(static_cast<int>(j));
        StyledText marker;
        // A task's check box is its marker (U+2610, U+2611: the fallback
        // font has them when the text face does not).
        const std::string_view box = item.task == TaskState::done ? "\u2611" : "\u2610";
        marker.add(ordered ? std::to_string(number++) + "."
                           : std::string(item.task == TaskState::none ? bullet : box),
                   styles_.resolve(marker_format), item.span);
        if (ordered && item.task != TaskState::none)
            marker.add(std::string(" ") + std::string(box), styles_.resolve(marker_format),
                       item.span);
        std::vector<SetLine> marker_lines =
            setter_.set(marker, article_->lang, frame_.measure, Alignment::left);
        // LI: its marker is the Lbl, its blocks the LBody.
        flow_.container = list;
        const StructRef list_item = open_node(StructRole::li);
        flow_.container = list_item;
        const StructRef label = open_node(StructRole::lbl);
        flow_.pending_marker.clear();
        if (!marker_lines.empty()) {
            const double x = inner.left - profile_.list_marker_gap - marker_lines.front().width;
            BoxContent content = setter_.line_content(std::move(marker_lines.front()), x, {});
            for (PageItem& placed : content.items) {
                if (auto* run = std::get_if<GlyphRun>(&placed))
                    flow_.pending_marker.push_back(std::move(*run));
            }
            tag_runs(flow_.pending_marker, label);
        }
        flow_.container = open_node(StructRole::lbody);
        flow_.item_start = true;
        const double space =
            first ? std::max(space_before, profile_.paragraph_spacing) : item_spacing;
        first = false;
        const std::size_t boxes_before = out_.contents.size();
        add_blocks(item.children, inner, space);
        if (out_.contents.size() == boxes_before) {
            // An empty item still shows its marker.
            begin_block(space);
            const Styles::Strut strut = styles_.strut(styles_.body);
            add_box(strut.height, strut.depth, {});
            end_block(profile_.paragraph_spacing);
        }
        flow_.item_start = false;
        path_.pop_back();
    }
    flow_.container = outer;
    --flow_.list_depth;
    end_block(profile_.paragraph_spacing);
}

void ArticleBuilder::add_quote(const Block& block, const Column& column, double space_before) {
    const Column inner{column.left + profile_.quote_indent, column.width - profile_.quote_indent};
    if (profile_.quote_rule_width > 0) flow_.quote_rules.push_back(column.left);
    const StructRef outer = std::exchange(flow_.container, open_node(StructRole::block_quote));
    add_blocks(block.children, inner, std::max(space_before, profile_.paragraph_spacing));
    flow_.container = outer;
    if (profile_.quote_rule_width > 0) flow_.quote_rules.pop_back();
    end_block(profile_.paragraph_spacing);
}

void ArticleBuilder::add_code(const Block& block, const Column& column, double space_before) {
    std::string source = block.text;
    if (!source.empty() && source.back() == '\n') source.pop_back();
    StyledText text;
    text.add(source, styles_.resolve(styles_.code.format), block.span);
    const double padding = profile_.code_padding;
    std::vector<SetLine> lines =
        setter_.set(text, article_->lang, column.width - 2 * padding, Alignment::left);
    begin_block(std::max(space_before, profile_.paragraph_spacing));
    const StructRef outer_node = std::exchange(flow_.node, open_node(StructRole::code));
    const Color& background = profile_.code_background;
    BoxContent top;
    add_background(top, column.left, column.width, padding, 0, background);
    add_box(padding, 0, std::move(top));
    const Styles::Strut strut = styles_.strut(styles_.code);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            double penalty = 0;
            if (i == 1) penalty += profile_.club_penalty;
            if (i + 1 == lines.size()) penalty += profile_.widow_penalty;
            add_penalty(std::min(penalty, infinite_penalty));
        }
        const double height = std::max(strut.height, lines[i].ascent);
        const double depth = std::max(strut.depth, lines[i].descent);
        const std::size_t text_begin = lines[i].text_begin;
        BoxContent content = setter_.line_content(std::move(lines[i]), column.left + padding, {});
        content.position = TextPosition{article_index_, path_, text_begin};
        add_background(content, column.left, column.width, height, depth, background);
        add_box(height, depth, std::move(content));
    }
    BoxContent bottom;
    add_background(bottom, column.left, column.width, padding, 0, background);
    add_box(padding, 0, std::move(bottom));
    flow_.node = outer_node;
    end_block(profile_.paragraph_spacing);
}

void ArticleBuilder::add_rule(const Column& column, double space_before) {
    begin_block(std::max(space_before, profile_.rule_space));
    const double width = std::min(profile_.rule_width, column.width);
    BoxContent content;
    content.items.emplace_back(FilledRect{column.left + (column.width - width) / 2, 0, width,
                                          profile_.rule_thickness, profile_.accent_color});
    add_box(profile_.rule_thickness, 0, std::move(content));
    end_block(profile_.rule_space);
}

void ArticleBuilder::add_figure(const Block& block, const Column& column, double space_before) {
    const Inline* image = nullptr;
    for (const Inline& item : block.inlines) {
        if (item.kind == InlineKind::image) image = &item;
    }
    // A figure in a callout stays in its box.
    const bool floats = !flow_.at_article_start && flow_.keep == 0 && flow_.frames.empty();
    const std::size_t first_item = out_.items.size();
    begin_block(std::max(space_before, profile_.image_space));
    if (image) {
        const std::string alt = image->text.empty() ? plain_text(block.caption) : image->text;
        add_image(image->image(), alt, image->span, column);
    }
    if (!block.caption.empty()) {
        StyledText caption;
        collect(block.caption, styles_.caption.format, -1, caption);
        // No break, and no stretch: the caption stays with its image.
        if (image) add_glue(profile_.caption_space_before, false);
        // The Caption follows the Figure rather than sitting in it: a
        // reader speaks a Figure's /Alt instead of what it holds.
        const StructRef outer_node = std::exchange(flow_.node, open_node(StructRole::caption));
        add_lines(setter_.set(caption, article_->lang, column.width, Alignment::left),
                  styles_.caption, column.left, caption.links, {false, false}, caption.phrases);
        flow_.node = outer_node;
    }
    // The figure, from the break before it to its caption's last line, may
    // float to the next page when it does not fit on this one.
    if (floats && first_item < out_.items.size() &&
        out_.items[first_item].kind == VerticalItem::Kind::penalty)
        out_.items[first_item].float_items = out_.items.size() - first_item;
    end_block(profile_.image_space);
}

void ArticleBuilder::add_image(const ImageSource& source, const std::string& alt,
                               const SourceSpan& span, const Column& column) {
    DiagnosticSink& sink = setter_.sink();
    // No file, or an unusable one: the loader has said so where it is named.
    std::optional<UsableImage> image = images_.use(source, span, sink);
    if (!image) {
        add_alt_text(alt, span, column);
        return;
    }
    const ImageSize size =
        fit_image(*image, column.width, profile_.image_max_height * frame_.text_height);
    check_print_size(*image, size, profile_.page_width(), profile_.page_height(), span, sink);
    // A tagged PDF claims PDF/UA-1, which a Figure without /Alt breaks
    // (Matterhorn 13-004): the PDF is not written, as Typst refuses to.
    if (tree_ && alt.empty()) {
        sink.error(span, "image-without-alt",
                   "image '" + source.url + "' has no alt text, and profile '" + profile_.id +
                       "' writes a tagged PDF/UA file (pdfua: true), in which every figure "
                       "needs one: describe the image for readers who cannot see it (or set "
                       "pdfua: false for an untagged PDF)");
    }
    BoxContent content;
    const StructRef figure = open_node(StructRole::figure);
    if (tree_) tree_->set_alt(figure, alt);
    content.items.emplace_back(PlacedImage{image->index,
                                           column.left + (column.width - size.width) / 2, 0,
                                           size.width, size.height, alt, span, figure});
    add_box(size.height, 0, std::move(content));
}

void ArticleBuilder::add_alt_text(const std::string& alt, const SourceSpan& span,
                                  const Column& column) {
    StyledText text;
    text.add(alt, styles_.resolve(styles_.caption.format), span);
    const StructRef outer_node = std::exchange(flow_.node, open_node(StructRole::p));
    add_lines(setter_.set(text, article_->lang, column.width, Alignment::left), styles_.caption,
              column.left, {}, {true, false});
    flow_.node = outer_node;
}

}  // namespace pamphlet::typeset
