// An article as an XHTML chapter: title, summary, byline, lead image, then
// the body blocks.
#include "pages.hpp"

#include "pamphlet/hyphenation.hpp"
#include "pamphlet/locale.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <utility>

namespace pamphlet::epub {

namespace {

class ArticleWriter {
public:
    ArticleWriter(const Article& article, const std::vector<Block>& blocks,
                  const std::vector<PageBreak>& breaks, PageContext& context)
        : article_(article),
          blocks_(blocks),
          breaks_(breaks),
          context_(context),
          own_ids_(article.section_ids),
          lang_(article.lang),
          hyphenator_(hyphenator_for(lang_)) {}

    XhtmlPage write() {
        XhtmlPage page = new_xhtml_page(article_.lang, article_.title,
                                        std::string(page_to_root) + "css/book.css");
        pugi::xml_node section = add_element(page.body, "section");
        set_attribute(section, "epub:type", "chapter");
        set_attribute(section, "role", "doc-chapter");
        std::string title_id = unused_id("title");
        set_attribute(section, "aria-labelledby", title_id);
        add_breaks_here(section);

        pugi::xml_node h1 = add_text_element(section, "h1", article_.title);
        set_attribute(h1, "id", title_id);
        if (!article_.summary.empty()) {
            pugi::xml_node summary = add_element(section, "p");
            set_attribute(summary, "class", "summary");
            add_text(summary, body_text(article_.summary));
        }
        write_byline(section);
        if (article_.shows_lead_image()) write_lead_image(section, *article_.image);
        write_blocks(section, blocks_, false);
        // Any break the body did not reach (it cannot, when the typesetter
        // and this writer read the same blocks) still gets its target.
        while (next_break_ < breaks_.size()) add_break(section);
        return page;
    }

    void note_problem(std::string problem) {
        context_.accessibility_problems.push_back("article '" + article_.id + "' (" + article_.lang +
                                                  "): " + std::move(problem));
    }

private:
    // Body text with soft hyphens where the article's (or the phrase's)
    // language hyphenates its words, for readers that justify without
    // hyphenation of their own. Headings, code, web addresses, alt texts
    // and metadata are never given any.
    std::string body_text(const std::string& text) const {
        if (!hyphenate_ || hyphenator_ == nullptr) return text;
        return with_soft_hyphens(text, *hyphenator_, lang_);
    }

    // nullptr without soft hyphens, or without patterns for `lang` (the PDF
    // reports that, if any; the e-book's reader may hyphenate it itself).
    const Hyphenator* hyphenator_for(const std::string& lang) const {
        if (context_.hyphenation == nullptr) return nullptr;
        DiagnosticSink unreported;
        return context_.hyphenation->for_language(lang, {}, unreported);
    }

    // Runs `write` with hyphenation on or off, then as it was.
    template <typename Write>
    void hyphenated(bool on, Write&& write) {
        const bool before = hyphenate_;
        hyphenate_ = on;
        write();
        hyphenate_ = before;
    }

    std::string unused_id(const std::string& wanted) const {
        std::string id = wanted;
        for (int n = 2; own_ids_.count(id) != 0; ++n) id = wanted + "-" + std::to_string(n);
        return id;
    }

    void write_byline(pugi::xml_node parent) {
        if (article_.author.empty() && article_.date.empty()) return;
        pugi::xml_node byline = add_element(parent, "p");
        set_attribute(byline, "class", "byline");
        if (!article_.author.empty()) add_text(byline, article_.author);
        if (!article_.author.empty() && !article_.date.empty()) add_text(byline, " \u00B7 ");
        if (article_.date.empty()) return;
        pugi::xml_node time =
            add_text_element(byline, "time", human_date(article_.date, article_.lang));
        set_attribute(time, "datetime", article_.date);
    }

    void write_lead_image(pugi::xml_node parent, const ArticleImage& image) {
        std::optional<std::string> href =
            context_.images.add(image.source, image.span, context_.sink);
        if (!href) return;
        pugi::xml_node figure = add_element(parent, "figure");
        set_attribute(figure, "class", "lead");
        write_img(figure, *href, image.alt, "");
    }

    void write_img(pugi::xml_node parent, const std::string& href, const std::string& alt,
                   const std::string& title) {
        pugi::xml_node img = add_element(parent, "img");
        set_attribute(img, "src", std::string(page_to_root) + href);
        set_attribute(img, "alt", alt);
        if (alt.empty()) note_problem("image '" + href + "' has no alt text");
        // An image without a description is announced as decoration, not as
        // an unnamed graphic.
        if (alt.empty()) set_attribute(img, "role", "presentation");
        if (!title.empty()) set_attribute(img, "title", title);
    }

    // -----------------------------------------------------------------------
    // Page breaks of the printed brochure, in reading order: before a block
    // without text of its own, inside a paragraph, heading or code block at
    // the byte of its text (as plain_text() counts it) where the page begins.

    void add_break(pugi::xml_node parent) {
        const PageBreak& page = breaks_[next_break_++];
        pugi::xml_node span = add_element(parent, "span");
        set_attribute(span, "epub:type", "pagebreak");
        set_attribute(span, "role", "doc-pagebreak");
        set_attribute(span, "id", page.id);
        set_attribute(span, "aria-label", page.label);
    }

    // Whether the next break is in the block being written.
    bool break_in_block() const {
        return next_break_ < breaks_.size() && breaks_[next_break_].at.blocks == path_;
    }

    // The breaks at the start of the block being written (all of a block
    // without text: the typesetter counts none of its offsets).
    void add_breaks_here(pugi::xml_node parent) {
        while (break_in_block() && breaks_[next_break_].at.offset <= text_at_) add_break(parent);
    }

    // `text` (its bytes as plain_text() counts them) as `shown` (the same
    // with soft hyphens, maybe), breaks placed where they fall in it. A
    // break inside a word comes after the soft hyphen there, if any: the
    // text before it ends as the printed page does, and the word's soft
    // hyphens are those of the whole word.
    void add_text_with_breaks(pugi::xml_node parent, const std::string& text,
                              const std::string& shown) {
        const std::size_t end = text_at_ + text.size();
        if (!break_in_block() || breaks_[next_break_].at.offset >= end) {
            add_text(parent, shown);
            text_at_ = end;
            return;
        }
        static constexpr std::string_view shy = "\u00AD";
        std::size_t i = 0, j = 0, from = 0;  // bytes into text, into shown; shown written up to
        while (break_in_block() && breaks_[next_break_].at.offset < end) {
            const std::size_t offset = breaks_[next_break_].at.offset;
            const std::size_t k = offset > text_at_ ? offset - text_at_ : 0;
            auto inserted_hyphen = [&] {
                return j < shown.size() && shown.compare(j, shy.size(), shy) == 0 &&
                       text.compare(i, shy.size(), shy) != 0;
            };
            while (j < shown.size() && (i < k || inserted_hyphen())) {
                if (inserted_hyphen()) {
                    j += shy.size();
                } else {
                    ++i;
                    ++j;
                }
            }
            if (j > from) add_text(parent, shown.substr(from, j - from));
            from = j;
            add_break(parent);
        }
        if (from < shown.size()) add_text(parent, shown.substr(from));
        text_at_ = end;
    }

    void write_blocks(pugi::xml_node parent, const std::vector<Block>& blocks, bool tight) {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            path_.push_back(static_cast<int>(i));
            write_block(parent, blocks[i], tight);
            path_.pop_back();
        }
    }

    // A block's text: its breaks from its start to its end.
    template <typename Write>
    void with_text_breaks(pugi::xml_node element, Write&& write) {
        text_at_ = 0;
        add_breaks_here(element);
        write();
        while (break_in_block()) add_break(element);
    }

    void write_block(pugi::xml_node parent, const Block& block, bool tight) {
        // A heading's breaks go before it: inside, the page number would
        // become part of the heading's name for screen readers (and print
        // never breaks a page inside a heading).
        if (block.kind == BlockKind::footnote) parent = footnotes_box(parent);
        const bool has_text = block.kind == BlockKind::paragraph ||
                              block.kind == BlockKind::code_block ||
                              block.kind == BlockKind::list_item;
        if (!has_text) {
            while (break_in_block()) add_break(parent);
        }
        switch (block.kind) {
            case BlockKind::paragraph: {
                // Tight list items hold their text directly, as cmark renders them.
                const pugi::xml_node p = tight ? parent : add_element(parent, "p");
                with_text_breaks(p, [&] { write_inlines(p, block.inlines); });
                break;
            }
            case BlockKind::heading: {
                const int rank = heading_rank(block);
                if (rank > last_heading_rank_ + 1) {
                    note_problem("heading '" + plain_text(block.inlines) + "' is an h" +
                                 std::to_string(rank) + " after an h" +
                                 std::to_string(last_heading_rank_));
                }
                last_heading_rank_ = rank;
                std::string name = "h" + std::to_string(rank);
                pugi::xml_node heading = add_element(parent, name);
                if (!block.id.empty()) set_attribute(heading, "id", block.id);
                hyphenated(false, [&] { write_inlines(heading, block.inlines); });
                break;
            }
            case BlockKind::bullet_list:
            case BlockKind::ordered_list: {
                bool ordered = block.kind == BlockKind::ordered_list;
                pugi::xml_node list = add_element(parent, ordered ? "ol" : "ul");
                if (ordered && block.start != 1) {
                    set_attribute(list, "start", std::to_string(block.start));
                }
                for (std::size_t i = 0; i < block.children.size(); ++i) {
                    path_.push_back(static_cast<int>(i));
                    write_block(list, block.children[i], block.tight);
                    path_.pop_back();
                }
                break;
            }
            case BlockKind::list_item: {
                // An empty item's place is in it, not before it in the list.
                const pugi::xml_node li = add_element(parent, "li");
                text_at_ = 0;
                add_breaks_here(li);
                if (block.task != TaskState::none) write_task_box(li, block.task);
                write_blocks(li, block.children, tight);
                break;
            }
            case BlockKind::block_quote:
                write_blocks(add_element(parent, "blockquote"), block.children, false);
                break;
            case BlockKind::code_block: {
                pugi::xml_node code = add_element(add_element(parent, "pre"), "code");
                std::string language = block.info.substr(0, block.info.find_first_of(" \t"));
                if (!language.empty()) set_attribute(code, "class", "language-" + language);
                std::string text = block.text;
                if (!text.empty() && text.back() == '\n') text.pop_back();
                with_text_breaks(code, [&] { add_text_with_breaks(code, text, text); });
                break;
            }
            case BlockKind::thematic_break:
                add_element(parent, "hr");
                break;
            case BlockKind::figure:
                write_figure(parent, block);
                break;
            case BlockKind::table:
                write_table(parent, block);
                break;
            case BlockKind::table_row:
            case BlockKind::table_cell:
                break;  // only inside tables, written by write_table
            case BlockKind::callout:
                write_callout(parent, block);
                break;
            case BlockKind::footnote:
                write_footnote(parent, block);
                break;
        }
    }

    // A check box as a picture with its state for its name: an <input>
    // would be a form control without a form for assistive technology.
    void write_task_box(pugi::xml_node li, TaskState task) {
        context_.features.tasks = true;
        set_attribute(li, "class", "task");
        const Words& words = words_for(article_.lang);
        // The box is drawn by the stylesheet: no face of the book need
        // have the ballot box's glyph.
        pugi::xml_node box = add_element(li, "span");
        set_attribute(box, "class", task == TaskState::done ? "task-box done" : "task-box");
        set_attribute(box, "role", "img");
        set_attribute(box, "aria-label",
                      std::string(task == TaskState::done ? words.task_done : words.task_open));
    }

    // A table in a box of its own that scrolls sideways when the table is
    // wider than the screen (a phone at large text), rather than pushing
    // the page wider; the box can be focused, so that a keyboard scrolls it.
    void write_table(pugi::xml_node parent, const Block& block) {
        context_.features.tables = true;
        pugi::xml_node scroll = add_element(parent, "div");
        set_attribute(scroll, "class", "table");
        set_attribute(scroll, "role", "group");
        set_attribute(scroll, "tabindex", "0");
        pugi::xml_node table = add_element(scroll, "table");
        if (!block.caption.empty()) {
            const std::string id = unused_id("table-" + std::to_string(++tables_));
            pugi::xml_node caption = add_element(table, "caption");
            set_attribute(caption, "id", id);
            write_inlines(caption, block.caption);
            set_attribute(scroll, "aria-labelledby", id);
        } else {
            set_attribute(scroll, "aria-label", std::string(words_for(article_.lang).table));
        }
        pugi::xml_node head, body;
        bool shaded = false;
        for (const Block& row : block.children) {
            if (row.header && !body) {
                if (!head) head = add_element(table, "thead");
                write_row(head, row, false);
            } else {
                if (!body) body = add_element(table, "tbody");
                write_row(body, row, shaded);
                shaded = !shaded;
            }
        }
    }

    void write_row(pugi::xml_node parent, const Block& row, bool shaded) {
        pugi::xml_node tr = add_element(parent, "tr");
        if (shaded) set_attribute(tr, "class", "shaded");
        static constexpr std::string_view aligns[] = {"", "left", "center", "right"};
        for (const Block& cell : row.children) {
            const bool header = cell.cell.scope != CellScope::none;
            pugi::xml_node td = add_element(tr, header ? "th" : "td");
            if (header) set_attribute(td, "scope", cell.cell.scope == CellScope::row ? "row" : "col");
            if (cell.cell.colspan != 1) set_attribute(td, "colspan", std::to_string(cell.cell.colspan));
            if (cell.cell.rowspan != 1) set_attribute(td, "rowspan", std::to_string(cell.cell.rowspan));
            const std::string_view align = aligns[static_cast<int>(cell.cell.align)];
            if (!align.empty()) set_attribute(td, "class", std::string(align));
            // A cell keeps its words whole (the stylesheet's hyphens: manual
            // would still break at soft hyphens).
            hyphenated(false, [&] { write_inlines(td, cell.inlines); });
        }
    }

    // A callout: its label as visible text, then its blocks; a note to
    // assistive technology, not a landmark (as an <aside> would be).
    void write_callout(pugi::xml_node parent, const Block& block) {
        context_.features.callouts = true;
        static constexpr std::string_view kinds[] = {"note", "tip", "important", "warning",
                                                     "caution"};
        pugi::xml_node box = add_element(parent, "aside");
        set_attribute(box, "class", "callout " + std::string(kinds[static_cast<int>(block.callout)]));
        set_attribute(box, "role", "note");
        const std::string id = unused_id("callout-" + std::to_string(++callouts_));
        pugi::xml_node label = add_element(box, "p");
        set_attribute(label, "class", "callout-label");
        set_attribute(label, "id", id);
        hyphenated(false, [&] { write_inlines(label, block.caption); });
        set_attribute(box, "aria-labelledby", id);
        write_blocks(box, block.children, false);
    }

    // The box of the footnotes, made at the first; the page breaks among
    // them go into it too, in their order.
    pugi::xml_node footnotes_box(pugi::xml_node parent) {
        context_.features.footnotes = true;
        if (!footnotes_) {
            footnotes_ = add_element(parent, "div");
            set_attribute(footnotes_, "class", "footnotes");
            set_attribute(footnotes_, "role", "group");
            set_attribute(footnotes_, "aria-label", std::string(words_for(article_.lang).footnotes));
        }
        return footnotes_;
    }

    // The ids of footnote `number` and of its references (the first, then
    // "-2", "-3" ... for the others).
    std::string footnote_id(const std::string& number) const { return unused_id("fn-" + number); }
    std::string reference_id(const std::string& number, int occurrence) const {
        std::string id = "fnref-" + number;
        if (occurrence > 1) id += "-" + std::to_string(occurrence);
        return unused_id(id);
    }

    // Footnotes follow the article's other blocks: together in one box at
    // the end of the page, each an <aside> that reading apps show as a
    // pop-up at its reference and leave out of the running text.
    void write_footnote(pugi::xml_node parent, const Block& block) {
        const std::string number = std::to_string(block.start);
        pugi::xml_node note = add_element(parent, "aside");
        set_attribute(note, "epub:type", "footnote");
        set_attribute(note, "role", "doc-footnote");
        set_attribute(note, "id", footnote_id(number));
        set_attribute(note, "class", "footnote");
        pugi::xml_node back = add_text_element(note, "a", number);
        set_attribute(back, "class", "backlink");
        set_attribute(back, "role", "doc-backlink");
        set_attribute(back, "href", "#" + reference_id(number, 1));
        set_attribute(back, "title", std::string(words_for(article_.lang).back_to_text));
        write_blocks(note, block.children, false);
    }

    void write_figure(pugi::xml_node parent, const Block& block) {
        pugi::xml_node figure = add_element(parent, "figure");
        const Inline* image = nullptr;
        for (const Inline& item : block.inlines) {
            if (item.kind == InlineKind::image) image = &item;
        }
        if (image) {
            std::optional<std::string> href = image_href(*image);
            std::string alt = image->text.empty() ? plain_text(block.caption) : image->text;
            // The lead image shown as this figure: the front matter's
            // image_alt, written as the picture's description, is not lost
            // when it says more than the figure's own alt text.
            const std::optional<ArticleImage>& lead = article_.image;
            if (lead && lead->source.asset && same_image_file(image->image(), lead->source) &&
                lead->alt.size() > alt.size())
                alt = lead->alt;
            if (href) {
                // The caption is the figcaption; a title attribute repeating it
                // would make screen readers say it twice.
                write_img(figure, *href, alt,
                          block.caption.empty() ? image->title() : std::string());
            } else {
                add_text_element(figure, "p", alt);
            }
        }
        if (!block.caption.empty()) write_inlines(add_element(figure, "figcaption"), block.caption);
    }

    // Images that are no file, or no usable one, were reported by the loader.
    std::optional<std::string> image_href(const Inline& image) {
        return context_.images.add(image.image(), image.span, context_.sink);
    }

    void write_inlines(pugi::xml_node parent, const std::vector<Inline>& inlines) {
        for (const Inline& item : inlines) write_inline(parent, item);
    }

    void write_inline(pugi::xml_node parent, const Inline& item) {
        switch (item.kind) {
            case InlineKind::text:
                add_text_with_breaks(parent, item.text, body_text(item.text));
                break;
            case InlineKind::soft_break:
                add_text_with_breaks(parent, " ", "\n");
                break;
            case InlineKind::line_break:
                add_breaks_here(parent);
                add_element(parent, "br");
                ++text_at_;
                break;
            case InlineKind::code: {
                const pugi::xml_node code = add_element(parent, "code");
                add_text_with_breaks(code, item.text, item.text);
                break;
            }
            case InlineKind::emphasis:
                write_inlines(add_element(parent, "em"), item.children);
                break;
            case InlineKind::strong:
                write_inlines(add_element(parent, "strong"), item.children);
                break;
            case InlineKind::superscript:
                write_inlines(add_element(parent, "sup"), item.children);
                break;
            case InlineKind::subscript:
                write_inlines(add_element(parent, "sub"), item.children);
                break;
            case InlineKind::link:
                write_link(parent, item);
                break;
            case InlineKind::strikethrough:
                context_.features.deleted = true;
                write_inlines(add_element(parent, "del"), item.children);
                break;
            case InlineKind::footnote_ref: {
                // Counted in the text as print sets it: its number.
                pugi::xml_node a = add_element(add_element(parent, "sup"), "a");
                set_attribute(a, "epub:type", "noteref");
                set_attribute(a, "role", "doc-noteref");
                set_attribute(a, "href", "#" + footnote_id(item.text));
                set_attribute(a, "id", reference_id(item.text, ++references_[item.text]));
                set_attribute(a, "class", "noteref");
                add_text_with_breaks(a, item.text, item.text);
                break;
            }
            case InlineKind::language: {
                pugi::xml_node phrase = add_element(parent, "span");
                set_attribute(phrase, "lang", item.text);
                set_attribute(phrase, "xml:lang", item.text);
                const std::string outer = std::exchange(lang_, item.text);
                const Hyphenator* outer_hyphenator =
                    std::exchange(hyphenator_, hyphenator_for(lang_));
                write_inlines(phrase, item.children);
                lang_ = outer;
                hyphenator_ = outer_hyphenator;
                break;
            }
            case InlineKind::image: {
                std::optional<std::string> href = image_href(item);
                if (href) {
                    // Print shows the alt text: a page that begins in it
                    // begins at the picture.
                    while (break_in_block() &&
                           breaks_[next_break_].at.offset < text_at_ + item.text.size())
                        add_break(parent);
                    write_img(parent, *href, item.text, item.title());
                    text_at_ += item.text.size();
                } else {
                    add_text_with_breaks(parent, item.text, item.text);
                }
                break;
            }
        }
    }

    void write_link(pugi::xml_node parent, const Inline& link) {
        std::optional<std::string> href = link_href(link);
        if (!href) {
            write_inlines(parent, link.children);
            return;
        }
        pugi::xml_node a = add_element(parent, "a");
        set_attribute(a, "href", *href);
        if (!link.title().empty()) set_attribute(a, "title", link.title());
        // A web or mail address written out is copied, not read: no hyphens.
        const std::string shown = plain_text(link.children);
        const bool address = shown.find("://") != std::string::npos ||
                             shown.find('@') != std::string::npos ||
                             shown.starts_with("www.");
        hyphenated(hyphenate_ && !address, [&] { write_inlines(a, link.children); });
    }

    // Where a link goes in the book, or nullopt when it must become plain
    // text (after saying why). Links between and inside articles were
    // checked by the collection loader: their targets are in the edition.
    std::optional<std::string> link_href(const Inline& link) {
        const Target& target = link.target();
        switch (target.kind) {
            case Target::Kind::external:
                return target.url;
            case Target::Kind::fragment:
                assert(own_ids_.count(target.fragment) != 0 && "links were checked by the loader");
                return "#" + target.fragment;
            case Target::Kind::article: {
                const std::string& file = context_.targets.file_of.at(target.article_id);
                return target.fragment.empty() ? file : file + "#" + target.fragment;
            }
        }
        return std::nullopt;
    }

    const Article& article_;
    const std::vector<Block>& blocks_;
    const std::vector<PageBreak>& breaks_;
    std::size_t next_break_ = 0;
    std::vector<int> path_;    // of the block being written (TextPosition::blocks)
    std::size_t text_at_ = 0;  // bytes of its text written so far
    PageContext& context_;
    std::set<std::string> own_ids_;
    int last_heading_rank_ = 1;     // the title is the h1
    std::string lang_;              // of the text being written
    const Hyphenator* hyphenator_;  // for lang_'s soft hyphens, or nullptr
    bool hyphenate_ = true;         // body text: soft hyphens (headings: none)
    int tables_ = 0;                // captioned tables so far, for their ids
    int callouts_ = 0;
    std::map<std::string, int> references_;  // footnote number -> references so far
    pugi::xml_node footnotes_;               // the box of the footnotes, once made
};

}  // namespace

int heading_rank(const Block& heading) {
    return std::clamp(heading.level, 2, 6);
}

std::string page_break_id(const std::string& label, const std::set<std::string>& section_ids) {
    std::string id = "page-" + label;
    while (section_ids.count(id) != 0) id = "pamphlet-" + id;
    return id;
}

XhtmlPage article_page(const Article& article, const std::vector<Block>& blocks,
                       const std::vector<PageBreak>& breaks, PageContext& context) {
    return ArticleWriter(article, blocks, breaks, context).write();
}

}  // namespace pamphlet::epub
