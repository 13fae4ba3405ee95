// The YAML front matter of an article: where it is, and what it says.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/markdown.hpp"
#include "pamphlet/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace pamphlet {

struct FrontMatterSplit {
    std::string_view yaml;     // the lines between the fences; it starts on line 2
    std::string_view body;     // everything after the closing fence
    int body_line_offset = 0;  // body line n is line n + body_line_offset of the file
};

// Finds the front matter: a `---` line on line 1, closed by a `---` or `...`
// line. Reports "missing-front-matter" or "unclosed-front-matter".
std::optional<FrontMatterSplit> split_front_matter(std::string_view text,
                                                   const std::string& display_path,
                                                   DiagnosticSink& sink);

// Reads the front matter into `article` (title, summary, ... with typography
// applied). Reports every problem it finds; returns false if any is an error.
bool read_front_matter(std::string_view yaml, const ArticleInput& input, Article& article,
                       DiagnosticSink& sink);

}  // namespace pamphlet
