// Assets loaded once: every image of a build is read and judged when the
// collection is loaded, and the books and brochures made from it take what
// they need from the loaded asset, never from the file again.
#include "scratch_files.hpp"

#include "pamphlet/collection.hpp"
#include "pamphlet/epub.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/pdf.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/typeset.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <set>

using namespace pamphlet;
using namespace pamphlet::testing;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = PAMPHLET_SOURCE_DIR;

// The distinct image files the collection names: the cover, the logo and
// every picture of its articles.
std::set<fs::path> image_files(const Collection& c) {
    std::set<fs::path> files;
    auto add = [&](const ImageSource& source) {
        if (source.asset) files.insert(fs::weakly_canonical(source.asset->file()));
    };
    if (c.cover) add(*c.cover);
    if (c.publisher.logo) add(*c.publisher.logo);
    for (const Edition& e : c.editions)
        for (const Article& a : e.articles) {
            if (a.image) add(a.image->source);
            for (const ImageSource& image : a.body_images) add(image);
        }
    return files;
}

}  // namespace

TEST_CASE("a build reads each image file once and decodes it at most twice") {
    SourceFiles sources;
    DiagnosticSink sink;
    ProfilePaths paths{{source_dir / "layouts"}, {source_dir / "fonts"}};
    std::vector<Profile> profiles;
    for (const char* name : {"a4-handout", "a5-booklet", "large-print"}) {
        std::optional<Profile> profile = load_profile(name, paths, sources, sink);
        REQUIRE_MESSAGE(profile, format_diagnostics(sink));
        profiles.push_back(std::move(*profile));
    }
    ImageStore store;
    CollectionOptions options;
    options.images = &store;
    std::optional<Collection> collection =
        load_collection(source_dir / "samples/clinic", options, sources, sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(sink));
    const std::size_t files = image_files(*collection).size();
    REQUIRE(files >= 6);  // cover, logo and the articles' pictures
    // Loading judged every one of them: one read, one decode each.
    CHECK(store.reads() == files);
    CHECK(store.decodes() == files);

    // Two books and six brochures.
    for (const Edition& edition : collection->editions) {
        CHECK(write_epub(*collection, edition, profiles.front(), EpubOptions{0, "test"}, sink));
        for (const Profile& profile : profiles) {
            std::optional<LaidOutDocument> document =
                typeset_edition(*collection, edition, profile, TypesetOptions{0, "test"}, sink);
            REQUIRE_MESSAGE(document, format_diagnostics(sink));
            CHECK(write_pdf(std::move(*document), sink));
        }
    }
    CHECK_MESSAGE(!sink.has_errors(), format_diagnostics(sink));
    // Not one file read again; the PDFs' pixels decoded once for all six.
    CHECK(store.reads() == files);
    CHECK(store.decodes() > files);
    CHECK(store.decodes() <= 2 * files);
}

TEST_CASE("an unusable image is said once, where it is named, whatever is made of it") {
    TempDir dir;
    fs::copy(source_dir / "samples/clinic", dir.path / "clinic", fs::copy_options::recursive);
    const fs::path cover = dir.path / "clinic/images/cover.png";
    fs::resize_file(cover, 100000);
    SourceFiles sources;
    DiagnosticSink sink;
    ProfilePaths paths{{source_dir / "layouts"}, {source_dir / "fonts"}};
    std::optional<Profile> profile = load_profile("a4-handout", paths, sources, sink);
    REQUIRE(profile);
    std::optional<Collection> collection = load_collection(dir.path / "clinic", {}, sources, sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(sink));
    auto said = [&] {
        std::vector<const Diagnostic*> found;
        for (const Diagnostic& d : sink.diagnostics())
            if (d.code == "image-unusable") found.push_back(&d);
        return found;
    };
    REQUIRE(said().size() == 1);
    CHECK(said().front()->span.file.str().ends_with("collection.yaml"));
    CHECK(said().front()->span.begin.line > 1);  // at the 'cover' key, not the whole file
    REQUIRE(collection->cover);
    CHECK_FALSE(collection->cover->asset->usable());

    for (const Edition& edition : collection->editions) {
        std::optional<std::string> book =
            write_epub(*collection, edition, *profile, EpubOptions{0, "test"}, sink);
        REQUIRE(book);
        // The damaged file is not packed; the drawn cover (the cover colour
        // where the picture would be) still shows the title on a shelf.
        CHECK(book->find("images/cover.png") == std::string::npos);
        CHECK(book->find("images/cover-title.png") != std::string::npos);
        std::optional<LaidOutDocument> document =
            typeset_edition(*collection, edition, *profile, TypesetOptions{0, "test"}, sink);
        REQUIRE(document);
        CHECK_FALSE(document->images.empty());
        for (const DocumentImage& image : document->images)
            CHECK(image.asset->name() != "cover.png");
        CHECK(write_pdf(std::move(*document), sink));
    }
    CHECK(said().size() == 1);
}
