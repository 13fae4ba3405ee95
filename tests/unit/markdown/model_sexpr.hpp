// Test support: an article parsed from an inline string, its model printed as
// a compact S-expression and its diagnostics as "severity code line:col", so
// that tests read like cmark's spec examples:
//   CHECK(body("Hallo *Welt*") == R"((p "Hallo " (em "Welt")))");
#pragma once

#include "pamphlet/markdown.hpp"
#include "pamphlet/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet::test {

std::string sexpr(const std::vector<Inline>& inlines);
std::string sexpr(const std::vector<Block>& blocks);

// "error missing-file 5:1", one per line (without a trailing newline).
std::string codes(const DiagnosticSink& sink);

struct Parsed {
    std::optional<Article> article;
    DiagnosticSink sink;
};

// The folder holding the test images (images/knee.png, images/hip joint.png).
std::string data_dir();

ArticleInput input_for(std::string lang = "de");

// Parses a whole article file as written.
Parsed parse(std::string_view file_text, std::string lang = "de");

// Parses `markdown` as the body after a three-line front matter (so body
// line 1 is file line 4) and prints the blocks; diagnostics go to `sink`
// when given.
std::string body(std::string_view markdown, std::string lang = "de", Parsed* parsed = nullptr);

}  // namespace pamphlet::test
