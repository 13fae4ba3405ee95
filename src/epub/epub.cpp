// write_epub: one language edition as an EPUB 3 book, written in two
// sessions of the archive. The first writes the pages, each built, measured
// for the fonts, serialised and freed in turn, so memory holds one page at a
// time. The second writes what depends on all pages: the fonts, subset to
// exactly the characters the pages show, the stylesheet that declares only
// the fonts that were embedded, the images the pages use, package.opf.
#include "pamphlet/epub.hpp"

#include "book.hpp"
#include "font_embedding.hpp"
#include "navigation.hpp"
#include "package.hpp"
#include "pages.hpp"
#include "stylesheet.hpp"
#include "utc_time.hpp"
#include "xml_writer.hpp"
#include "zip_writer.hpp"

#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/base/threads.hpp"
#include "pamphlet/cover.hpp"
#include "pamphlet/edition_info.hpp"
#include "pamphlet/font_set.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/locale.hpp"

#include <algorithm>
#include <future>
#include <mutex>

namespace pamphlet {

namespace {

using namespace epub;

TocEntry toc_entry_for(const Article& article, const std::string& href) {
    TocEntry entry{article.title.empty() ? article.id : article.title, href, {}};
    // From the article's outline: the book's navigation comes before its
    // pages, and needs no body.
    for (const Article::Section& section : article.outline) {
        if (std::clamp(section.level, 2, 6) != 2 || section.id.empty() || section.title.empty())
            continue;
        entry.children.push_back({section.title, href + "#" + section.id, {}});
    }
    return entry;
}

class BookWriter {
public:
    BookWriter(const Collection& collection, const Edition& edition, const Profile& profile,
               const EpubOptions& options, SourceSpan output_span, DiagnosticSink& sink)
        : collection_(collection),
          edition_(edition),
          profile_(profile),
          options_(options),
          sink_(sink),
          output_span_(std::move(output_span)),
          collection_span_(collection.file_span()),
          info_(edition_info(collection, edition)),
          context_{collection, edition, info_, targets_, images_, sink} {
        if (profile.hyphenate && profile.epub_soft_hyphens && !options.hyphenation_dirs.empty()) {
            hyphenation_.emplace(options.hyphenation_dirs, hyphenation_settings(profile),
                                 options.hyphenation_patterns);
            context_.hyphenation = &*hyphenation_;
        }
    }

    // Writes the book through `zip`; false when it cannot be written
    // (diagnostics say why, and what `zip` holds is to be thrown away).
    bool write(ZipWriter& zip) {
        std::size_t errors_before = sink_.error_count();
        const std::string& lang = edition_.lang;
        const Words& words = words_for(lang);
        plan_article_files();

        std::optional<std::string> cover_href;
        if (collection_.cover)
            cover_href = images_.add(*collection_.cover, collection_span_, sink_);
        // What shelves show: the drawn cover, else the bare illustration. A
        // collection that names a cover gets one even when its picture
        // cannot be painted (the cover colour stands in); one that names
        // none gets none, as in the PDF. It is drawn on another core while
        // the pages are written (no page depends on it); its name is taken
        // now, so that no name in the book depends on when it is done.
        std::future<RenderedCover> drawing;
        std::optional<std::string> drawn_href;
        if (collection_.cover) {
            const auto launch = usable_cores() > 1 ? std::launch::async : std::launch::deferred;
            drawing = std::async(launch, [this, text = cover_text()] { return draw_cover(text); });
            drawn_href = images_.add_generated("cover-title", ".png", "image/png", {});
        }
        std::optional<std::string> logo_href;
        if (collection_.publisher.logo) {
            logo_href = images_.add(*collection_.publisher.logo, collection_span_, sink_);
        }

        // First session: the pages, each built when the archive reaches it.
        std::vector<ZipEntry> entries;
        entries.push_back({"mimetype", ZipMethod::stored, [] { return "application/epub+zip"; }});
        entries.push_back({"META-INF/container.xml", ZipMethod::deflated,
                           [] { return serialize_xml(*container_document(), XmlFlavor::xml); }});

        std::vector<Landmark> landmarks;
        if (cover_href) {
            add_page(entries, "page-cover", "text/cover.xhtml",
                     [this, href = *cover_href] { return cover_page(href, context_); });
            landmarks.push_back({"cover", std::string(words.cover_image), "text/cover.xhtml"});
        }
        add_page(entries, "page-title", "text/title.xhtml",
                 [this, logo_href] { return title_page(logo_href, context_); });

        landmarks.push_back({"toc", std::string(words.contents), "nav.xhtml#toc"});
        if (!edition_.articles.empty()) {
            landmarks.push_back({"bodymatter", std::string(words.start),
                                 "text/" + targets_.file_of.at(edition_.articles.front().id)});
        }
        plan_page_breaks();
        // Made in a second step, as the pages are (it reads only what was
        // planned above, and measures into usage_ under its guard).
        entries.push_back(ZipEntry::in_steps("EPUB/nav.xhtml", [this, &landmarks, &lang] {
            return std::function<std::string()>([this, &landmarks, &lang] {
                const TocEntries toc = book_toc();
                collect_face_usage(*navigation_sample(toc, lang).xml, usage_, &usage_guard_);
                return navigation_text(toc, landmarks, page_list_, lang);
            });
        }));
        documents_.push_back({"nav", "nav.xhtml", {}, true});
        documents_.back().properties = "nav";

        for (std::size_t a = 0; a < edition_.articles.size(); ++a) {
            const Article& article = edition_.articles[a];
            const std::string& file = targets_.file_of.at(article.id);
            add_page(entries, "text-" + file.substr(0, file.size() - 6), "text/" + file,
                     [this, &article, a] {
                         // Held, or read again: let go once its page is made.
                         const ArticleBody body = edition_.body(article, sink_);
                         static const std::vector<Block> none;
                         return article_page(article, body ? *body : none, page_breaks_[a],
                                             context_);
                     });
        }
        add_page(entries, "page-colophon", "text/colophon.xhtml", [this, logo_href] {
            return colophon_page(logo_href, options_.generator, context_);
        });
        if (!write_session(zip, entries)) return false;
        if (drawing.valid()) finish_cover(drawing.get(), *drawn_href, cover_href);
        if (sink_.error_count() > errors_before) return false;

        // Second session: what depends on every page (the fonts hold the
        // characters all pages show; the images are those the pages use).
        FontEmbedding fonts = embed_fonts(profile_, usage_, sink_);
        Resource stylesheet{"css", "css/book.css", "text/css", "",
                            book_stylesheet(profile_, fonts.fonts, context_.features), {}};
        // toc.ncx and package.opf are made when the archive reaches them, so
        // that the two (and their documents) are never in memory together.
        Resource ncx{"ncx", "toc.ncx", "application/x-dtbncx+xml", "", {}, {}};

        std::vector<const Resource*> resources = {&ncx, &stylesheet};
        for (const Resource& font : fonts.files) resources.push_back(&font);
        for (const Resource& image : images_.resources()) resources.push_back(&image);
        std::vector<const ContentDocument*> documents;
        for (const ContentDocument& document : documents_) documents.push_back(&document);
        const bool fonts_embedded = !fonts.files.empty();

        entries.clear();
        for (const Resource& image : images_.resources()) entries.push_back(image_entry(image));
        entries.push_back({"EPUB/" + stylesheet.href, ZipMethod::deflated,
                           [&stylesheet] { return stylesheet.data; }});
        entries.push_back({"EPUB/" + ncx.href, ZipMethod::deflated,
                           [&] { return ncx_text(book_toc(), identifier(), title(), lang); }});
        for (const Resource& font : fonts.files) {
            entries.push_back(
                {"EPUB/" + font.href, ZipMethod::deflated, [&font] { return font.data; }});
        }
        entries.push_back({"EPUB/package.opf", ZipMethod::deflated, [&] {
                               return serialize_xml(*package_document(metadata(fonts_embedded),
                                                                      resources, documents, ncx.id),
                                                    XmlFlavor::xml);
                           }});
        if (!write_session(zip, entries)) return false;
        return sink_.error_count() == errors_before;
    }

    int spine_items() const {
        return static_cast<int>(std::count_if(documents_.begin(), documents_.end(),
                                              [](const ContentDocument& d) { return d.in_spine; }));
    }

private:
    // The contents, made entry by entry as each navigation document is
    // written (a large book's would otherwise be held while every page is
    // written, and held whole while its navigation is).
    TocEntries book_toc() const {
        return [this](const std::function<void(const TocEntry&)>& take) {
            for (const Article& article : edition_.articles)
                take(toc_entry_for(article, "text/" + targets_.file_of.at(article.id)));
            take({std::string(words_for(edition_.lang).colophon), "text/colophon.xhtml", {}});
        };
    }

    CoverText cover_text() const {
        return {title(), subtitle(), collection_.publisher.name, edition_.lang};
    }

    // The cover image with the title drawn on it (on any thread).
    RenderedCover draw_cover(const CoverText& text) const {
        FontSet fonts;  // FreeType faces are not shared between threads
        const ImageAsset* illustration =
            collection_.cover ? collection_.cover->asset.get() : nullptr;
        return render_cover(profile_, illustration, text, fonts);
    }

    // The drawn cover into the place taken for it, or (with a warning) the
    // bare illustration as the cover image when it could not be made.
    void finish_cover(RenderedCover cover, const std::string& drawn_href,
                      const std::optional<std::string>& cover_href) {
        if (cover.png.empty()) {
            sink_.warning(
                collection_span_, "cover-not-drawn",
                "the e-book's cover image with the title cannot be drawn: " + cover.problem);
            images_.drop(drawn_href);
            if (cover_href) images_.mark_cover(*cover_href);
            return;
        }
        images_.fill(drawn_href, std::move(cover.png));
        images_.mark_cover(drawn_href);
    }

    // A content document: recorded for the package, and built, measured
    // for the fonts, serialised and freed when the archive reaches it. It is
    // built on the writer's thread (from the book's state); measured and
    // serialised in the second step, on whichever thread deflates it (two
    // pages may be measured at once: usage_ is written under usage_guard_).
    template <typename Build>
    void add_page(std::vector<ZipEntry>& entries, std::string id, std::string href, Build build) {
        entries.push_back(ZipEntry::in_steps("EPUB/" + href, [this, build] {
            auto page = std::make_shared<XhtmlPage>(build());
            return std::function<std::string()>([this, page] {
                collect_face_usage(*page->xml, usage_, &usage_guard_);
                return serialize_xml(*page->xml, XmlFlavor::xhtml);
            });
        }));
        documents_.push_back({std::move(id), std::move(href), {}, true});
    }

    // PNG, JPEG and GIF are compressed already: deflating them again costs
    // time and saves nothing.
    ZipEntry image_entry(const Resource& image) {
        const bool compressed = image.media_type == "image/png" ||
                                image.media_type == "image/jpeg" || image.media_type == "image/gif";
        return {"EPUB/" + image.href, compressed ? ZipMethod::stored : ZipMethod::deflated,
                [this, &image] {
                    if (!image.image) return image.data;
                    // Held by the store, or read again if it let them go.
                    const std::shared_ptr<const std::string> bytes = image.image->bytes();
                    if (!bytes) {
                        sink_.error(collection_span_, "epub-write-failed",
                                    "image '" + image.image->name() +
                                        "' cannot be read again now, while the book is written");
                        return std::string();
                    }
                    return *bytes;
                }};
    }

    bool write_session(ZipWriter& zip, const std::vector<ZipEntry>& entries) {
        if (zip.write(entries)) return true;
        sink_.error(output_span_, "epub-write-failed", zip.error());
        return false;
    }

    // The printed brochure's page starts as breaks in the articles' pages
    // and entries of the page list, before any page is written (the
    // navigation comes first and links to them).
    void plan_page_breaks() {
        page_breaks_.assign(edition_.articles.size(), {});
        page_list_.clear();
        for (const PageStart& start : options_.page_starts) {
            const int index = start.at.article;
            if (index < 0 || static_cast<std::size_t>(index) >= edition_.articles.size()) continue;
            const Article& article = edition_.articles[static_cast<std::size_t>(index)];
            std::string id = page_break_id(start.label, article.section_ids);
            page_list_.push_back(
                {start.label, "text/" + targets_.file_of.at(article.id) + "#" + id, {}});
            page_breaks_[static_cast<std::size_t>(index)].push_back(
                {std::move(id), start.label, start.at});
        }
    }

    void plan_article_files() {
        UniqueNames names;
        for (const char* fixed : {"cover.xhtml", "title.xhtml", "colophon.xhtml"}) {
            names.reserve(fixed);
        }
        for (const Article& article : edition_.articles) {
            if (targets_.file_of.count(article.id) != 0) continue;
            targets_.file_of[article.id] = names.claim(safe_stem(article.id, "article"), ".xhtml");
        }
    }

    const std::string& identifier() const { return info_.identifier; }
    const std::string& title() const { return info_.title; }

    const std::string& subtitle() const { return info_.subtitle; }

    PackageMetadata metadata(bool has_fonts) {
        PackageMetadata m;
        m.identifier = identifier();
        m.title = title();
        m.subtitle = info_.subtitle;
        m.lang = info_.lang;
        m.creators = info_.authors;
        m.publisher = info_.publisher;
        m.rights = info_.rights;
        m.date = info_.date;
        m.subjects = info_.keywords;
        m.modified = format_w3c_utc(utc_from_epoch(options_.timestamp));
        m.generator = options_.generator;
        m.has_images = !images_.resources().empty();
        m.has_embedded_fonts = has_fonts;
        if (!page_list_.empty()) m.page_break_source = options_.page_source;
        // Claimed only when the book's own checks hold: every page and
        // phrase carries its language, the stylesheet keeps 4.5:1 in every
        // theme (by construction); images and headings are checked as the
        // pages are written.
        const std::vector<std::string>& problems = context_.accessibility_problems;
        m.conforms = problems.empty();
        m.certified_by = collection_.accessibility.certified_by.empty()
                             ? collection_.publisher.name
                             : collection_.accessibility.certified_by;
        m.certifier_credential = collection_.accessibility.certifier_credential;
        if (!m.conforms) {
            std::string message = "the e-book does not claim " + std::string(wcag_conformance) +
                                  " (dcterms:conformsTo): " + problems.front();
            if (problems.size() > 1)
                message += " (and " + std::to_string(problems.size() - 1) + " more)";
            sink_.warning(collection_span_, "no-accessibility-claim", std::move(message));
        }
        for (const Resource& image : images_.resources()) {
            if (image.properties == "cover-image") m.cover_image_id = image.id;
        }
        return m;
    }

    const Collection& collection_;
    const Edition& edition_;
    const Profile& profile_;
    const EpubOptions& options_;
    DiagnosticSink& sink_;
    SourceSpan output_span_;  // the file written, for write errors
    SourceSpan collection_span_;
    const EditionInfo info_;  // what the book says it is, as the PDF says it
    LinkTargets targets_;
    ImageCatalog images_;
    std::optional<Hyphenation> hyphenation_;  // for soft hyphens
    PageContext context_;
    std::vector<ContentDocument> documents_;           // in reading order
    std::vector<std::vector<PageBreak>> page_breaks_;  // per article, in reading order
    std::vector<TocEntry> page_list_;                  // every page break, in reading order
    FaceUsage usage_;                                  // of the pages built so far
    std::mutex usage_guard_;                           // held while usage_ is written
};

}  // namespace

bool write_epub(const Collection& collection, const Edition& edition, const Profile& profile,
                const EpubOptions& options, const std::filesystem::path& out, DiagnosticSink& sink,
                EpubContents* contents) {
    BookWriter writer(collection, edition, profile, options, SourceSpan::whole(out.string()), sink);
    ZipWriter zip(out, options.timestamp);
    bool written = writer.write(zip);
    if (written && !zip.finish()) {
        sink.error(SourceSpan::whole(out.string()), "epub-write-failed", zip.error());
        written = false;
    }
    if (written && contents != nullptr) contents->spine_items = writer.spine_items();
    return written;
}

std::optional<std::string> write_epub(const Collection& collection, const Edition& edition,
                                      const Profile& profile, const EpubOptions& options,
                                      DiagnosticSink& sink, EpubContents* contents) {
    BookWriter writer(collection, edition, profile, options, SourceSpan{}, sink);
    ZipWriter zip(options.timestamp);
    if (!writer.write(zip)) return std::nullopt;
    if (contents != nullptr) contents->spine_items = writer.spine_items();
    return zip.take_bytes();
}

}  // namespace pamphlet
