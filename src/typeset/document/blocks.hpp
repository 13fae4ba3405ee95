// An article as a vertical list: its opening (title, summary, byline, lead
// image), then its blocks as lines, images and rules with the glue and
// penalties that tell the page builder where a page may end — never after a
// heading, never between an image and its caption, never after a list
// item's first line; at a paragraph's first and last lines only at the
// profile's club and widow penalties.
#pragma once

#include "document/images.hpp"
#include "document/table_grid.hpp"
#include "document/text_setter.hpp"
#include "page/vertical_list.hpp"
#include "paragraph/quality_stats.hpp"

#include "pamphlet/locale.hpp"
#include "pamphlet/model.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pamphlet::typeset {

class TypesetterProgress;  // document/words_ahead.hpp

struct ArticleFrame {
    double measure = 400;      // width of the text area, pt
    double text_height = 700;  // height of the text area, pt
    // Width of a column; less than `measure` on multi-column pages, where
    // the article's opening spans the columns and its blocks fill them.
    double column_width = 400;
};

class ArticleBuilder {
public:
    ArticleBuilder(const Edition& edition, TextSetter& setter, DocumentImages& images,
                   const ArticleFrame& frame, VerticalList& out);

    // Appends article `index` of the edition to the list.
    void add_article(int index);

    // From now on, the blocks' elements go into `tree` (tagged PDF), each
    // article's under `document`, and the items of the boxes name them.
    void tag_into(StructureTree* tree, StructRef document) {
        tree_ = tree;
        document_node_ = document;
    }

    // From now on, the body paragraphs' lines are counted into `stats`.
    void measure_into(TypesetStats* stats) { stats_ = stats; }
    // From now on, each body paragraph begun is said to `progress` (for the
    // words shaped ahead: document/words_ahead.hpp).
    void report_progress(TypesetterProgress* progress) { progress_ = progress; }

    // Body paragraphs the page builder may have set again, one line longer
    // or shorter (see even_pages.hpp): from now on each is remembered with
    // what set it.
    void remember_paragraphs() { remember_ = true; }
    // The paragraphs remembered so far will not be set again.
    void forget_paragraphs() {
        paragraphs_.clear();
        replaced_.clear();
    }
    std::size_t paragraph_count() const { return paragraphs_.size(); }
    // Items [first, end) of the list that hold paragraph `index`'s lines.
    std::pair<std::size_t, std::size_t> paragraph_items(std::size_t index) const {
        return {paragraphs_[index].first_item, paragraphs_[index].end_item};
    }
    // Sets paragraph `index` again with `looseness` (BreakParams) and puts
    // its lines in place of the old ones; false, and the list unchanged,
    // when no such breaks exist or they would space the words more unevenly
    // than the paragraph's own (beyond quality.loose_ratio/tight_ratio).
    // The old boxes' contents stay behind as husks until forget_old_lines().
    bool set_again(std::size_t index, int looseness);
    // Undoes the last set_again that returned true and is not kept yet.
    void undo_set_again();
    // Keeps every set_again not undone: the old lines' contents are emptied.
    void keep_set_again();

    // Anchor names: an article's start and a section of it.
    static std::string anchor(const std::string& article_id, const std::string& fragment = {});

private:
    // The horizontal extent blocks are set in (lists and quotes indent it).
    struct Column {
        double left = 0, width = 400;
    };

    void add_opening(const Article& article);
    void add_blocks(const std::vector<Block>& blocks, const Column& column, double first_space);
    void add_block(const Block& block, const Column& column, double space_before);
    void add_paragraph(const Block& block, const Column& column, double space_before);
    void add_heading(const Block& block, const Column& column, double space_before);
    void add_list(const Block& block, const Column& column, double space_before);
    void add_quote(const Block& block, const Column& column, double space_before);
    void add_code(const Block& block, const Column& column, double space_before);
    void add_rule(const Column& column, double space_before);
    void add_figure(const Block& block, const Column& column, double space_before);
    void add_image(const ImageSource& source, const std::string& alt, const SourceSpan& span,
                   const Column& column);
    void add_alt_text(const std::string& alt, const SourceSpan& span, const Column& column);

    // A callout as a tinted box (callouts.cpp).
    void add_callout(const Block& block, const Column& column, double space_before);
    // A table with booktabs rules, its header repeated on the pages it
    // continues on (tables.cpp).
    void add_table(const Block& block, const Column& column, double space_before);
    // A table's cells as styled text at `size` (in grid order), with the
    // least and the most width each needs.
    struct TableText {
        double size = 0;
        std::vector<StyledText> cells;
        std::vector<CellExtent> extents;
    };
    TableText table_text(const Block& block, const TableGrid& grid, double size);

    // Footnotes (footnotes.cpp): each is set into the list's notes when
    // the line that first calls for it is added, and the page builder puts
    // it at the foot of that page or column; a note called for only from
    // another note, at the article's end.
    void find_notes(const std::vector<Block>& body);
    void add_footnote(const Block& block, const Column& column, double space_before);
    void set_note_text(const Block& block, const Column& column);
    // Sets the notes the box at out_.items[item] calls for.
    void add_called_notes(std::size_t item);
    static std::string note_fragment(int number) { return "fn:" + std::to_string(number); }
    static std::string note_ref_fragment(int number) { return "fnref:" + std::to_string(number); }

    // Lines of one paragraph, with the penalties between them; their runs
    // move into the list.
    struct LineOptions {
        bool breakable = true;         // false: the lines stay together
        bool keep_first_line = false;  // no break after the first line
    };
    // `phrases`: the text's phrases in other languages (StyledText::phrases),
    // each a Span of its own.
    void add_lines(std::vector<SetLine>&& lines, const BlockStyle& style, double x,
                   const std::vector<LinkTarget>& links, LineOptions options,
                   const std::vector<std::string>& phrases = {});

    // Styled text of inlines, links resolved against the edition.
    void collect(const std::vector<Inline>& inlines, const Format& format, int link,
                 StyledText& out);
    std::optional<LinkTarget> resolve_link(const Inline& link);

    // A new structure element in the current container (artifact when no
    // tree is built).
    StructRef open_node(StructRole role, std::string lang = {});
    // Link elements in the current element for a paragraph's `links`, or
    // the ones set_again hands back (reused_link_nodes_).
    std::vector<StructRef> open_links(const std::vector<LinkTarget>& links);
    // Gives the runs and areas of `content`, set from `line` at `x`, that
    // lie within a link their link's element.
    static void tag_links(const std::vector<LineLink>& line_links, double x,
                          const std::vector<StructRef>& link_nodes, BoxContent& content);
    // Gives the runs of `content` that lie within a phrase in another
    // language, and in no link, the phrase's Span (made on first use).
    void tag_phrases(const std::vector<LinePhrase>& line_phrases, double x,
                     const std::vector<std::string>& phrases, std::vector<StructRef>& phrase_nodes,
                     BoxContent& content);
    // Gives `node` to the text and images of `items` that belong to none.
    static void tag_items(std::vector<PageItem>& items, StructRef node);
    static void tag_runs(std::vector<GlyphRun>& runs, StructRef node);

    // The vertical list, with the keeps and decorations of where we are.
    int add_box(double height, double depth, BoxContent content);
    void add_penalty(double penalty);
    // `stretches`: the space may grow to fill a page (pages.space_stretch).
    void add_glue(double size, bool stretches = true);
    void begin_block(double space_before);  // a legal break and the space above a block
    void end_block(double space_after) { flow_.pending_space = space_after; }

    // A body paragraph as it was set: what set_again needs to set it again
    // in the same place, with the same marker, rules and keeps.
    struct BodyParagraph {
        std::size_t first_item = 0, end_item = 0;  // its lines in out_.items
        int lines = 0;
        double worst_ratio = 0, tightest_ratio = 0;  // of its lines but the last
        StyledText text;
        const std::string* lang = nullptr;
        Column column;
        double indent = 0;
        bool item_start = false;
        int keep = 0;
        std::vector<GlyphRun> marker;
        std::vector<double> quote_rules;
        std::vector<int> path;
        int article = -1;
        StructRef node = artifact;
        std::vector<StructRef> link_nodes;
        std::vector<StructRef> phrase_nodes;
    };
    void shift_items_after(std::size_t index, std::ptrdiff_t shift);
    struct Replaced {
        std::size_t paragraph = 0;
        std::vector<VerticalItem> old_items;
        BodyParagraph old;
        std::size_t contents_before = 0;  // the new lines' contents begin here
    };

    const Edition& edition_;
    TextSetter& setter_;
    const Styles& styles_;
    const Profile& profile_;
    DocumentImages& images_;
    ArticleFrame frame_;
    VerticalList& out_;

    const Article* article_ = nullptr;
    int article_index_ = -1;
    // The block being set, as a path into the article's body (empty: the
    // article's opening).
    std::vector<int> path_;
    TextPosition position(std::size_t offset = 0) const {
        return {article_index_, path_, flow_.text_offsets ? offset : 0};
    }
    // Where the list being built stands: put aside whole, and begun afresh,
    // while a footnote is set as a list of its own.
    struct Flow {
        // Whether the lines' places are offsets into their block's text
        // (paragraphs, headings) or all its start.
        bool text_offsets = false;
        bool at_article_start = true;  // no space or break before the first block
        double pending_space = 0;
        int keep = 0;                          // boxes still to be kept with what precedes them
        bool after_paragraph = false;          // for the first-line indent
        std::vector<double> quote_rules;       // x of the rules of the enclosing quotes
        std::vector<int> frames;               // the enclosing callouts' frames, outermost first
        std::vector<GlyphRun> pending_marker;  // list marker for the next box
        std::size_t list_depth = 0;
        bool item_start = false;  // the next paragraph opens a list item
        // The structure element new elements go into, and the one the
        // boxes added now belong to (artifact: none, or no tree).
        StructRef container = artifact;
        StructRef node = artifact;
    };
    Flow flow_;
    bool spanning_ = false;  // boxes made now span the columns
    // The style of body paragraphs where they are not the body's (the
    // smaller text of footnotes); nullptr: styles_.body.
    const BlockStyle* text_style_ = nullptr;
    bool footnotes_started_ = false;  // the article's first footnote is set
    // The article's footnotes by number, and whether each is set yet.
    std::map<int, const Block*> notes_;
    std::set<int> notes_set_;
    bool in_note_ = false;  // setting a note into the list's notes
    StructureTree* tree_ = nullptr;
    StructRef document_node_ = artifact;
    StructRef article_node_ = artifact;  // the article being set (its Art)
    // The Link elements add_lines made last; and those it reuses next.
    std::vector<StructRef> last_link_nodes_;
    std::optional<std::vector<StructRef>> reused_link_nodes_;
    // The same for Span elements of phrases in other languages.
    std::vector<StructRef> last_phrase_nodes_;
    std::optional<std::vector<StructRef>> reused_phrase_nodes_;
    TypesetStats* stats_ = nullptr;
    TypesetterProgress* progress_ = nullptr;
    std::size_t body_paragraphs_ = 0;  // begun in this article, footnotes apart
    bool remember_ = false;
    std::vector<BodyParagraph> paragraphs_;
    std::vector<Replaced> replaced_;  // set again, not kept yet: the last undoes first
};

}  // namespace pamphlet::typeset
