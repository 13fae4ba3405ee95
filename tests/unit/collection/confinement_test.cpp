// Confinement: every file a collection names lies in its folder, symbolic
// links followed; what lies outside is refused at the line that names it and
// never read, so its content cannot reach a book or a message. And the
// collection's own text files are read only up to pamphlet's size limit.
#include "pamphlet/base/confine.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/collection.hpp"

#include "profile/temp_folder.hpp"

#include "pamphlet/image.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace pamphlet;
namespace fs = std::filesystem;

namespace {

// A secret beside the collection: the content that must never show up.
constexpr std::string_view secret = "SECRET: the clinic's door code is 4711\n";

std::string article(std::string_view front_matter_extra, std::string_view body) {
    return "---\ntitle: A\n" + std::string(front_matter_extra) + "---\n\n" + std::string(body);
}

// A folder holding the collection "c" and, beside it, "secret.jpg" (the file
// a hostile article reaches for) and "outside.md".
struct Scratch {
    test::TempFolder root;
    SourceFiles sources;
    DiagnosticSink sink;

    Scratch() {
        root.write("secret.jpg", secret);
        root.write("outside.md", secret);
        // A real picture: the loader judges every image it is shown.
        std::ifstream photo(fs::path(PAMPHLET_TEST_DIR) / "unit/image/data/photo.jpg",
                            std::ios::binary);
        root.write("c/images/photo.jpg", std::string(std::istreambuf_iterator<char>(photo), {}));
    }
    fs::path dir() const { return root.path() / "c"; }

    void collection(std::string_view extra = "", std::string_view articles = "[a]") const {
        root.write("c/collection.yaml",
                   "id: c\ntitle: C\nlanguages: [de]\npublisher:\n  name: P\n" +
                       std::string(extra) + "articles: " + std::string(articles) + "\n");
    }
    // Kept going past the articles' errors, so that the article can be looked at.
    std::optional<Collection> load() {
        CollectionOptions options;
        options.keep_going = true;
        return load_collection(dir(), options, sources, sink);
    }
    std::string messages() const { return format_diagnostics(sink, &sources); }

    // The only diagnostic; fails the test when there are none or several.
    const Diagnostic& only() const {
        INFO(messages());
        REQUIRE(sink.diagnostics().size() == 1);
        return sink.diagnostics().front();
    }
    // Nothing outside was read: neither kept for messages nor quoted.
    void check_secret_kept() const {
        CHECK(messages().find("4711") == std::string::npos);
        CHECK(sources.text((root.path() / "secret.jpg").generic_string()) == nullptr);
        CHECK(sources.text((root.path() / "outside.md").generic_string()) == nullptr);
    }
};

void check_at(const Diagnostic& d, std::string_view code, int line, int column) {
    CHECK(d.severity == Severity::error);
    CHECK(d.code == code);
    CHECK(d.span.begin.line == line);
    CHECK(d.span.begin.column == column);
}

const Inline* first_image(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
        for (const Inline& item : block.inlines)
            if (item.kind == InlineKind::image) return &item;
        if (const Inline* inner = first_image(block.children)) return inner;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("Confinement: symbolic links followed, nothing read") {
    test::TempFolder root;
    root.write("inside/file.txt", "x");
    root.write("elsewhere/file.txt", "x");
    const fs::path inside = root.path() / "inside";
    fs::create_symlink(inside / "file.txt", inside / "alias.txt");
    fs::create_symlink(root.path() / "elsewhere" / "file.txt", inside / "escape.txt");
    fs::create_symlink(root.path() / "elsewhere", inside / "door");
    const Confinement c({inside});
    using Place = Confinement::Place;

    CHECK(c.place(inside / "file.txt") == Place::inside);
    CHECK(c.place(inside / "sub/../file.txt") == Place::inside);
    CHECK(c.place(inside / "not-there.txt") == Place::inside);  // missing, but inside
    CHECK(c.place(inside) == Place::inside);
    CHECK(c.place(inside / "alias.txt") == Place::inside);
    CHECK(c.place(inside / ".." / "elsewhere" / "file.txt") == Place::outside);
    CHECK(c.place(inside / ".." / "nothing-here.txt") == Place::outside);
    CHECK(c.place("/etc/passwd") == Place::outside);
    CHECK(c.place(root.path() / "inside-not") == Place::outside);  // a prefix is not a folder
    CHECK(c.place(inside / "escape.txt") == Place::link_outside);
    CHECK(c.place(inside / "door" / "file.txt") == Place::link_outside);
    CHECK(c.place(inside / "door" / ".." / "inside" / "file.txt") == Place::inside);
    CHECK(c.admits(inside / "alias.txt"));
    CHECK_FALSE(c.admits(inside / "escape.txt"));
    CHECK_FALSE(Confinement().admits(inside / "file.txt"));  // no folder admits nothing

    SUBCASE("a folder reached through a symbolic link keeps its own files") {
        fs::create_symlink(inside, root.path() / "shortcut");
        const Confinement linked({root.path() / "shortcut"});
        CHECK(linked.place(root.path() / "shortcut" / "file.txt") == Place::inside);
        CHECK(linked.place(inside / "file.txt") == Place::inside);
        CHECK(linked.place(root.path() / "shortcut" / ".." / "elsewhere") == Place::outside);
    }
}

TEST_CASE("Confinement: a folder resolved once still judges each of its files") {
    test::TempFolder root;
    root.write("inside/a.txt", "x");
    root.write("elsewhere/file.txt", "x");
    const fs::path inside = root.path() / "inside";
    fs::create_symlink(root.path() / "elsewhere" / "file.txt", inside / "escape.txt");
    fs::create_symlink(root.path() / "elsewhere", inside / "door");
    fs::create_symlink(inside / "a.txt", inside / "alias.txt");
    using Place = Confinement::Place;
    const std::vector<std::pair<fs::path, Place>> expected = {
        {inside / "a.txt", Place::inside},
        {inside / "escape.txt", Place::link_outside},  // a link in a folder already resolved
        {inside / "alias.txt", Place::inside},
        {inside / "missing.txt", Place::inside},
        {inside / "door" / "file.txt", Place::link_outside},
        {inside / "door" / "missing.txt", Place::link_outside},  // its folder leads out
        {inside / "missing" / "deeper.txt", Place::inside},
        {inside / "a.txt" / "not-a-folder.txt", Place::inside},
    };
    // One confinement asked in order (its folders remembered), and a fresh
    // one for each path, agree.
    const Confinement shared({inside});
    for (int round = 0; round < 2; ++round) {
        for (const auto& [path, place] : expected) {
            CAPTURE(path);
            CHECK(shared.place(path) == place);
            CHECK(Confinement({inside}).place(path) == place);
        }
    }
}

TEST_CASE("an image outside the collection is refused at its line and not read") {
    Scratch s;
    s.collection();
    SUBCASE("written as a path out of the folder") {
        s.root.write("c/articles/a.de.md", article("", "Text\n\n![Door](../../secret.jpg)\n"));
        auto c = s.load();
        const Diagnostic& d = s.only();
        check_at(d, "outside-collection", 7, 1);
        CHECK(d.message ==
              "image '../../secret.jpg' is outside the collection folder; only files inside the "
              "collection are published");
        REQUIRE(c);  // an article's error, which a batch keeps going past
        CHECK(c->broken_articles.size() == 1);
    }
    SUBCASE("an absolute path, even to a file that does not exist") {
        s.root.write("c/articles/a.de.md", article("", "![Door](/etc/no-such-picture.jpg)\n"));
        s.load();
        const Diagnostic& d = s.only();
        check_at(d, "outside-collection", 5, 1);
        CHECK(d.message ==
              "image '/etc/no-such-picture.jpg' is outside the collection folder; only files "
              "inside the collection are published");
    }
    SUBCASE("a symbolic link inside that leads out") {
        fs::create_symlink(s.root.path() / "secret.jpg", s.dir() / "images" / "door.jpg");
        s.root.write("c/articles/a.de.md", article("", "![Door](../images/door.jpg)\n"));
        s.load();
        const Diagnostic& d = s.only();
        check_at(d, "outside-collection", 5, 1);
        CHECK(d.message ==
              "image '../images/door.jpg' leads outside the collection folder through a symbolic "
              "link; only files inside the collection are published");
    }
    SUBCASE("raw HTML takes the same way") {
        s.root.write("c/articles/a.de.md",
                     article("", "<img src=\"../../secret.jpg\" alt=\"x\">\n"));
        s.load();
        check_at(s.only(), "outside-collection", 5, 1);
    }
    SUBCASE("the lead image of the front matter") {
        s.root.write("c/articles/a.de.md",
                     article("image: ../../secret.jpg\nimage_alt: Door\n", "Text\n"));
        auto c = s.load();
        const Diagnostic& d = s.only();
        check_at(d, "outside-collection", 3, 8);
        CHECK(d.message.starts_with("image '../../secret.jpg' is outside the collection folder"));
        REQUIRE(c);
        const Article& a = c->editions.at(0).articles.at(0);
        REQUIRE(a.image);
        CHECK_FALSE(a.image->source.asset);  // nothing downstream can open it
    }
    s.check_secret_kept();
}

TEST_CASE("images inside the collection, also through symbolic links, are kept") {
    Scratch s;
    s.collection();
    fs::create_symlink("photo.jpg", s.dir() / "images" / "alias.jpg");
    fs::create_symlink(s.dir() / "images", s.dir() / "pictures");
    s.root.write("c/articles/a.de.md", article("image: ../images/alias.jpg\nimage_alt: Photo\n",
                                               "![Photo](../pictures/photo.jpg)\n"));
    auto c = s.load();
    INFO(s.messages());
    REQUIRE(c);
    CHECK(s.sink.diagnostics().empty());
    const Article& a = c->editions.at(0).articles.at(0);
    REQUIRE(a.image);
    CHECK(a.image->source.asset);
    const Inline* image = first_image(*a.body);
    REQUIRE(image);
    CHECK(image->image().asset);
    CHECK(fs::equivalent(image->image().asset->file(), s.dir() / "images" / "photo.jpg"));
}

TEST_CASE("a link to a file outside stays text: links never open local files") {
    Scratch s;
    s.collection();
    s.root.write("c/articles/a.de.md", article("", "[plan](../../secret.jpg)\n"));
    auto c = s.load();
    const Diagnostic& d = s.only();
    CHECK(d.severity == Severity::warning);
    CHECK(d.code == "local-link");
    REQUIRE(c);
    s.check_secret_kept();
}

TEST_CASE("cover and logo outside the collection are refused at their keys") {
    Scratch s;
    fs::create_symlink(s.root.path() / "secret.jpg", s.dir() / "images" / "logo.jpg");
    s.root.write("c/articles/a.de.md", article("", "Text\n"));
    SUBCASE("../ and a symbolic link") {
        s.root.write("c/collection.yaml",
                     "id: c\ntitle: C\nlanguages: [de]\npublisher:\n  name: P\n"
                     "  logo: images/logo.jpg\ncover: ../secret.jpg\narticles: [a]\n");
        CHECK_FALSE(s.load());
        INFO(s.messages());
        REQUIRE(s.sink.diagnostics().size() == 2);
        const Diagnostic& logo = s.sink.diagnostics()[0];
        check_at(logo, "outside-collection", 6, 9);
        CHECK(logo.message ==
              "logo 'images/logo.jpg' leads outside the collection folder through a symbolic "
              "link; only files inside the collection are published");
        const Diagnostic& cover = s.sink.diagnostics()[1];
        check_at(cover, "outside-collection", 7, 8);
        CHECK(cover.message ==
              "cover '../secret.jpg' is outside the collection folder; only files inside the "
              "collection are published");
    }
    SUBCASE("an absolute path") {
        s.collection("cover: " + (s.root.path() / "secret.jpg").string() + "\n");
        CHECK_FALSE(s.load());
        check_at(s.only(), "outside-collection", 6, 8);
    }
    s.check_secret_kept();
}

TEST_CASE("an article file that leads outside is not read, and says so at its id") {
    Scratch s;
    s.collection("", "\n  - a\n  - b\n");
    s.root.write("c/articles/a.de.md", article("", "Text\n"));
    fs::create_directories(s.dir() / "articles");
    fs::create_symlink(s.root.path() / "outside.md", s.dir() / "articles" / "b.de.md");
    CollectionOptions keep_going;
    keep_going.keep_going = true;
    // Not an article's error to keep going without: the collection fails.
    CHECK_FALSE(load_collection(s.dir(), keep_going, s.sources, s.sink));
    const Diagnostic& d = s.only();
    check_at(d, "outside-collection", 8, 5);
    CHECK(d.message == "article 'b': " + (s.dir() / "articles/b.de.md").generic_string() +
                           " leads outside the collection folder through a symbolic link; it is "
                           "not read");
    s.check_secret_kept();
    CHECK(s.sources.text((s.dir() / "articles/b.de.md").generic_string()) == nullptr);
}

TEST_CASE("collection.yaml that leads outside is not read") {
    Scratch s;
    s.root.write("elsewhere.yaml", "id: [not: closed\n4711\n");
    fs::create_directories(s.dir());
    fs::create_symlink(s.root.path() / "elsewhere.yaml", s.dir() / "collection.yaml");
    CHECK_FALSE(s.load());
    const Diagnostic& d = s.only();
    CHECK(d.code == "outside-collection");
    CHECK(d.span.file == (s.dir() / "collection.yaml").generic_string());
    CHECK(s.messages().find("4711") == std::string::npos);
    CHECK(s.sources.text((s.dir() / "collection.yaml").generic_string()) == nullptr);
}

TEST_CASE("an article that is a folder says so") {
    Scratch s;
    s.collection("", "\n  - a\n  - b\n");
    s.root.write("c/articles/a.de.md", article("", "Text\n"));
    fs::create_directories(s.dir() / "articles" / "b.de.md");
    CHECK_FALSE(s.load());
    const Diagnostic& d = s.only();
    check_at(d, "not-a-file", 8, 5);
    CHECK(d.message == "article 'b': " + (s.dir() / "articles/b.de.md").generic_string() +
                           " is a folder, not a file");
}

TEST_CASE("text files over the size limit are measured, not read") {
    Scratch s;
    const std::uintmax_t too_large = limits::text_file_bytes + 1;
    SUBCASE("an article") {
        s.collection("", "\n  - a\n  - big\n");
        s.root.write("c/articles/a.de.md", article("", "Text\n"));
        const fs::path big = s.root.write("c/articles/big.de.md", "---\n");
        fs::resize_file(big, too_large);  // sparse: costs no disk
        CHECK_FALSE(s.load());
        const Diagnostic& d = s.only();
        check_at(d, "file-too-large", 8, 5);
        CHECK(d.message == "article 'big': " + big.generic_string() +
                               " is larger than pamphlet's limit of 8 MiB (8.0 MiB); it is not "
                               "read");
        CHECK(s.sources.text(big.generic_string()) == nullptr);
    }
    SUBCASE("an article exactly at the limit is read") {
        s.collection();
        const fs::path at_limit = s.root.write("c/articles/a.de.md", article("", "Text\n"));
        fs::resize_file(at_limit, limits::text_file_bytes);  // NUL bytes after the text
        s.load();
        for (const Diagnostic& d : s.sink.diagnostics()) CHECK(d.code != "file-too-large");
        CHECK(s.sources.text(at_limit.generic_string()) != nullptr);
    }
    SUBCASE("collection.yaml") {
        s.collection();
        fs::resize_file(s.dir() / "collection.yaml", too_large);
        CHECK_FALSE(s.load());
        const Diagnostic& d = s.only();
        CHECK(d.code == "file-too-large");
        CHECK(d.span.file == (s.dir() / "collection.yaml").generic_string());
        CHECK(d.message ==
              "collection.yaml is larger than pamphlet's limit of 8 MiB (8.0 MiB); it is not read");
    }
}
