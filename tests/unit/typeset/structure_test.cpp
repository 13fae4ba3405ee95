// The structure tree the typesetter builds for tagged PDF: what every
// painted item belongs to, on the sample brochure in a4-handout.
#include "pamphlet/collection.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/typeset.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

using namespace pamphlet;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = PAMPHLET_SOURCE_DIR;

// The a4-handout profile and the sample collection.
struct Loaded {
    Profile profile;
    Collection collection;
};

Loaded load_sample() {
    SourceFiles sources;
    DiagnosticSink sink;
    ProfilePaths paths{{source_dir / "layouts"}, {source_dir / "fonts"}};
    std::optional<Profile> profile = load_profile("a4-handout", paths, sources, sink);
    REQUIRE_MESSAGE(profile, format_diagnostics(sink));
    std::optional<Collection> collection =
        load_collection(source_dir / "samples/clinic", {}, sources, sink);
    REQUIRE_MESSAGE(collection, format_diagnostics(sink));
    return {std::move(*profile), std::move(*collection)};
}

struct Sample {
    Profile profile;
    Collection collection;
    std::size_t edition = 0;   // the English one
    LaidOutDocument document;  // of that edition
};

Sample typeset_sample() {
    Sample sample;
    DiagnosticSink sink;
    Loaded loaded = load_sample();
    sample.profile = std::move(loaded.profile);
    sample.collection = std::move(loaded.collection);
    const Edition* english = nullptr;
    for (std::size_t e = 0; e < sample.collection.editions.size(); ++e) {
        if (sample.collection.editions[e].lang != "en") continue;
        english = &sample.collection.editions[e];
        sample.edition = e;
    }
    REQUIRE(english);
    auto document = typeset_edition(sample.collection, *english, sample.profile,
                                    TypesetOptions{0, "pamphlet test"}, sink);
    REQUIRE_MESSAGE(document, format_diagnostics(sink));
    sample.document = std::move(*document);
    return sample;
}

StructRole role_of(const StructureTree& tree, StructRef node) {
    return tree.nodes[static_cast<std::size_t>(node)].role;
}

// Elements that nothing painted belongs to, in them or below them (table
// cells may be empty: a reader counts them).
std::vector<std::string> empty_elements(const LaidOutDocument& document) {
    const StructureTree& tree = document.structure;
    std::vector<bool> filled(tree.nodes.size(), false);
    auto fill = [&](StructRef node) {
        for (; node != artifact; node = tree.nodes[static_cast<std::size_t>(node)].parent)
            filled[static_cast<std::size_t>(node)] = true;
    };
    for (const Page& page : document.pages)
        for (const PageItem& item : page.items)
            std::visit([&](const auto& it) { fill(it.node); }, item);
    std::vector<std::string> empty;
    for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
        const StructRole role = tree.nodes[n].role;
        if (filled[n] || role == StructRole::td || role == StructRole::th) continue;
        empty.push_back("element " + std::to_string(n) + " of role " +
                        std::to_string(static_cast<int>(role)) + " in element " +
                        std::to_string(tree.nodes[n].parent));
    }
    return empty;
}

}  // namespace

TEST_CASE("the sample brochure's structure tree") {
    const Sample sample = typeset_sample();
    const LaidOutDocument& document = sample.document;
    const StructureTree& tree = document.structure;
    REQUIRE(!tree.empty());
    CHECK(tree.nodes[0].role == StructRole::document);
    CHECK(tree.nodes[0].parent == artifact);
    CHECK(empty_elements(document) == std::vector<std::string>{});

    // Parents are made before their children; only the Document is a root.
    for (std::size_t n = 1; n < tree.nodes.size(); ++n) {
        const StructRef parent = tree.nodes[n].parent;
        REQUIRE(parent >= 0);
        CHECK(static_cast<std::size_t>(parent) < n);
    }

    // One Art per article, each with its title as an H1.
    std::vector<StructRef> articles;
    for (std::size_t n = 0; n < tree.nodes.size(); ++n)
        if (tree.nodes[n].role == StructRole::art) articles.push_back(static_cast<StructRef>(n));
    CHECK(articles.size() == 4);

    // What the painted items belong to, page by page.
    std::map<StructRef, std::string> text_of;
    std::map<StructRef, std::set<std::size_t>> pages_of;
    std::size_t figures = 0;
    bool qr_modules = false;
    const double bottom_margin = sample.profile.margin_bottom;
    const double top_margin = document.pages.front().height - sample.profile.margin_top;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        for (const PageItem& item : document.pages[p].items) {
            if (const auto* run = std::get_if<GlyphRun>(&item)) {
                // Running heads, footers and page numbers lie in the margins
                // above and below the text area: artifacts, all of them.
                if (run->y < bottom_margin || run->y > top_margin) {
                    CHECK_MESSAGE(run->node == artifact, run->text);
                    continue;
                }
                if (run->node == artifact) continue;
                REQUIRE(static_cast<std::size_t>(run->node) < tree.nodes.size());
                text_of[run->node] += run->text;
                pages_of[run->node].insert(p);
            } else if (const auto* image = std::get_if<PlacedImage>(&item)) {
                // The cover picture and the logo are decoration; the
                // articles' figures say what they show.
                if (image->node == artifact) continue;
                CHECK(role_of(tree, image->node) == StructRole::figure);
                CHECK(!tree.alt(image->node).empty());
                CHECK(tree.alt(image->node) == image->alt);
                ++figures;
            } else if (const auto* rect = std::get_if<FilledRect>(&item)) {
                // Rules, tints and bands are decoration; a QR code's modules
                // are its Figure.
                if (rect->node != artifact) {
                    CHECK(role_of(tree, rect->node) == StructRole::figure);
                    qr_modules = true;
                }
            } else if (const auto* link = std::get_if<LinkArea>(&item)) {
                // Every link annotation is in a Link element.
                CHECK(link->node != artifact);
                if (link->node != artifact) CHECK(role_of(tree, link->node) == StructRole::link);
            }
        }
    }
    CHECK(figures == 4);
    CHECK(qr_modules);  // on the back page

    std::vector<std::string> titles;
    bool split_paragraph = false;
    std::set<StructRole> roles;
    for (const auto& [node, text] : text_of) {
        const StructRole role = role_of(tree, node);
        roles.insert(role);
        if (role == StructRole::h1 && tree.nodes[static_cast<std::size_t>(node)].parent != 0)
            titles.push_back(text);
        if (role == StructRole::p && pages_of[node].size() > 1) split_paragraph = true;
    }
    for (const Article& article : sample.collection.editions[sample.edition].articles) {
        const bool found = std::find(titles.begin(), titles.end(), article.title) != titles.end() ||
                           std::any_of(titles.begin(), titles.end(), [&](const std::string& title) {
                               // Titles set on two lines lose the space between them.
                               std::string plain = article.title;
                               std::erase(plain, ' ');
                               std::string set = title;
                               std::erase(set, ' ');
                               return plain == set;
                           });
        CHECK_MESSAGE(found, article.title);
    }
    // A paragraph split across pages stays one P.
    CHECK(split_paragraph);
    for (StructRole role : {StructRole::p, StructRole::h2, StructRole::lbl, StructRole::caption,
                            StructRole::link, StructRole::td})
        CHECK_MESSAGE(roles.contains(role), static_cast<int>(role));
    // The contents' entries are links inside TOCIs of a TOC; the links in
    // the text are inside their paragraphs.
    std::set<StructRole> link_parents;
    for (const auto& [node, text] : text_of) {
        if (role_of(tree, node) != StructRole::link) continue;
        link_parents.insert(role_of(tree, tree.nodes[static_cast<std::size_t>(node)].parent));
        CHECK(!tree.alt(node).empty());
    }
    CHECK(link_parents.contains(StructRole::toci));
    CHECK(link_parents.contains(StructRole::p));
    // List markers are the Lbl of an LI in an L.
    for (const auto& [node, text] : text_of) {
        if (role_of(tree, node) != StructRole::lbl) continue;
        const StructRef item = tree.nodes[static_cast<std::size_t>(node)].parent;
        CHECK(role_of(tree, item) == StructRole::li);
        CHECK(role_of(tree, tree.nodes[static_cast<std::size_t>(item)].parent) == StructRole::l);
    }
}

TEST_CASE("a handout's structure: the article, the contact details, the QR code") {
    DiagnosticSink sink;
    const Loaded loaded = load_sample();
    Edition edition = loaded.collection.editions.back();
    std::erase_if(edition.articles, [](const Article& article) { return article.id != "fascia"; });
    REQUIRE(edition.articles.size() == 1);
    TypesetOptions options{0, "pamphlet test"};
    options.handout = true;
    auto document = typeset_edition(loaded.collection, edition, loaded.profile, options, sink);
    REQUIRE_MESSAGE(document, format_diagnostics(sink));
    CHECK(empty_elements(*document) == std::vector<std::string>{});
    const StructureTree& tree = document->structure;
    std::size_t arts = 0, figures_in_links = 0;
    for (const StructNode& node : tree.nodes) {
        if (node.role == StructRole::art) ++arts;
        if (node.role == StructRole::figure && role_of(tree, node.parent) == StructRole::link) {
            ++figures_in_links;
            CHECK(tree.alt(static_cast<StructRef>(&node - tree.nodes.data())).starts_with("QR: "));
        }
    }
    CHECK(arts == 1);
    CHECK(figures_in_links == 1);
}

TEST_CASE("an article in another language than its edition's says so on its Art") {
    DiagnosticSink sink;
    const Loaded loaded = load_sample();
    Edition edition = loaded.collection.editions.front();
    REQUIRE(edition.lang == "de");
    edition.articles.resize(2);
    edition.articles[1].lang = "en";  // a mixed collection's English article
    auto document = typeset_edition(loaded.collection, edition, loaded.profile,
                                    TypesetOptions{0, "pamphlet test"}, sink);
    REQUIRE_MESSAGE(document, format_diagnostics(sink));
    std::vector<std::string> langs;
    for (const StructNode& node : document->structure.nodes)
        if (node.role == StructRole::art)
            langs.push_back(document->structure.lang(
                static_cast<StructRef>(&node - document->structure.nodes.data())));
    // The document says "de" (DocumentInfo::lang); only the English Art says more.
    CHECK(document->info.lang == "de");
    CHECK(langs == std::vector<std::string>{"", "en"});
}

TEST_CASE("pdfua: false, or an imposed booklet: no structure tree, every item an artifact") {
    const Loaded loaded = load_sample();
    const Edition& edition = loaded.collection.editions.front();
    auto typeset = [&](const Profile& profile, bool impose) {
        DiagnosticSink sink;
        TypesetOptions options{0, "pamphlet test"};
        options.impose = impose;
        auto document = typeset_edition(loaded.collection, edition, profile, options, sink);
        REQUIRE_MESSAGE(document, format_diagnostics(sink));
        return std::move(*document);
    };
    auto untagged = [](const LaidOutDocument& document) {
        if (!document.structure.empty()) return false;
        for (const Page& page : document.pages)
            for (const PageItem& item : page.items)
                if (std::visit([](const auto& it) { return it.node != artifact; }, item))
                    return false;
        return true;
    };
    CHECK(loaded.profile.pdfua);  // the default
    CHECK_FALSE(untagged(typeset(loaded.profile, true)));

    Profile plain = loaded.profile;
    plain.pdfua = false;
    CHECK(untagged(typeset(plain, true)));

    Profile booklet = loaded.profile;
    booklet.imposition = Imposition::booklet;
    const LaidOutDocument imposed = typeset(booklet, true);
    CHECK(imposed.print.impose_booklet);
    CHECK(untagged(imposed));
    // pamphlet build --no-impose: the pages in reading order, tagged.
    const LaidOutDocument reading = typeset(booklet, false);
    CHECK_FALSE(reading.print.impose_booklet);
    CHECK_FALSE(untagged(reading));
    CHECK(empty_elements(reading) == std::vector<std::string>{});
}

TEST_CASE("a figure without alt text is an error where the PDF is tagged, at the image") {
    Loaded loaded = load_sample();
    Edition edition = loaded.collection.editions.front();
    edition.articles.resize(1);
    // Its front matter's image shown above its text (the sample's body
    // shows it as a figure, with alt text), without its image_alt.
    Article& article = edition.articles.front();
    REQUIRE(article.image);
    article.lead_image_in_body = false;
    REQUIRE(article.shows_lead_image());
    article.image->alt.clear();
    auto diagnostics = [&](bool pdfua) {
        Profile profile = loaded.profile;
        profile.pdfua = pdfua;
        DiagnosticSink sink;
        typeset_edition(loaded.collection, edition, profile, TypesetOptions{0, "pamphlet test"},
                        sink);
        std::vector<Diagnostic> found;
        for (const Diagnostic& d : sink.diagnostics())
            if (d.code == "image-without-alt") found.push_back(d);
        return found;
    };
    const std::vector<Diagnostic> tagged = diagnostics(true);
    REQUIRE(tagged.size() == 1);
    CHECK(tagged[0].severity == Severity::error);
    CHECK(tagged[0].span.begin.line == article.image->span.begin.line);
    CHECK(tagged[0].span.file == article.image->span.file);
    CHECK(tagged[0].message.find("pdfua: true") != std::string::npos);
    // Untagged, the Markdown's warning (missing-alt) is all there is.
    CHECK(diagnostics(false).empty());
}
