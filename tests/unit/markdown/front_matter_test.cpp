// The front matter: where it must be, which keys it takes, and every problem
// reported with its place.
#include "front_matter.hpp"
#include "model_sexpr.hpp"

#include "pamphlet/image.hpp"

#include <doctest/doctest.h>

using pamphlet::test::codes;
using pamphlet::test::parse;

TEST_CASE("a complete front matter") {
    auto p = parse(
        "---\n"
        "title: 'Faszien -- was sie \"wirklich\" können'\n"
        "summary: Ein Überblick...\n"
        "author: Dr. Meier\n"
        "date: 2024-02-29\n"
        "image: images/knee.png\n"
        "image_alt: Ein \"Knie\"\n"
        "tags: [Faszien, Rücken]\n"
        "url: https://example.org/faszien\n"
        "---\n"
        "Text\n");
    REQUIRE(p.article);
    CHECK(codes(p.sink) == "");
    const auto& a = *p.article;
    CHECK(a.id == "a");
    CHECK(a.lang == "de");
    CHECK(a.title == "Faszien – was sie „wirklich“ können");
    CHECK(a.summary == "Ein Überblick…");
    CHECK(a.author == "Dr. Meier");
    CHECK(a.date == "2024-02-29");
    CHECK(a.tags == std::vector<std::string>{"Faszien", "Rücken"});
    CHECK(a.url == "https://example.org/faszien");
    REQUIRE(a.image);
    REQUIRE(a.image->source.asset);
    CHECK(a.image->source.asset->usable());
    CHECK(a.image->source.asset->file().is_absolute());
    CHECK(a.image->source.asset->file() ==
          std::filesystem::path(pamphlet::test::data_dir()) / "images" / "knee.png");
    CHECK(a.image->alt == "Ein „Knie“");
    CHECK(a.image->span.begin == pamphlet::SourcePos{6, 8});
    CHECK(pamphlet::test::sexpr(*a.body) == R"((p "Text"))");
}

TEST_CASE("front matter fences") {
    CHECK(parse("---\r\ntitle: T\r\n...\r\nText").article);
    CHECK(parse("\xEF\xBB\xBF---\ntitle: T\n---").article);
    CHECK(parse("---  \ntitle: T\n---  \n").article);

    auto missing = parse("# Titel\n\nText");
    CHECK_FALSE(missing.article);
    CHECK(codes(missing.sink) == "error missing-front-matter 1:1");
    CHECK(missing.sink.diagnostics()[0].message.find("'title") != std::string::npos);

    auto empty_file = parse("");
    CHECK_FALSE(empty_file.article);
    CHECK(codes(empty_file.sink) == "error missing-front-matter 1:1");

    auto unclosed = parse("---\ntitle: T\n\nText\n");
    CHECK_FALSE(unclosed.article);
    CHECK(codes(unclosed.sink) == "error unclosed-front-matter 1:1");
}

TEST_CASE("front matter problems are all reported, with their places") {
    auto p = parse(
        "---\n"
        "titel: T\n"
        "date: 2024-02-30\n"
        "tags: {a: b}\n"
        "url: www.example.org\n"
        "summary: [a, b]\n"
        "---\n"
        "Text\n");
    CHECK_FALSE(p.article);
    CHECK(codes(p.sink) ==
          "error unknown-key 2:1\n"
          "error missing-title 2:1\n"
          "error wrong-type 6:10\n"
          "error invalid-date 3:7\n"
          "error wrong-type 4:7\n"
          "error invalid-url 5:6");
    CHECK(p.sink.diagnostics()[0].message ==
          "unknown key 'titel' in front matter; did you mean 'title'?");
}

TEST_CASE("front matter types and shapes") {
    auto single_tag = parse("---\ntitle: T\ntags: Rücken\n---\n");
    REQUIRE(single_tag.article);
    CHECK(single_tag.article->tags == std::vector<std::string>{"Rücken"});

    auto not_a_map = parse("---\n- a\n- b\n---\n");
    CHECK_FALSE(not_a_map.article);
    CHECK(codes(not_a_map.sink) == "error front-matter-not-map 2:1");

    auto nothing = parse("---\n---\nText");
    CHECK_FALSE(nothing.article);
    CHECK(codes(nothing.sink) == "error front-matter-not-map 2:1");

    auto bad_yaml = parse("---\ntitle: [unclosed\n---\n");
    CHECK_FALSE(bad_yaml.article);
    CHECK(codes(bad_yaml.sink).starts_with("error yaml-syntax "));

    auto empty_title = parse("---\ntitle: ''\n---\n");
    CHECK_FALSE(empty_title.article);
    CHECK(codes(empty_title.sink) == "error empty-title 2:8");
}

TEST_CASE("front matter image") {
    auto no_alt = parse("---\ntitle: T\nimage: images/knee.png\n---\n");
    REQUIRE(no_alt.article);
    CHECK(codes(no_alt.sink) == "warning missing-alt 3:8");

    // An error, but the article is still returned: a build that keeps going
    // fails only the outputs that hold it, and links to it stay links.
    auto missing = parse("---\ntitle: T\nimage: images/nope.png\nimage_alt: x\n---\n");
    REQUIRE(missing.article);
    CHECK_FALSE(missing.article->image->source.asset);
    CHECK(codes(missing.sink) == "error missing-file 3:8");

    auto remote = parse("---\ntitle: T\nimage: https://example.org/a.png\nimage_alt: x\n---\n");
    REQUIRE(remote.article);
    CHECK_FALSE(remote.article->image);
    CHECK(codes(remote.sink) == "warning remote-image 3:8");
}

TEST_CASE("the body is checked even when the front matter is broken") {
    auto p = parse("---\ntitle: [a]\n---\n![x](images/nope.png)\n");
    CHECK_FALSE(p.article);
    CHECK(codes(p.sink) == "error wrong-type 2:8\nerror missing-file 4:1");
}

TEST_CASE("what the loader notes of the body: sections, images, a lead image shown twice") {
    const char* front = "---\ntitle: T\nimage: images/knee.png\nimage_alt: Knie\n---\n";
    auto other = parse(std::string(front) + "## Eins\n\nText\n");
    REQUIRE(other.article);
    CHECK(other.article->section_ids == std::set<std::string>{"eins"});
    CHECK_FALSE(other.article->lead_image_in_body);
    CHECK(other.article->shows_lead_image());

    auto twice = parse(std::string(front) + "![Knie](images/knee.png)\n");
    REQUIRE(twice.article);
    REQUIRE(twice.article->body_images.size() == 1);
    CHECK(twice.article->body_images[0].asset);
    CHECK(twice.article->lead_image_in_body);
    CHECK_FALSE(twice.article->shows_lead_image());
}
