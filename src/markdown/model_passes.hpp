// Passes over an article's freshly converted blocks, in the order
// parse_article() runs them: text cleaned and merged, figures recognised,
// headings shifted below the title, typography applied, heading ids given.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

// Removes characters XML 1.0 forbids that entered through character
// references ("&#1;"); reports once, at the first place.
void remove_forbidden_characters(std::vector<Block>& blocks, DiagnosticSink& sink);

// Joins adjacent text inlines (cmark splits text at every special
// character) and drops empty ones, so typography sees whole words.
void merge_text(std::vector<Block>& blocks);

// A block quote that opens with GitHub's alert marker on a line of its own
// ("> [!WARNING]") becomes a callout of that kind, labelled in `lang`; an
// unknown marker is reported and the quote kept.
void make_callouts(std::vector<Block>& blocks, std::string_view lang, DiagnosticSink& sink);

// A paragraph holding nothing but one image becomes a figure whose caption
// is the image's title.
void make_figures(std::vector<Block>& blocks);

// The article title is the only level-1 heading: when the body has level-1
// headings, every body heading moves one level down (at most to 6).
void shift_headings_below_title(std::vector<Block>& blocks);

void apply_typography(std::vector<Block>& blocks, std::string_view lang);

// Gives every heading a unique id built from its text.
void assign_heading_ids(std::vector<Block>& blocks);

// "Übungen für zu Hause" -> "uebungen-fuer-zu-hause"; "" for text without
// letters or digits.
std::string slug(std::string_view text);

// The text of every heading, in the order assign_heading_ids() visits them;
// taken before typography, as GitHub sees the Markdown.
std::vector<std::string> heading_texts(std::vector<Block>& blocks);

// GitHub's anchor for a heading text: lower case, spaces become '-',
// punctuation and symbols other than '-' and '_' dropped, letters of every
// script kept ("What's the plan, and why?" -> "whats-the-plan-and-why",
// "Übungen" -> "übungen"). Unicode's letter classes and case mapping are
// approximated by code point blocks (Latin, Greek, Cyrillic lower-cased).
std::string github_slug(std::string_view text);

// GitHub's anchors of the headings (`texts` from heading_texts(), before
// typography) that are not pamphlet ids of headings, mapped to the ids.
// Repeated anchors get "-1", "-2", ... as on GitHub.
std::map<std::string, std::string> github_heading_aliases(std::vector<Block>& blocks,
                                                          const std::vector<std::string>& texts);

}  // namespace pamphlet
