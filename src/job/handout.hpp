// Handouts (`pamphlet build --article ID`): some articles of the collection
// on their own, for the clinic to hand a patient.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pamphlet {

// `requested` ids in the collection's order, each once. An id the
// collection does not list is an error at its collection.yaml, with the
// closest id as a suggestion; nullopt then.
std::optional<std::vector<std::string>> select_handout_articles(
    const Collection& collection, const std::vector<std::string>& requested, DiagnosticSink& sink);

// What tells a handout's files from the brochure's and from each other:
// "-fascia", "-fascia+stretching" ('+' never occurs in an article id, which
// is a file-name slug, so the names cannot collide).
std::string handout_suffix(const std::vector<std::string>& ids);

// `edition` with only the articles `ids` (in that order) that it has; an
// article without this language is left out with a warning. The edition
// gets an identifier of its own, and a handout of one article that
// article's title. Links to articles left out go to their web address (the
// front matter's `url`) or, when they have none, become plain text.
Edition handout_edition(const Collection& collection, const Edition& edition,
                        const std::vector<std::string>& ids, DiagnosticSink& sink);

}  // namespace pamphlet
