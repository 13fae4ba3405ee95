// Test-only: where the shipped layouts and fonts are, millimetres, and a
// check of where a diagnostic points.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace pamphlet::test {

inline const std::filesystem::path source_dir = PAMPHLET_SOURCE_DIR;
inline constexpr double mm = 72.0 / 25.4;

// The layouts/ and fonts/ folders of the source tree.
inline ProfilePaths real_paths() {
    return {{source_dir / "layouts"}, {source_dir / "fonts"}};
}

inline void check_place(const Diagnostic& d, const std::filesystem::path& file, int line,
                        int column) {
    CHECK(d.span.file == file.generic_string());
    CHECK(d.span.begin.line == line);
    CHECK(d.span.begin.column == column);
}

}  // namespace pamphlet::test
