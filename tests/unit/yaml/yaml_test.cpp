#include "pamphlet/yaml.hpp"

#include "pamphlet/base/limits.hpp"

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

namespace {

// "Billion laughs": nine levels of nine aliases each, 9^9 nodes once expanded.
std::string alias_bomb() {
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (char name = 'b'; name <= 'i'; ++name) {
        const std::string prev(1, static_cast<char>(name - 1));
        text += std::string(1, name) + ": &" + name + " [";
        for (int i = 0; i < 9; ++i) text += (i ? ", *" : "*") + prev;
        text += "]\n";
    }
    return text;
}

}  // namespace

TEST_CASE("aliases count as the nodes they name: an alias bomb stops at the alias") {
    DiagnosticSink sink;
    const std::string text = alias_bomb();
    CHECK(text.size() < 500);
    CHECK_FALSE(yaml::parse(text, "c.yaml", sink));
    REQUIRE(sink.diagnostics().size() == 1);
    const Diagnostic& d = sink.diagnostics()[0];
    CHECK(d.code == "yaml-too-large");
    CHECK(d.message.starts_with(
        "YAML document expands to more than 100000 nodes (aliases are expanded)"));
    // Lines a to e hold 74,738 nodes; e alone is 66,430, so the first alias
    // of line f ("f: &f [*e") crosses the limit.
    CHECK(d.span.file == "c.yaml");
    CHECK(d.span.begin == SourcePos{6, 8});
}

TEST_CASE("aliases below the limit are expanded as copies with the anchor's places") {
    DiagnosticSink sink;
    auto doc = yaml::parse("base: &b {font: serif, size: 10}\nother: *b\n", "c.yaml", sink);
    REQUIRE(doc);
    CHECK(sink.diagnostics().empty());
    const yaml::Node* other = doc->find("other");
    REQUIRE(other);
    REQUIRE(other->is_map());
    REQUIRE(other->find("size"));
    CHECK(other->find("size")->value == "10");
    CHECK(other->find("size")->span.begin == SourcePos{1, 30});
}

TEST_CASE("the node limit counts plain nodes too") {
    std::string text = "[";
    for (std::size_t i = 0; i <= limits::yaml_nodes; ++i) text += "1,";
    text += "1]";
    DiagnosticSink sink;
    CHECK_FALSE(yaml::parse(text, "c.yaml", sink));
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics()[0].code == "yaml-too-large");
    // The root list is node 1: item n is node n + 1.
    CHECK(sink.diagnostics()[0].span.begin == SourcePos{1, 2 + 2 * 99'999});
}

TEST_CASE("nesting deeper than the limit is an error, not a stack overflow") {
    DiagnosticSink closed;
    CHECK_FALSE(yaml::parse(std::string(65, '[') + std::string(65, ']'), "c.yaml", closed));
    REQUIRE(closed.diagnostics().size() == 1);
    CHECK(closed.diagnostics()[0].code == "yaml-too-deep");
    CHECK(closed.diagnostics()[0].message.starts_with(
        "YAML lists and maps nested more than 64 levels deep"));
    CHECK(closed.diagnostics()[0].span.begin == SourcePos{1, 65});

    // Unclosed, yaml-cpp reads each '[' as a list holding a one-entry map
    // (the list could be its key), so the limit comes at half the depth.
    DiagnosticSink open;
    CHECK_FALSE(yaml::parse(std::string(100'000, '['), "c.yaml", open));
    REQUIRE(open.diagnostics().size() == 1);
    CHECK(open.diagnostics()[0].code == "yaml-too-deep");
    CHECK(open.diagnostics()[0].span.begin == SourcePos{1, 33});

    DiagnosticSink sink;
    CHECK(yaml::parse(std::string(64, '[') + std::string(64, ']'), "c.yaml", sink));
    CHECK(sink.diagnostics().empty());
}

TEST_CASE("an alias that makes the tree too deep is an error at the alias") {
    const std::string deep = std::string(40, '[') + std::string(40, ']');
    DiagnosticSink sink;
    CHECK_FALSE(yaml::parse(
        "a: &a " + deep + "\nb: " + std::string(30, '[') + "*a" + std::string(30, ']') + "\n",
        "c.yaml", sink));
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics()[0].code == "yaml-too-deep");
    CHECK(sink.diagnostics()[0].span.begin == SourcePos{2, 34});
}

TEST_CASE("an alias inside the node it names is an error, not an endless tree") {
    DiagnosticSink sink;
    CHECK_FALSE(yaml::parse("a: &a [1, *a]\n", "c.yaml", sink));
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics()[0].code == "yaml-alias");
    CHECK(sink.diagnostics()[0].span.begin == SourcePos{1, 11});
}

TEST_CASE("control characters are errors at their place, never read as escapes") {
    // yaml-cpp takes a NUL in a plain scalar for an escape: "ab\0x41" was "abA".
    DiagnosticSink sink;
    CHECK_FALSE(yaml::parse(std::string("id: test\ntitle: ab\0x41\n", 23), "c.yaml", sink, 2));
    REQUIRE(sink.diagnostics().size() == 1);
    const Diagnostic& d = sink.diagnostics()[0];
    CHECK(d.code == "control-character");
    CHECK(d.message.starts_with("control character U+0000 is not allowed in YAML"));
    CHECK(d.span.begin == SourcePos{3, 10});

    DiagnosticSink del;
    CHECK_FALSE(yaml::parse("title: \"a\x7F\"\n", "c.yaml", del));
    REQUIRE(del.diagnostics().size() == 1);
    CHECK(del.diagnostics()[0].message.starts_with("control character U+007F"));
    CHECK(del.diagnostics()[0].span.begin == SourcePos{1, 10});

    DiagnosticSink fine;
    CHECK(yaml::parse("title: \"Übung\"\t# tab\r\nx: 1\n", "c.yaml", fine));
    CHECK(fine.diagnostics().empty());
}

TEST_CASE("invalid UTF-8 is an error at its place") {
    DiagnosticSink sink;
    CHECK_FALSE(yaml::parse("a: 1\ntitle: caf\xE9\n", "c.yaml", sink));
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics()[0].code == "invalid-utf8");
    CHECK(sink.diagnostics()[0].span.begin == SourcePos{2, 11});
    CHECK(sink.diagnostics()[0].message ==
          "the file is not valid UTF-8 here (byte 0xE9); save it as UTF-8");
}

TEST_CASE("keys that are not strings and duplicates still drop only their entry") {
    DiagnosticSink sink;
    CHECK_FALSE(yaml::parse("[1]: x\na: 1\na: 2\nb: 3\n", "c.yaml", sink));
    REQUIRE(sink.diagnostics().size() == 2);
    CHECK(sink.diagnostics()[0].code == "yaml-key");
    CHECK(sink.diagnostics()[1].code == "duplicate-key");
    CHECK(sink.diagnostics()[1].span.begin == SourcePos{3, 1});
}
