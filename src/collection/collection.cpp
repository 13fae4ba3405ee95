// collection.yaml + articles/ID.LANG.md -> Collection and its Editions.
#include "pamphlet/collection.hpp"

#include "pamphlet/base/confine.hpp"
#include "pamphlet/base/dates.hpp"
#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/base/strings.hpp"
#include "pamphlet/base/threads.hpp"
#include "pamphlet/digest.hpp"

#include "pamphlet/image.hpp"
#include "pamphlet/locale.hpp"
#include "pamphlet/markdown.hpp"
#include "pamphlet/text_direction.hpp"
#include "pamphlet/yaml.hpp"

#include "bodies.hpp"
#include "links.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace pamphlet {
namespace {

const std::vector<std::string> collection_keys = {"id",        "title",    "subtitle", "languages",
                                                  "publisher", "articles", "cover",    "identifier",
                                                  "rights",    "date",     "accessibility"};
const std::vector<std::string> accessibility_keys = {"certified_by", "certifier_credential"};
const std::vector<std::string> publisher_keys = {"name",  "address", "phone",
                                                 "email", "website", "logo"};

bool is_slug(const std::string& s) {
    static const std::regex slug("[a-z0-9]+(-[a-z0-9]+)*");
    return std::regex_match(s, slug);
}

// Reads one collection.yaml; `root` is the display form of the folder.
class CollectionReader {
public:
    CollectionReader(fs::path dir, std::string display_dir, ImageStore& images,
                     SourceFiles& sources, DiagnosticSink& sink)
        : dir_(std::move(dir)),
          display_dir_(std::move(display_dir)),
          inside_({dir_}),
          images_(images),
          sources_(sources),
          sink_(sink) {}

    std::optional<Collection> read(const CollectionOptions& options);

    // What the readers of let-go bodies must keep alive (the load's own image store).
    void keep_alive(std::shared_ptr<const void> thing) { own_images_ = std::move(thing); }

private:
    std::string display(const std::string& relative) const {
        return display_dir_.empty() ? relative : display_dir_ + "/" + relative;
    }
    std::optional<std::string> required_string(const yaml::Node& map, const char* key);
    std::optional<LocalizedText> localized(const yaml::Node& node, const char* key);
    std::optional<fs::path> existing_file(const yaml::Node& node, const char* key);
    std::optional<ImageSource> image(const yaml::Node& node, const char* key);
    void load_named_image(std::size_t k);
    void finish_named_images(Collection& c);
    std::optional<std::string> read_collection_yaml();
    std::optional<std::string> read_article_text(const std::string& id, const std::string& rel,
                                                 const SourceSpan& listed_at, bool& missing,
                                                 DiagnosticSink& sink) const;
    void read_publisher(const yaml::Node& node, Publisher& out);
    std::vector<std::string> read_article_ids(const yaml::Node& node);
    void warn_unlisted_articles(const Collection& c);
    std::vector<std::string> article_files_on_disk() const;
    // One article file of one edition, read and parsed (on any thread).
    struct LoadedArticle {
        DiagnosticSink sink;
        bool missing = false;
        std::optional<std::string> text;
        std::optional<Article> article;
    };
    void load_article(const std::string& id, const std::string& lang, const SourceSpan& listed_at,
                      LoadedArticle& out) const;
    // Keeps `loaded`'s body within the budget, or lets it go for `reader` to read again.
    void hold_or_let_go(LoadedArticle& loaded, BodyReader& reader);
    void check_all_links(Collection& c, std::vector<std::shared_ptr<BodyReader>>& readers,
                         int threads);

    fs::path dir_;
    std::string display_dir_;
    // Every file the collection names must lie in its folder.
    Confinement inside_;
    ImageStore& images_;
    SourceFiles& sources_;
    DiagnosticSink& sink_;
    std::string yaml_file_;
    std::vector<std::string> languages_;
    // How each article's input is made (shared with the bodies' readers).
    std::shared_ptr<const ArticleFiles> article_files_;
    std::shared_ptr<const void> own_images_;  // kept alive by the bodies' readers
    std::size_t held_budget_ = 0;
    std::size_t held_bytes_ = 0;
    // The cover and the logo, found and not yet judged.
    struct NamedImage {
        const char* key;
        fs::path path;
        SourceSpan span;
        ImageHandle asset;
    };
    std::vector<NamedImage> named_images_;
};

std::optional<std::string> CollectionReader::required_string(const yaml::Node& map,
                                                             const char* key) {
    const yaml::Node* node = map.find(key);
    if (!node) {
        sink_.error(map.span, "missing-key", std::string("collection.yaml needs '") + key + "'");
        return std::nullopt;
    }
    return yaml::as_string(*node, key, sink_);
}

std::optional<LocalizedText> CollectionReader::localized(const yaml::Node& node, const char* key) {
    LocalizedText out;
    if (node.is_scalar()) {
        out.any = node.value;
        return out;
    }
    if (!node.is_map()) {
        sink_.error(node.span, "wrong-type",
                    std::string("expected a string or a map of language to string for '") + key +
                        "', found " + std::string(node.kind_name()));
        return std::nullopt;
    }
    bool ok = true;
    for (const auto& [lang, value] : node.entries) {
        if (std::find(languages_.begin(), languages_.end(), lang.value) == languages_.end()) {
            std::string msg = "unknown language '" + lang.value + "' in '" + key +
                              "' (the collection's languages are " + join(languages_) + ")";
            if (auto near = closest_match(lang.value, languages_))
                msg += "; did you mean '" + *near + "'?";
            sink_.error(lang.span, "unknown-language", msg);
            ok = false;
            continue;
        }
        if (auto s = yaml::as_string(value, key, sink_))
            out.by_lang[lang.value] = *s;
        else
            ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

std::optional<fs::path> CollectionReader::existing_file(const yaml::Node& node, const char* key) {
    auto rel = yaml::as_string(node, key, sink_);
    if (!rel) return std::nullopt;
    fs::path path = (dir_ / *rel).lexically_normal();
    if (const auto place = inside_.place(path); place != Confinement::Place::inside) {
        sink_.error(node.span, "outside-collection",
                    std::string(key) + " '" + *rel + "'" +
                        (place == Confinement::Place::link_outside
                             ? " leads outside the collection folder through a symbolic link"
                             : " is outside the collection folder") +
                        "; only files inside the collection are published");
        return std::nullopt;
    }
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        sink_.error(node.span, "missing-file",
                    std::string("file not found for '") + key + "': " + display(*rel));
        return std::nullopt;
    }
    return path;
}

// The cover or the logo: found here; loaded and judged on a core of its own
// while the first articles are read (judging a cover took a tenth of a
// book's export), and its verdict said once, at its key, whatever the
// outputs (finish_named_images).
std::optional<ImageSource> CollectionReader::image(const yaml::Node& node, const char* key) {
    std::optional<fs::path> path = existing_file(node, key);
    if (!path) return std::nullopt;
    ImageSource source;
    source.url = node.value;
    named_images_.push_back({key, std::move(*path), node.span, nullptr});
    return source;
}

void CollectionReader::load_named_image(std::size_t k) {
    named_images_[k].asset = images_.load(named_images_[k].path);
}

void CollectionReader::finish_named_images(Collection& c) {
    for (std::size_t k = 0; k < named_images_.size(); ++k) {
        NamedImage& named = named_images_[k];
        if (!named.asset) load_named_image(k);
        std::optional<ImageSource>& source =
            named.key == std::string_view("cover") ? c.cover : c.publisher.logo;
        if (source) source->asset = named.asset;
        report_image_verdict(named.asset->verdict(), named.asset->name(), named.span, sink_);
    }
    named_images_.clear();
}

void CollectionReader::read_publisher(const yaml::Node& node, Publisher& out) {
    if (!node.is_map()) {
        sink_.error(node.span, "wrong-type",
                    "expected a map for 'publisher', found " + std::string(node.kind_name()));
        return;
    }
    yaml::check_keys(node, publisher_keys, "publisher", sink_);
    auto get = [&](const char* key, std::string& field) {
        if (const yaml::Node* v = node.find(key))
            if (auto s = yaml::as_string(*v, key, sink_)) field = *s;
    };
    if (!node.find("name")) sink_.error(node.span, "missing-key", "publisher needs a 'name'");
    get("name", out.name);
    get("address", out.address);
    get("phone", out.phone);
    get("email", out.email);
    get("website", out.website);
    if (const yaml::Node* w = node.find("website"); w && !out.website.empty() &&
                                                    out.website.rfind("https://", 0) != 0 &&
                                                    out.website.rfind("http://", 0) != 0)
        sink_.error(w->span, "invalid-url", "'website' must start with https:// or http://");
    if (const yaml::Node* logo = node.find("logo")) out.logo = image(*logo, "logo");
}

std::vector<std::string> CollectionReader::read_article_ids(const yaml::Node& node) {
    std::vector<std::string> ids;
    if (!node.is_sequence() || node.items.empty()) {
        sink_.error(node.span, "wrong-type", "'articles' must be a non-empty list of article ids");
        return ids;
    }
    for (const auto& item : node.items) {
        auto id = yaml::as_string(item, "articles", sink_);
        if (!id) continue;
        if (!is_slug(*id)) {
            sink_.error(
                item.span, "invalid-id",
                "article id '" + *id + "' must be lower-case letters, digits and single hyphens");
            continue;
        }
        if (std::find(ids.begin(), ids.end(), *id) != ids.end()) {
            sink_.error(item.span, "duplicate-article", "article '" + *id + "' is listed twice");
            continue;
        }
        ids.push_back(*id);
    }
    return ids;
}

// Files in articles/ that collection.yaml does not list are most likely an
// oversight; say so rather than silently leaving them out.
// The ids of the article files in articles/ ("fascia" for fascia.de.md).
std::vector<std::string> CollectionReader::article_files_on_disk() const {
    std::vector<std::string> ids;
    std::error_code ec;
    for (fs::directory_iterator it(dir_ / "articles", ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->path().extension() != ".md") continue;
        std::string stem = it->path().stem().string();
        std::string id = stem.substr(0, stem.rfind('.'));
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void CollectionReader::warn_unlisted_articles(const Collection& c) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir_ / "articles", ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".md") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::string stem = f.stem().string();  // "fascia.de"
        auto dot = stem.rfind('.');
        std::string shown = display("articles/" + f.filename().string());
        if (dot == std::string::npos) {
            sink_.warning(SourceSpan::whole(shown), "unlisted-article",
                          "article file name must be ID.LANG.md; file left out");
            continue;
        }
        std::string id = stem.substr(0, dot), lang = stem.substr(dot + 1);
        bool listed =
            std::find(c.article_ids.begin(), c.article_ids.end(), id) != c.article_ids.end();
        bool known_lang = std::find(languages_.begin(), languages_.end(), lang) != languages_.end();
        if (!listed)
            sink_.warning(
                SourceSpan::whole(shown), "unlisted-article",
                "article '" + id + "' is not listed in " + yaml_file_ + "; file left out");
        else if (!known_lang)
            sink_.warning(SourceSpan::whole(shown), "unknown-language",
                          "language '" + lang + "' is not one of the collection's languages (" +
                              join(languages_) + "); file left out");
    }
}

// The text of one article file, or nullopt: `missing` when there is no such
// file, else after reporting at `listed_at` (the article's line in
// collection.yaml) why the file is not read. Those are errors of the
// collection, not of the article: no article exists to keep going without.
std::optional<std::string> CollectionReader::read_article_text(const std::string& id,
                                                               const std::string& rel,
                                                               const SourceSpan& listed_at,
                                                               bool& missing,
                                                               DiagnosticSink& sink) const {
    const fs::path path = dir_ / rel;
    const std::string shown = display(rel);
    const std::string article = "article '" + id + "': " + shown;
    missing = false;
    // The name is built from a slug, so only a symbolic link can lead out.
    if (!inside_.admits(path)) {
        sink.error(listed_at, "outside-collection",
                    article +
                        " leads outside the collection folder through a symbolic link; it is not "
                        "read");
        return std::nullopt;
    }
    FileRead read = read_file_limited(path, limits::text_file_bytes);
    std::error_code ec;
    switch (read.problem) {
        case FileRead::Problem::none:
            return std::move(read.bytes);
        case FileRead::Problem::missing:
            missing = true;
            return std::nullopt;
        case FileRead::Problem::not_a_file:
            sink.error(listed_at, "not-a-file",
                        article + (fs::is_directory(path, ec) ? " is a folder, not a file"
                                                              : " is not a regular file"));
            return std::nullopt;
        case FileRead::Problem::too_large:
            sink.error(listed_at, "file-too-large",
                        article + " " + describe_problem(read, limits::text_file_bytes) +
                            "; it is not read");
            return std::nullopt;
        case FileRead::Problem::unreadable:
            break;
    }
    sink.error(listed_at, "unreadable-file", article + " cannot be read");
    return std::nullopt;
}

void CollectionReader::load_article(const std::string& id, const std::string& lang,
                                    const SourceSpan& listed_at, LoadedArticle& out) const {
    out.text =
        read_article_text(id, ArticleFiles::relative(id, lang), listed_at, out.missing, out.sink);
    if (!out.text) return;
    const ArticleInput input = article_files_->input(id, lang);
    // Read again for a diagnostic's source line only if one needs it.
    sources_.add_file(input.display_path, input.path);
    out.article = parse_article(input, *out.text, out.sink);
    if (out.article && !check_text_direction(*out.article, *out.text, out.sink))
        out.article.reset();
    if (out.article) out.article->file_sha256 = sha256_hex(*out.text);
}

void CollectionReader::hold_or_let_go(LoadedArticle& loaded, BodyReader& reader) {
    Article& article = *loaded.article;
    if (!article.body) return;
    const std::size_t bytes = model_bytes(*article.body);
    if (held_bytes_ + bytes <= held_budget_) {
        held_bytes_ += bytes;
        return;
    }
    reader.remember(article.id, *loaded.text, link_records(*article.body));
    article.body = nullptr;
}

std::optional<std::string> CollectionReader::read_collection_yaml() {
    const fs::path path = dir_ / "collection.yaml";
    if (!inside_.admits(path)) {
        sink_.error(SourceSpan::whole(yaml_file_), "outside-collection",
                    "collection.yaml leads outside the collection folder through a symbolic "
                    "link; it is not read");
        return std::nullopt;
    }
    FileRead read = read_file_limited(path, limits::text_file_bytes);
    if (read.ok()) return std::move(read.bytes);
    if (read.problem == FileRead::Problem::missing)
        sink_.error(SourceSpan::whole(yaml_file_), "missing-file",
                    "no collection.yaml in this folder (see the README for the collection format)");
    else
        sink_.error(SourceSpan::whole(yaml_file_),
                    read.problem == FileRead::Problem::too_large ? "file-too-large" : "not-a-file",
                    "collection.yaml " + describe_problem(read, limits::text_file_bytes) +
                        "; it is not read");
    return std::nullopt;
}

std::optional<Collection> CollectionReader::read(const CollectionOptions& options) {
    yaml_file_ = display("collection.yaml");
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
        sink_.error(SourceSpan::whole(display_dir_.empty() ? "." : display_dir_),
                    "missing-collection",
                    "not a folder: a collection is a folder with a collection.yaml");
        return std::nullopt;
    }
    auto text = read_collection_yaml();
    if (!text) return std::nullopt;
    sources_.add(yaml_file_, *text);
    const std::size_t errors_before = sink_.error_count();
    auto root = yaml::parse(*text, yaml_file_, sink_);
    if (!root) return std::nullopt;
    if (!root->is_map()) {
        sink_.error(root->span, "wrong-type",
                    "collection.yaml must be a map of keys (id, title, languages, ...)");
        return std::nullopt;
    }
    yaml::check_keys(*root, collection_keys, "collection.yaml", sink_);

    Collection c;
    c.root = dir_;
    // Languages first: localized values are checked against them.
    if (const yaml::Node* langs = root->find("languages")) {
        if (auto list = yaml::as_string_list(*langs, "languages", sink_)) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                const std::string& l = (*list)[i];
                const SourceSpan& at = langs->items[i].span;
                if (!is_language_tag(l))
                    sink_.error(at, "invalid-language",
                                "'" + l + "' is not a language tag such as de, en or en-GB");
                else if (std::find(languages_.begin(), languages_.end(), l) != languages_.end())
                    sink_.error(at, "duplicate-language", "language '" + l + "' is listed twice");
                else
                    languages_.push_back(l);
            }
            if (list->empty())
                sink_.error(langs->span, "wrong-type", "'languages' must not be empty");
        }
    } else {
        sink_.error(root->span, "missing-key", "collection.yaml needs 'languages' (e.g. [de, en])");
    }
    c.languages = languages_;

    if (auto id = required_string(*root, "id")) {
        if (!is_slug(*id))
            sink_.error(root->find("id")->span, "invalid-id",
                        "collection id '" + *id +
                            "' must be lower-case letters, digits and single "
                            "hyphens (it names the output files)");
        c.id = *id;
    }
    if (const yaml::Node* t = root->find("title")) {
        if (auto v = localized(*t, "title")) c.title = *v;
    } else {
        sink_.error(root->span, "missing-key", "collection.yaml needs a 'title'");
    }
    if (const yaml::Node* t = root->find("subtitle"))
        if (auto v = localized(*t, "subtitle")) c.subtitle = *v;
    if (const yaml::Node* t = root->find("rights"))
        if (auto v = localized(*t, "rights")) c.rights = *v;
    if (const yaml::Node* t = root->find("identifier"))
        if (auto v = localized(*t, "identifier")) c.identifier = *v;
    if (const yaml::Node* p = root->find("publisher"))
        read_publisher(*p, c.publisher);
    else
        sink_.error(root->span, "missing-key",
                    "collection.yaml needs a 'publisher' with at least a 'name'");
    if (const yaml::Node* cover = root->find("cover")) c.cover = image(*cover, "cover");
    if (const yaml::Node* a = root->find("accessibility")) {
        if (!a->is_map()) {
            sink_.error(a->span, "wrong-type",
                        "expected a map for 'accessibility', found " + std::string(a->kind_name()));
        } else {
            yaml::check_keys(*a, accessibility_keys, "accessibility", sink_);
            auto get = [&](const char* key, std::string& field) {
                if (const yaml::Node* v = a->find(key))
                    if (auto s = yaml::as_string(*v, key, sink_)) field = *s;
            };
            get("certified_by", c.accessibility.certified_by);
            get("certifier_credential", c.accessibility.certifier_credential);
        }
    }
    if (const yaml::Node* d = root->find("date")) {
        if (auto s = yaml::as_string(*d, "date", sink_)) {
            if (!parse_iso_date(*s))
                sink_.error(d->span, "invalid-date", "'date' must be a date written YYYY-MM-DD");
            else
                c.date = *s;
        }
    }
    const yaml::Node* articles = root->find("articles");
    if (articles)
        c.article_ids = read_article_ids(*articles);
    else
        sink_.error(root->span, "missing-key",
                    "collection.yaml needs 'articles', the list of article ids");

    std::vector<std::string> wanted = languages_;
    if (!options.languages.empty()) {
        wanted.clear();
        for (const auto& l : options.languages) {
            if (std::find(languages_.begin(), languages_.end(), l) == languages_.end()) {
                std::string msg = "language '" + l +
                                  "' is not one of the collection's languages (" +
                                  join(languages_) + ")";
                if (auto near = closest_match(l, languages_))
                    msg += "; did you mean '" + *near + "'?";
                sink_.error(SourceSpan::whole(yaml_file_), "unknown-language", msg);
            } else if (std::find(wanted.begin(), wanted.end(), l) == wanted.end()) {
                wanted.push_back(l);
            }
        }
    }
    // Articles are read even when collection.yaml had other errors, so that
    // one run reports every problem; they only need languages and ids.
    if (languages_.empty() || c.article_ids.empty()) {
        finish_named_images(c);
        return std::nullopt;
    }

    warn_unlisted_articles(c);
    const std::size_t errors_before_articles = sink_.error_count();
    std::size_t article_errors = 0;
    for (const auto& lang : wanted) {
        Edition e;
        e.lang = lang;
        e.title = apply_typography(c.title.get(lang), lang);
        e.subtitle = apply_typography(c.subtitle.get(lang), lang);
        e.identifier = c.identifier.get(lang);
        if (e.identifier.empty())
            e.identifier = name_based_urn_uuid("pamphlet:" + c.id + ":" + lang);
        else if (c.identifier.by_lang.empty() && languages_.size() > 1)
            e.identifier += ":" + lang;
        c.editions.push_back(std::move(e));
    }
    held_budget_ = options.held_bodies_bytes;
    article_files_ = std::make_shared<const ArticleFiles>(
        ArticleFiles{dir_, display_dir_,
                     std::make_shared<const std::vector<std::string>>(c.article_ids), &images_,
                     inside_});
    std::vector<std::shared_ptr<BodyReader>> readers;
    for (std::size_t k = 0; k < c.editions.size(); ++k) {
        readers.push_back(std::make_shared<BodyReader>(article_files_));
        c.editions[k].articles.reserve(c.article_ids.size());
    }
    // The article files are read and parsed on `threads` threads, a window
    // at a time (so that bodies beyond the budget are let go before the next
    // window is parsed), then taken in collection order: what is reported,
    // held and let go is the same whatever the threads did.
    const std::size_t editions = c.editions.size();
    const std::size_t window = 64;
    for (std::size_t first = 0; first < c.article_ids.size(); first += window) {
        const std::size_t last = std::min(first + window, c.article_ids.size());
        std::vector<LoadedArticle> loaded((last - first) * editions);
        // With the first window, the cover and the logo.
        const std::size_t named = first == 0 ? named_images_.size() : 0;
        run_parallel(named + loaded.size(), options.threads, [&](std::size_t t) {
            if (t < named) return load_named_image(t);
            t -= named;
            const std::size_t i = first + t / editions;
            load_article(c.article_ids[i], c.editions[t % editions].lang, articles->items[i].span,
                         loaded[t]);
        });
        if (first == 0) finish_named_images(c);
        for (std::size_t i = first; i < last; ++i) {
            const std::string& id = c.article_ids[i];
            const SourceSpan& listed_at = articles->items[i].span;
            std::vector<std::string> missing_in;
            for (std::size_t k = 0; k < editions; ++k) {
                Edition& e = c.editions[k];
                LoadedArticle& one = loaded[(i - first) * editions + k];
                for (const Diagnostic& d : one.sink.diagnostics()) sink_.report(d);
                if (one.missing) missing_in.push_back(e.lang);
                if (!one.text) continue;
                if (one.article) {
                    hold_or_let_go(one, *readers[k]);
                    e.articles.push_back(std::move(*one.article));
                }
                if (one.sink.has_errors()) {
                    article_errors += one.sink.error_count();
                    c.broken_articles.push_back(
                        {id, e.lang, display("articles/" + id + "." + e.lang + ".md")});
                }
            }
            if (!missing_in.empty() && missing_in.size() == c.editions.size() &&
                c.editions.size() == languages_.size()) {
                std::string msg = "no file for article '" + id + "': expected " +
                                  display("articles/" + id + ".LANG.md") +
                                  " for at least one of " + join(languages_);
                if (auto near = closest_match(id, article_files_on_disk()))
                    msg += "; did you mean '" + *near + "'?";
                sink_.error(listed_at, "missing-article", msg);
            } else {
                for (const auto& lang : missing_in)
                    sink_.warning(listed_at, "missing-translation",
                                  "article '" + id + "' has no " + lang + " version (" +
                                      display("articles/" + id + "." + lang + ".md") + "); the " +
                                      lang + " edition goes on without it");
            }
        }
    }
    // An edition left empty because its articles had errors needs no
    // message of its own; one whose articles are all missing does.
    for (const auto& e : c.editions)
        if (e.articles.empty() && sink_.error_count() == errors_before_articles)
            sink_.error(SourceSpan::whole(yaml_file_), "empty-edition",
                        "the " + e.lang + " edition has no articles");
    const std::size_t collection_errors = sink_.error_count() - errors_before - article_errors;
    if (collection_errors > 0 || (article_errors > 0 && !options.keep_going)) return std::nullopt;
    // Only a collection without errors, or one built to keep going (whose
    // outputs with a broken article fail anyway): an article left out for
    // its errors makes every link to it look like a missing translation.
    check_all_links(c, readers, options.threads);
    return c;
}

// Every link of every article, checked against the sections of the others
// (check_links): in the bodies held, and in those let go from the links
// they were remembered with.
// The articles are checked on `threads` threads (each writes only its own
// body; the others' ids and sections are only read), their messages
// reported in collection order.
void CollectionReader::check_all_links(Collection& c,
                                       std::vector<std::shared_ptr<BodyReader>>& readers,
                                       int threads) {
    for (std::size_t k = 0; k < c.editions.size(); ++k) {
        Edition& e = c.editions[k];
        BodyReader& reader = *readers[k];
        const EditionLinks& links = reader.link(e);
        std::vector<DiagnosticSink> found(e.articles.size());
        run_parallel(e.articles.size(), threads, [&](std::size_t i) {
            Article& article = e.articles[i];
            if (article.body) {
                article.body = links.check(article, article.body, found[i]);
            } else {
                reader.report_links(article, found[i]);
            }
        });
        reader.forget_links();
        for (const DiagnosticSink& one : found)
            for (const Diagnostic& d : one.diagnostics()) sink_.report(d);
        if (reader.empty()) continue;
        reader.keep_alive(own_images_);
        e.reader = readers[k];
    }
}

}  // namespace

fs::path article_file(const Collection& collection, const Article& article) {
    return collection.root / ArticleFiles::relative(article.id, article.lang);
}

std::optional<Collection> load_collection(const fs::path& dir, const CollectionOptions& options,
                                          SourceFiles& sources, DiagnosticSink& sink) {
    std::string shown = dir.lexically_normal().generic_string();
    while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
    if (shown == ".") shown.clear();
    // A store of the load's own lives as long as the bodies it may read again.
    std::shared_ptr<ImageStore> own_images;
    if (options.images == nullptr) own_images = std::make_shared<ImageStore>();
    CollectionReader reader(dir, shown, options.images != nullptr ? *options.images : *own_images,
                            sources, sink);
    reader.keep_alive(own_images);
    return reader.read(options);
}

}  // namespace pamphlet
