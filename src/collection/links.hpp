// Links between and inside articles, checked once per edition so that every
// writer can trust them (and a build of EPUB and PDF says each thing once).
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"

namespace pamphlet {

// In every edition: a link to an article the edition does not have, or to a
// section (#id) of its own article that no heading has, is reported and
// becomes its plain text; a link to a section of another article that has
// no such heading is reported and goes to that article's start instead.
void check_links(Collection& collection, DiagnosticSink& sink);

}  // namespace pamphlet
