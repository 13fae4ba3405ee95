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
    img.image.asset = load_image("/c/images/other.png");
    figure.inlines = {img};
    note_body(a, {figure});  // as parse_article does
    CHECK(a.shows_lead_image());
    // The same file: the same asset (a build's image store loads it once).
    figure.inlines[0].image.asset = a.image->source.asset;
    note_body(a, {figure});
    CHECK_FALSE(a.shows_lead_image());
}
