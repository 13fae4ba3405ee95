// gumbo's browser-grade repair, seen through pamphlet's neutral tree.
#include "html.hpp"

#include <doctest/doctest.h>

#include <string>

using pamphlet::html::Node;
using pamphlet::html::parse_fragment;

namespace {

// (tag attr=value children...) and "text", for compact expectations.
std::string tree(const std::vector<Node>& nodes) {
    std::string out;
    for (const Node& node : nodes) {
        if (!out.empty()) out += ' ';
        if (node.kind == Node::Kind::text) {
            out += '"' + node.text + '"';
            continue;
        }
        out += "(" + node.tag;
        for (const auto& [name, value] : node.attributes) out += " " + name + "=" + value;
        if (!node.children.empty()) out += " " + tree(node.children);
        out += ")";
    }
    return out;
}

std::string parsed(std::string_view html) {
    return tree(parse_fragment(html).nodes);
}

}  // namespace

TEST_CASE("a fragment parses as the content of <body>") {
    CHECK(parsed("<p>a <b>b</b></p>") == R"((p "a " (b "b")))");
    CHECK(parsed("text") == R"("text")");
    CHECK(parsed("") == "");
    CHECK(parsed("<html><body><p>x</p></body></html>") == R"((p "x"))");
}

TEST_CASE("broken markup is repaired the way browsers do") {
    CHECK(parsed("a <b>bold") == R"("a " (b "bold"))");
    CHECK(parsed("<p>one<p>two") == R"((p "one") (p "two"))");
    CHECK(parsed("<b><i>x</b>y</i>") == R"((b (i "x")) (i "y"))");
    CHECK(parsed("x < y & z") == R"("x < y & z")");
    CHECK(parsed("</div>stray") == R"("stray")");
}

TEST_CASE("entities are decoded and comments vanish") {
    CHECK(parsed("a&nbsp;b&amp;c&shy;d&#x263A;&unknown;") ==
          "\"a\u00A0b&c\u00ADd\u263A&unknown;\"");
    CHECK(parsed("a<!-- hidden -->b<!-- -- -->c") == R"("a" "b" "c")");
}

TEST_CASE("names are lower-case, unknown elements keep their names") {
    CHECK(parsed("<IMG SRC=x Alt='y'>") == "(img src=x alt=y)");
    CHECK(parsed("<X-Widget Data-A=1>in</X-Widget>") == R"((x-widget data-a=1 "in"))");
}

TEST_CASE("attribute lookup and text content") {
    const auto fragment = parse_fragment("<a href=\"u\" title=t>x <b>y</b></a>");
    REQUIRE(fragment.nodes.size() == 1);
    const Node& a = fragment.nodes[0];
    REQUIRE(a.attribute("href"));
    CHECK(*a.attribute("href") == "u");
    CHECK(a.attribute("rel") == nullptr);
    CHECK(pamphlet::html::text_content(a) == "x y");
}

TEST_CASE("nesting deeper than the limit is flattened to text") {
    std::string html;
    for (int i = 0; i < 100000; ++i) html += "<span>";
    html += "deep";
    const auto fragment = parse_fragment(html);
    CHECK(fragment.flattened);
    const Node* node = &fragment.nodes.at(0);
    int depth = 0;
    while (node->kind == Node::Kind::element) {
        REQUIRE(node->children.size() == 1);
        node = &node->children[0];
        ++depth;
    }
    CHECK(depth == pamphlet::html::max_fragment_depth);
    CHECK(node->text == "deep");
    CHECK_FALSE(parse_fragment("<b>shallow</b>").flattened);
}
