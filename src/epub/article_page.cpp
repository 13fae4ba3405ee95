// An article as an XHTML chapter: title, summary, byline, lead image, then
// the body blocks.
#include "pages.hpp"

#include "pamphlet/hyphenation.hpp"
#include "pamphlet/locale.hpp"

#include <algorithm>
#include <cassert>
#include <set>
#include <utility>

namespace pamphlet::epub {

namespace {

class ArticleWriter {
public:
    ArticleWriter(const Article& article, const std::vector<Block>& blocks, PageContext& context)
        : article_(article),
          blocks_(blocks),
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

    void write_blocks(pugi::xml_node parent, const std::vector<Block>& blocks, bool tight) {
        for (const Block& block : blocks) write_block(parent, block, tight);
    }

    void write_block(pugi::xml_node parent, const Block& block, bool tight) {
        switch (block.kind) {
            case BlockKind::paragraph:
                // Tight list items hold their text directly, as cmark renders them.
                write_inlines(tight ? parent : add_element(parent, "p"), block.inlines);
                break;
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
                for (const Block& item : block.children) write_block(list, item, block.tight);
                break;
            }
            case BlockKind::list_item:
                write_blocks(add_element(parent, "li"), block.children, tight);
                break;
            case BlockKind::block_quote:
                write_blocks(add_element(parent, "blockquote"), block.children, false);
                break;
            case BlockKind::code_block: {
                pugi::xml_node code = add_element(add_element(parent, "pre"), "code");
                std::string language = block.info.substr(0, block.info.find_first_of(" \t"));
                if (!language.empty()) set_attribute(code, "class", "language-" + language);
                std::string text = block.text;
                if (!text.empty() && text.back() == '\n') text.pop_back();
                add_text(code, text);
                break;
            }
            case BlockKind::thematic_break:
                add_element(parent, "hr");
                break;
            case BlockKind::figure:
                write_figure(parent, block);
                break;
        }
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
            if (lead && lead->source.asset && image->image.path == lead->source.path &&
                lead->alt.size() > alt.size())
                alt = lead->alt;
            if (href) {
                // The caption is the figcaption; a title attribute repeating it
                // would make screen readers say it twice.
                write_img(figure, *href, alt, block.caption.empty() ? image->title : std::string());
            } else {
                add_text_element(figure, "p", alt);
            }
        }
        if (!block.caption.empty()) write_inlines(add_element(figure, "figcaption"), block.caption);
    }

    // Images that are no file, or no usable one, were reported by the loader.
    std::optional<std::string> image_href(const Inline& image) {
        return context_.images.add(image.image, image.span, context_.sink);
    }

    void write_inlines(pugi::xml_node parent, const std::vector<Inline>& inlines) {
        for (const Inline& item : inlines) write_inline(parent, item);
    }

    void write_inline(pugi::xml_node parent, const Inline& item) {
        switch (item.kind) {
            case InlineKind::text:
                add_text(parent, body_text(item.text));
                break;
            case InlineKind::soft_break:
                add_text(parent, "\n");
                break;
            case InlineKind::line_break:
                add_element(parent, "br");
                break;
            case InlineKind::code:
                add_text_element(parent, "code", item.text);
                break;
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
                    write_img(parent, *href, item.text, item.title);
                } else {
                    add_text(parent, item.text);
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
        if (!link.title.empty()) set_attribute(a, "title", link.title);
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
        const Target& target = link.target;
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
    PageContext& context_;
    std::set<std::string> own_ids_;
    int last_heading_rank_ = 1;     // the title is the h1
    std::string lang_;              // of the text being written
    const Hyphenator* hyphenator_;  // for lang_'s soft hyphens, or nullptr
    bool hyphenate_ = true;         // body text: soft hyphens (headings: none)
};

}  // namespace

int heading_rank(const Block& heading) {
    return std::clamp(heading.level, 2, 6);
}

XhtmlPage article_page(const Article& article, const std::vector<Block>& blocks,
                       PageContext& context) {
    return ArticleWriter(article, blocks, context).write();
}

}  // namespace pamphlet::epub
