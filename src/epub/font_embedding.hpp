// The profile's fonts, subset to the characters the book shows in each.
#pragma once

#include "book.hpp"
#include "pamphlet/diagnostics.hpp"
#include "pamphlet/profile.hpp"
#include "stylesheet.hpp"

#include <vector>

namespace pamphlet::epub {

struct FontEmbedding {
    std::vector<EmbeddedFont> fonts;  // for the stylesheet's @font-face rules
    std::vector<Resource> files;      // for the manifest and the archive
};

// One subset per face that `usage` shows any text in. A font whose licence
// forbids embedding is left out with a warning (the reader's own font takes
// its place); a font that cannot be subset is an error.
FontEmbedding embed_fonts(const Profile& profile, const FaceUsage& usage, DiagnosticSink& sink);

}  // namespace pamphlet::epub
