// write_epub: one language edition as an EPUB 3 book. The pages are built
// first, because the fonts are subset to exactly the characters they show
// and the stylesheet declares only the fonts that were embedded.
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

#include "pamphlet/locale.hpp"

#include <algorithm>

namespace pamphlet {

namespace {

using namespace epub;

void add_unique(std::vector<std::string>& values, const std::string& value) {
    if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
        values.push_back(value);
    }
}

ContentDocument make_document(std::string id, std::string href, XhtmlPage page) {
    ContentDocument document;
    document.id = std::move(id);
    document.href = std::move(href);
    document.xml = std::move(page.xml);
    return document;
}

TocEntry toc_entry_for(const Article& article, const std::string& href) {
    TocEntry entry{article.title.empty() ? article.id : article.title, href, {}};
    for (const Block& block : article.blocks) {
        if (block.kind != BlockKind::heading || heading_rank(block) != 2 || block.id.empty()) {
            continue;
        }
        std::string label = plain_text(block.inlines);
        if (label.empty()) continue;
        entry.children.push_back({label, href + "#" + block.id, {}});
    }
    return entry;
}

class BookWriter {
public:
    BookWriter(const Collection& collection, const Edition& edition, const Profile& profile,
               const EpubOptions& options, DiagnosticSink& sink)
        : collection_(collection),
          edition_(edition),
          profile_(profile),
          options_(options),
          sink_(sink),
          collection_span_(collection.file_span()),
          context_{collection, edition, targets_, images_, sink} {}

    std::optional<std::string> write() {
        std::size_t errors_before = sink_.error_count();
        const std::string& lang = edition_.lang;
        const Words& words = words_for(lang);
        plan_article_files();

        std::optional<std::string> cover_href;
        if (collection_.cover) {
            cover_href = images_.add(*collection_.cover, collection_span_, sink_);
            if (cover_href) images_.mark_cover(*cover_href);
        }
        std::optional<std::string> logo_href;
        if (collection_.publisher.logo) {
            logo_href = images_.add(*collection_.publisher.logo, collection_span_, sink_);
        }

        std::vector<Landmark> landmarks;
        if (cover_href) {
            pages_.push_back(
                make_document("page-cover", "text/cover.xhtml", cover_page(*cover_href, context_)));
            landmarks.push_back({"cover", std::string(words.cover_image), "text/cover.xhtml"});
        }
        pages_.push_back(
            make_document("page-title", "text/title.xhtml", title_page(logo_href, context_)));
        nav_position_ = pages_.size();

        std::vector<TocEntry> toc;
        for (const Article& article : edition_.articles) {
            const std::string& file = targets_.file_of.at(article.id);
            std::string href = "text/" + file;
            pages_.push_back(make_document("text-" + file.substr(0, file.size() - 6), href,
                                           article_page(article, context_)));
            toc.push_back(toc_entry_for(article, href));
        }
        pages_.push_back(make_document("page-colophon", "text/colophon.xhtml",
                                       colophon_page(logo_href, options_.generator, context_)));
        toc.push_back({std::string(words.colophon), "text/colophon.xhtml", {}});

        landmarks.push_back({"toc", std::string(words.contents), "nav.xhtml#toc"});
        if (!edition_.articles.empty()) {
            landmarks.push_back({"bodymatter", std::string(words.start),
                                 "text/" + targets_.file_of.at(edition_.articles.front().id)});
        }
        ContentDocument nav =
            make_document("nav", "nav.xhtml", navigation_document(toc, landmarks, lang));
        nav.properties = "nav";
        pages_.insert(pages_.begin() + static_cast<std::ptrdiff_t>(nav_position_), std::move(nav));

        FaceUsage usage;
        for (const ContentDocument& page : pages_) collect_face_usage(*page.xml, usage);
        FontEmbedding fonts = embed_fonts(profile_, usage, sink_);

        Resource stylesheet{"css", "css/book.css", "text/css", "",
                            book_stylesheet(profile_, fonts.fonts)};
        Resource ncx{
            "ncx", "toc.ncx", "application/x-dtbncx+xml", "",
            serialize_xml(*ncx_document(toc, identifier(), title(), lang), XmlFlavor::xml)};

        std::vector<const Resource*> resources = {&ncx, &stylesheet};
        for (const Resource& font : fonts.files) resources.push_back(&font);
        for (const Resource& image : images_.resources()) resources.push_back(&image);
        std::vector<const ContentDocument*> documents;
        for (const ContentDocument& page : pages_) documents.push_back(&page);

        std::string package = serialize_xml(
            *package_document(metadata(!fonts.files.empty()), resources, documents, ncx.id),
            XmlFlavor::xml);

        if (sink_.error_count() > errors_before) return std::nullopt;

        std::vector<ZipEntry> entries;
        entries.push_back({"mimetype", "application/epub+zip", false});
        entries.push_back(
            {"META-INF/container.xml", serialize_xml(*container_document(), XmlFlavor::xml), true});
        entries.push_back({"EPUB/package.opf", std::move(package), true});
        const ContentDocument& nav_document = pages_[nav_position_];
        entries.push_back({"EPUB/" + nav_document.href,
                           serialize_xml(*nav_document.xml, XmlFlavor::xhtml), true});
        for (const Resource* resource : resources) {
            entries.push_back({"EPUB/" + resource->href, resource->data, true});
        }
        for (const ContentDocument& page : pages_) {
            if (&page == &nav_document) continue;
            entries.push_back(
                {"EPUB/" + page.href, serialize_xml(*page.xml, XmlFlavor::xhtml), true});
        }

        ZipResult zip = write_zip(entries, options_.timestamp);
        if (!zip.error.empty()) {
            sink_.error(SourceSpan{}, "epub-write-failed",
                        "cannot build the EPUB archive: " + zip.error);
            return std::nullopt;
        }
        return std::move(zip.bytes);
    }

    int spine_items() const {
        return static_cast<int>(std::count_if(pages_.begin(), pages_.end(),
                                              [](const ContentDocument& d) { return d.in_spine; }));
    }

private:
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

    std::string identifier() const {
        if (!edition_.identifier.empty()) return edition_.identifier;
        return "urn:pamphlet:" + collection_.id + ":" + edition_.lang;
    }

    std::string title() const {
        if (!edition_.title.empty()) return edition_.title;
        return collection_.title.get(edition_.lang);
    }

    PackageMetadata metadata(bool has_fonts) {
        PackageMetadata m;
        m.identifier = identifier();
        m.title = title();
        m.subtitle =
            edition_.subtitle.empty() ? collection_.subtitle.get(edition_.lang) : edition_.subtitle;
        m.lang = edition_.lang;
        for (const Article& article : edition_.articles) add_unique(m.creators, article.author);
        if (m.creators.empty()) add_unique(m.creators, collection_.publisher.name);
        m.publisher = collection_.publisher.name;
        if (!collection_.rights.empty()) m.rights = collection_.rights.get(edition_.lang);
        m.date = collection_.date;
        for (const Article& article : edition_.articles) {
            for (const std::string& tag : article.tags) add_unique(m.subjects, tag);
        }
        m.modified = format_w3c_utc(utc_from_epoch(options_.timestamp));
        m.generator = options_.generator;
        m.has_images = !images_.resources().empty();
        m.has_embedded_fonts = has_fonts;
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
    SourceSpan collection_span_;
    LinkTargets targets_;
    ImageCatalog images_;
    PageContext context_;
    std::vector<ContentDocument> pages_;
    std::size_t nav_position_ = 0;
};

}  // namespace

std::optional<std::string> write_epub(const Collection& collection, const Edition& edition,
                                      const Profile& profile, const EpubOptions& options,
                                      DiagnosticSink& sink, EpubContents* contents) {
    BookWriter writer(collection, edition, profile, options, sink);
    std::optional<std::string> bytes = writer.write();
    if (bytes && contents != nullptr) contents->spine_items = writer.spine_items();
    return bytes;
}

}  // namespace pamphlet
