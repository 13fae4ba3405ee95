#include "pamphlet/yaml.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;

TEST_CASE("nodes carry 1-based lines and columns, offset by the first line") {
    DiagnosticSink sink;
    auto doc = yaml::parse("id: test\nlist:\n  - a\n  - \"b\"\n", "c.yaml", sink, 2);
    REQUIRE(doc);
    REQUIRE(doc->is_map());
    const yaml::Node* id = doc->find("id");
    REQUIRE(id);
    CHECK(id->value == "test");
    CHECK(id->span.begin == SourcePos{2, 5});
    CHECK(id->span.end == SourcePos{2, 9});
    const yaml::Node* list = doc->find("list");
    REQUIRE(list);
    REQUIRE(list->items.size() == 2);
    CHECK(list->items[1].span.begin == SourcePos{5, 5});
    CHECK_FALSE(list->items[0].quoted);
    CHECK(list->items[1].quoted);
    CHECK(doc->entries[1].first.span.begin == SourcePos{3, 1});
    CHECK(sink.diagnostics().empty());
}

TEST_CASE("syntax errors are diagnostics with a place") {
    DiagnosticSink sink;
    CHECK_FALSE(yaml::parse("title: [Test\nlanguages: [de]\n", "c.yaml", sink));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics()[0].code == "yaml-syntax");
    CHECK(sink.diagnostics()[0].span.file == "c.yaml");
    CHECK(sink.diagnostics()[0].span.begin.line >= 1);
    CHECK(sink.diagnostics()[0].message.rfind("invalid YAML: ", 0) == 0);
}

TEST_CASE("duplicate keys are errors") {
    DiagnosticSink sink;
    CHECK_FALSE(yaml::parse("a: 1\nb: 2\na: 3\n", "c.yaml", sink));
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.diagnostics()[0].code == "duplicate-key");
    CHECK(sink.diagnostics()[0].span.begin == SourcePos{3, 1});
}

TEST_CASE("an empty document is null") {
    DiagnosticSink sink;
    auto doc = yaml::parse("", "c.yaml", sink);
    REQUIRE(doc);
    CHECK(doc->is_null());
}

TEST_CASE("check_keys reports unknown keys with a suggestion") {
    DiagnosticSink sink;
    auto doc = yaml::parse("title: x\nsumary: y\nfoo: z\n", "a.md", sink, 2);
    REQUIRE(doc);
    CHECK_FALSE(yaml::check_keys(*doc, {"title", "summary"}, "front matter", sink));
    REQUIRE(sink.error_count() == 2);
    CHECK(sink.diagnostics()[0].message ==
          "unknown key 'sumary' in front matter; did you mean 'summary'?");
    CHECK(sink.diagnostics()[0].span.begin == SourcePos{3, 1});
    CHECK(sink.diagnostics()[1].message == "unknown key 'foo' in front matter");
}

TEST_CASE("typed reads") {
    DiagnosticSink sink;
    auto doc = yaml::parse("s: text\nq: \"yes\"\nb: yes\nn: 2.5\ni: 3\nl: [a, b]\nm: {k: v}\n",
                           "t.yaml", sink);
    REQUIRE(doc);
    CHECK(yaml::as_string(*doc->find("s"), "s", sink) == "text");
    CHECK(yaml::as_bool(*doc->find("b"), "b", sink) == true);
    CHECK(yaml::as_number(*doc->find("n"), "n", sink) == 2.5);
    CHECK(yaml::as_integer(*doc->find("i"), "i", sink) == 3);
    CHECK(yaml::as_string_list(*doc->find("l"), "l", sink) == std::vector<std::string>{"a", "b"});
    CHECK(yaml::as_string_list(*doc->find("s"), "s", sink, true) ==
          std::vector<std::string>{"text"});
    CHECK(sink.diagnostics().empty());

    CHECK_FALSE(yaml::as_bool(*doc->find("q"), "q", sink));  // a quoted "yes" is a string
    CHECK_FALSE(yaml::as_string(*doc->find("m"), "m", sink));
    CHECK_FALSE(yaml::as_integer(*doc->find("n"), "n", sink));
    CHECK_FALSE(yaml::as_string_list(*doc->find("s"), "s", sink));
    REQUIRE(sink.error_count() == 4);
    CHECK(sink.diagnostics()[1].message == "expected a string for 'm', found a map");
    CHECK(sink.diagnostics()[2].message == "expected a whole number for 'n', found a string '2.5'");
    CHECK(sink.diagnostics()[3].message ==
          "expected a list of strings for 's', found a string 'text'");
}
