// Font files opened once per process, whoever names them: the profile's
// checks, each job's FontSet, the PDF's subsetting, the coverage checks.
// Each is mapped, its HarfBuzz face made and what FreeType says of it read
// once, and kept until the process ends (a build names a few dozen at
// most): opening a face with FreeType and unmapping it again for every job
// was a tenth of setting a brochure. Safe on any thread: what it hands out
// is never changed.
#pragma once

#include "hb_handles.hpp"

#include "pamphlet/font_set.hpp"

#include <filesystem>

namespace pamphlet::fonts_detail {

struct FontFile {
    BlobHandle blob;  // null: the file could not be read
    FaceHandle face;  // HarfBuzz's, over `blob`
    // What FreeType found: whether it reads the tables at all, and then
    // whether the outlines scale (an sfnt), are TrueType's (glyf) or CFF.
    bool freetype_reads = false;
    bool scalable_sfnt = false;
    bool truetype_outlines = false;
    bool cff_outlines = false;
    long glyph_count = 0;
    unsigned short fs_type = 0;  // OS/2's embedding licence bits
    FontMetrics metrics;         // when FreeType reads it
};

// `file` as this process has it, opened the first time it is named (by the
// same path).
const FontFile& font_file(const std::filesystem::path& file);

}  // namespace pamphlet::fonts_detail
