// pamphlet's document model: Collection -> Edition (one per language) ->
// Article -> Block -> Inline. Everything a writer needs is here, already
// parsed, typographically prepared for the edition's language and carrying
// its source span. No writer sees Markdown, HTML or YAML.
#pragma once

#include "pamphlet/diagnostics.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace pamphlet {

class ImageAsset;  // pamphlet/image.hpp

enum class InlineKind {
    text,         // `text`
    soft_break,   // a line end inside a paragraph: a space to every writer
    line_break,   // a hard break (<br>, backslash or two spaces at line end)
    code,         // inline code: `text`, never hyphenated or re-quoted
    emphasis,     // children
    strong,       // children
    link,         // children; `target`
    image,        // `text` = plain alt text; `image` = source; `title`
    superscript,  // children
    subscript,    // children
    language,     // children in another language than the article's: `text` = its BCP 47 tag
    strikethrough,  // children: text struck out (~~text~~, <del>, <s>)
    // A reference to one of the article's footnotes: `text` = its number
    // ("1"), which is also the `start` of the footnote block it refers to.
    footnote_ref,
};

// Where a link points, resolved by the collection loader.
struct Target {
    enum class Kind {
        external,  // http(s):, mailto:, tel: ... `url`
        article,   // another article of the collection: `article_id`, `fragment`
        fragment,  // "#id" in the same article: `fragment`
    };
    Kind kind = Kind::external;
    std::string url;  // as written in the source
    std::string article_id;
    std::string fragment;
};

// Where an image comes from, resolved and judged once by the collection
// loader (pamphlet/image.hpp): every writer takes the asset and its verdict
// from here and never looks the file up again.
struct ImageSource {
    std::string url;  // as written in the source
    // The loaded file (its path: asset->file()), shared by every document of
    // the build; nullptr when there is no file to load (missing or outside
    // the collection: an error, reported). One file is one asset.
    std::shared_ptr<const ImageAsset> asset;
};

// Whether both name one loaded file.
bool same_image_file(const ImageSource& a, const ImageSource& b);

struct Inline {
    InlineKind kind = InlineKind::text;
    std::string text;
    std::vector<Inline> children;
    SourceSpan span;

    Inline() = default;
    Inline(InlineKind kind_, std::string text_, SourceSpan span_)
        : kind(kind_), text(std::move(text_)), span(std::move(span_)) {}
    Inline(const Inline& other);
    Inline& operator=(const Inline& other);
    Inline(Inline&&) noexcept = default;
    Inline& operator=(Inline&&) noexcept = default;
    ~Inline() = default;

    // A link's destination and an image's source, and the title either may
    // have: held apart, and made only when set, so that a run of text (most
    // of every article) is 96 bytes instead of 272; a held body is that
    // much smaller. Reading one that was never set gives the empty value.
    const std::string& title() const { return extras_ ? extras_->title : no_extras().title; }
    const Target& target() const { return extras_ ? extras_->target : no_extras().target; }
    const ImageSource& image() const { return extras_ ? extras_->image : no_extras().image; }
    std::string& mutable_title() { return extras().title; }
    Target& mutable_target() { return extras().target; }
    ImageSource& mutable_image() { return extras().image; }
    // What the parts held apart take on the heap (model_bytes).
    std::size_t extras_bytes() const;
    // Whether a destination, source or title was ever set.
    bool has_extras() const { return extras_ != nullptr; }

private:
    struct Extras {
        std::string title;
        Target target;      // links
        ImageSource image;  // images
    };
    Extras& extras() {
        if (!extras_) extras_ = std::make_unique<Extras>();
        return *extras_;
    }
    static const Extras& no_extras();
    std::unique_ptr<Extras> extras_;
};

enum class BlockKind {
    paragraph,     // inlines
    heading,       // inlines, level 1-6, id
    bullet_list,   // children are list_items; tight
    ordered_list,  // children are list_items; start; tight
    list_item,     // children
    block_quote,   // children
    code_block,    // text, info
    thematic_break,
    figure,  // inlines = the image (one Inline of kind image); caption
    // A table: caption (may be empty); children are its rows in reading
    // order, the header rows (`header`) first. Each row's children are its
    // cells; a cell holds inlines, its `cell` says how it spans and aligns.
    table,
    table_row,   // children are table_cells; header
    table_cell,  // inlines; cell
    // A callout ("> [!WARNING]"): `callout` is its kind, caption its label
    // in the article's language ("Warnung"), children its blocks.
    callout,
    // A footnote's text: `start` is its number, children its blocks. The
    // article's footnotes follow its other blocks, numbered 1, 2, ... in
    // the order of their first reference.
    footnote,
};

enum class CellAlign : std::uint8_t { none, left, center, right };

// What a header cell heads: the cells below it (a column), or those beside
// it (a row). `none`: a data cell.
enum class CellScope : std::uint8_t { none, column, row };

struct TableCell {
    std::uint16_t colspan = 1;
    std::uint16_t rowspan = 1;
    CellAlign align = CellAlign::none;
    CellScope scope = CellScope::none;
};

enum class CalloutKind : std::uint8_t { note, tip, important, warning, caution };

// A list item's check box ("- [ ] open", "- [x] done").
enum class TaskState : std::uint8_t { none, open, done };

struct Block {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;  // heading level
    int start = 1;  // ordered list start number
    bool tight = false;
    bool header = false;  // table rows: a header row (<thead>, a pipe table's first row)
    CalloutKind callout = CalloutKind::note;
    TaskState task = TaskState::none;  // list items
    TableCell cell;                    // table cells
    std::string text;  // code block contents
    std::string info;  // code block info string (language name)
    std::string id;    // anchor id for headings, unique within the article
    std::vector<Inline> inlines;
    std::vector<Inline> caption;  // figure caption (may be empty)
    std::vector<Block> children;
    SourceSpan span;
};

// What a reader sees of `inlines` as plain text: no markup, line breaks as
// spaces, images as their alt text (for ids, labels and alt attributes).
std::string plain_text(const std::vector<Inline>& inlines);

// About how many bytes of memory `blocks` hold (the objects and the heap
// blocks of their strings and vectors; not the allocator's overhead).
std::size_t model_bytes(const std::vector<Block>& blocks);

// The ids of the headings among `blocks` at any depth (in quotes and lists
// too): what "#id" links can point to.
std::set<std::string> heading_ids(const std::vector<Block>& blocks);

struct ArticleImage {
    ImageSource source;
    std::string alt;
    SourceSpan span;
};

// The blocks of an article, immutable once made and shared by whoever reads
// them (writers on several threads at once): a body is let go when its last
// reader is done.
using ArticleBody = std::shared_ptr<const std::vector<Block>>;
inline ArticleBody make_body(std::vector<Block> blocks) {
    return std::make_shared<const std::vector<Block>>(std::move(blocks));
}

struct Article {
    std::string id;    // slug, from the file name ID.LANG.md
    std::string lang;  // BCP 47 tag, e.g. "de"
    std::string title;
    std::string summary;
    std::string author;
    std::string date;  // ISO 8601 as written
    std::vector<std::string> tags;
    std::optional<ArticleImage> image;
    std::string url;  // optional canonical web address of the article
    // The body, when it is held in memory; else empty, and
    // Edition::body() reads it again (a collection keeps bodies only within
    // a memory budget: see collection.hpp).
    ArticleBody body;
    // The ids of the headings of the body (heading_ids), what a link to
    // "ID.LANG.md#section" may name, known whether or not the body is held.
    std::set<std::string> section_ids;
    // The body's own headings (not those in lists or quotes), in order,
    // with their text: what a table of contents shows without the body.
    struct Section {
        int level = 0;
        std::string id;
        std::string title;  // plain_text of the heading
    };
    std::vector<Section> outline;
    // Whether the lead image is also a figure of the body.
    bool lead_image_in_body = false;
    // The body's images, in reading order (what a build's inputs are).
    std::vector<ImageSource> body_images;
    // Other names a link may give a heading → the heading's id: GitHub's
    // anchor for it ("whats-the-plan-and-why" for "What's the plan, and
    // why?"), so that links written for GitHub's rendering keep working.
    std::map<std::string, std::string> heading_aliases;
    // The whole file, named as diagnostics name it. (Where it is on disk
    // follows from the collection: article_file in pamphlet/collection.hpp.)
    SourceSpan span;
    // SHA-256 (hex) of the file's bytes as they were read and parsed: what
    // a build's digest of its inputs names, without reading the file again.
    std::string file_sha256;

    // The lead image goes above the text unless the body shows the same
    // picture as a figure anyway: a reader should never see it twice in a row.
    bool shows_lead_image() const {
        return image && image->source.asset && !lead_image_in_body;
    }
};

// Notes in `article` what it must know of its body `blocks` without holding
// them: section_ids, outline, lead_image_in_body, body_images.
void note_body(Article& article, const std::vector<Block>& blocks);

// A string that may differ per language ("title: {de: ..., en: ...}").
struct LocalizedText {
    std::string any;                             // plain string form
    std::map<std::string, std::string> by_lang;  // map form
    // The text for `lang`, falling back to the plain form, then to the
    // alphabetically first language given.
    std::string get(const std::string& lang) const {
        if (auto it = by_lang.find(lang); it != by_lang.end()) return it->second;
        if (!any.empty() || by_lang.empty()) return any;
        return by_lang.begin()->second;
    }
    bool empty() const { return any.empty() && by_lang.empty(); }
};

struct Publisher {
    std::string name;
    std::string address;
    std::string phone;
    std::string email;
    std::string website;
    std::optional<ImageSource> logo;
};

// Reads again the body of an article whose body was let go.
class ArticleReader {
public:
    virtual ~ArticleReader() = default;
    // The body as the collection loaded it, or null when it cannot be
    // made again (the file changed or went away during the build: a
    // diagnostic at the article says so).
    virtual ArticleBody read(const Article& article, DiagnosticSink& sink) const = 0;
};

struct Edition {
    std::string lang;
    std::string identifier;  // dc:identifier of this edition's book (unique per language)
    std::string title;
    std::string subtitle;
    std::vector<Article> articles;  // in collection order; missing ones left out
    // Makes the bodies not held in `articles` (none: all are held).
    std::shared_ptr<const ArticleReader> reader;
    // The body of `article`, one of `articles`: held, or read again; null
    // after a diagnostic when it cannot be had. Safe on any thread.
    ArticleBody body(const Article& article, DiagnosticSink& sink) const {
        if (article.body) return article.body;
        if (reader) return reader->read(article, sink);
        return make_body({});  // an article without a body
    }
};

// An article file with errors, in a collection loaded to keep going.
struct BrokenArticle {
    std::string id;
    std::string lang;
    std::string file;  // as diagnostics name it
};

// Who evaluated the books' accessibility (collection.yaml's accessibility:
// certified_by, certifier_credential), for the EPUB's conformance claim.
struct AccessibilityEvaluation {
    std::string certified_by;  // empty: the publisher, who is responsible for it
    std::string certifier_credential;
};

struct Collection {
    std::filesystem::path root;  // directory holding collection.yaml
    std::string id;
    LocalizedText title;
    LocalizedText subtitle;
    std::vector<std::string> languages;
    Publisher publisher;
    std::vector<std::string> article_ids;
    std::optional<ImageSource> cover;
    LocalizedText identifier;  // as given; editions carry the resolved one
    LocalizedText rights;
    std::string date;  // YYYY-MM-DD, optional
    AccessibilityEvaluation accessibility;
    std::vector<Edition> editions;
    // With CollectionOptions::keep_going: the article files that had errors.
    // Those that could still be read stay in their editions (so that links
    // to them behave as in a good build); every output holding one fails.
    std::vector<BrokenArticle> broken_articles;

    // collection.yaml as a whole: where problems with the collection as a
    // whole (rather than one of its lines) are reported.
    SourceSpan file_span() const { return SourceSpan::whole((root / "collection.yaml").string()); }
};

}  // namespace pamphlet
