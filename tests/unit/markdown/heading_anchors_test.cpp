// Links written for GitHub's rendering of the Markdown name headings by
// GitHub's anchors; the article keeps them as other names of its own ids.
#include "model_passes.hpp"
#include "model_sexpr.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using pamphlet::github_slug;
using pamphlet::test::parse;
using pamphlet::test::Parsed;

TEST_CASE("GitHub's anchor rule") {
    CHECK(github_slug("What's the plan, and why?") == "whats-the-plan-and-why");
    CHECK(github_slug("Übungen") == "übungen");
    CHECK(github_slug("ÜBUNGEN für zu Hause") == "übungen-für-zu-hause");
    CHECK(github_slug("snake_case and kebab-case") == "snake_case-and-kebab-case");
    CHECK(github_slug("a -- b") == "a----b");
    CHECK(github_slug("C++ & «Qt» 5.15") == "c--qt-515");
    CHECK(github_slug("Ελληνικά Кириллица ŁÓDŹ") == "ελληνικά-кириллица-łódź");
    CHECK(github_slug("日本語。テスト") == "日本語テスト");
    CHECK(github_slug("Emoji 🎉 party") == "emoji--party");
    CHECK(github_slug("!!!") == "");
}

TEST_CASE(
    "headings know GitHub's anchors, numbered when repeated, from the text before "
    "typography") {
    Parsed p = parse(
        "---\ntitle: T\n---\n## What's the plan, and why?\n## Übungen\n## Übungen\n"
        "## uebungen\n## A -- B\n");
    REQUIRE(p.article);
    const std::map<std::string, std::string> want{
        {"whats-the-plan-and-why", "what-s-the-plan-and-why"},
        {"übungen", "uebungen"},
        {"übungen-1", "uebungen-2"},
        {"a----b", "a-b"}};
    CHECK(p.article->heading_aliases == want);
}
