#include "pamphlet/model.hpp"

#include "pamphlet/image.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;

namespace {

Inline text(std::string s) {
    Inline i;
    i.text = std::move(s);
    return i;
}
Inline wrap(InlineKind kind, std::vector<Inline> children) {
    Inline i;
    i.kind = kind;
    i.children = std::move(children);
    return i;
}

}  // namespace

TEST_CASE("a link's destination, an image's source and a title are held apart, made when set") {
    Inline plain = text("Dehnen");
    CHECK_FALSE(plain.has_extras());
    CHECK(plain.title().empty());
    CHECK(plain.target().url.empty());
    CHECK(plain.image().asset == nullptr);
    CHECK_FALSE(plain.has_extras());  // reading makes nothing
    CHECK(plain.extras_bytes() == 0);

    Inline link = wrap(InlineKind::link, {text("Faszien")});
    link.mutable_target().kind = Target::Kind::article;
    link.mutable_target().article_id = "fascia";
    link.mutable_title() = "Mehr über Faszien und das Bindegewebe des ganzen Körpers";
    CHECK(link.has_extras());
    CHECK(link.extras_bytes() > link.title().size());

    // Copies are deep; moves take the parts along.
    Inline copy = link;
    copy.mutable_target().article_id = "stretching";
    CHECK(link.target().article_id == "fascia");
    CHECK(copy.title() == link.title());
    CHECK(copy.children.size() == 1);
    copy = plain;
    CHECK_FALSE(copy.has_extras());
    CHECK(copy.text == "Dehnen");
    Inline moved = std::move(link);
    CHECK(moved.target().article_id == "fascia");

    // What a body costs counts them.
    Block paragraph;
    paragraph.inlines = {plain};
    const std::size_t without = model_bytes({paragraph});
    paragraph.inlines = {moved};
    CHECK(model_bytes({paragraph}) >= without + moved.extras_bytes());
}

TEST_CASE("plain text drops markup, keeps what a reader sees") {
    Inline br;
    br.kind = InlineKind::soft_break;
    Inline img;
    img.kind = InlineKind::image;
    img.text = "Faszien";
    std::vector<Inline> inlines = {
        text("Was "), wrap(InlineKind::emphasis, {text("sind")}),
        br,           wrap(InlineKind::link, {wrap(InlineKind::strong, {text("Faszien")})}),
        text("? "),   img};
    CHECK(plain_text(inlines) == "Was sind Faszien? Faszien");
    CHECK(plain_text({}) == "");
}

TEST_CASE("localized text falls back to the plain form, then to a language given") {
    LocalizedText t;
    CHECK(t.empty());
    t.any = "Moving Well";
    CHECK(t.get("de") == "Moving Well");
    t.by_lang["de"] = "Gesund in Bewegung";
    CHECK(t.get("de") == "Gesund in Bewegung");
    CHECK(t.get("en") == "Moving Well");
    LocalizedText only_map;
    only_map.by_lang = {{"en", "Moving Well"}, {"de", "Gesund"}};
    CHECK(only_map.get("fr") == "Gesund");
}

TEST_CASE("the lead image is shown unless the body shows the same picture") {
    Article a;
    CHECK_FALSE(a.shows_lead_image());
    a.image = ArticleImage{};
    CHECK_FALSE(a.shows_lead_image());  // no file: the loader said so
    a.image->source.asset = load_image("/c/images/fascia.png");
    CHECK(a.shows_lead_image());
    Block figure;
    figure.kind = BlockKind::figure;
    Inline img;
    img.kind = InlineKind::image;
    img.mutable_image().asset = load_image("/c/images/other.png");
    figure.inlines = {img};
    note_body(a, {figure});  // as parse_article does
    CHECK(a.shows_lead_image());
    // The same file: the same asset (a build's image store loads it once).
    figure.inlines[0].mutable_image().asset = a.image->source.asset;
    note_body(a, {figure});
    CHECK_FALSE(a.shows_lead_image());
}
