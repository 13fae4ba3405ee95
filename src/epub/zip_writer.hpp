// The OCF container: a ZIP archive built in memory. The only place that
// knows libzip.
#pragma once

#include <string>
#include <vector>

namespace pamphlet::epub {

struct ZipEntry {
    std::string name;  // path inside the archive
    std::string data;
    bool compress = true;  // false: stored, as `mimetype` must be
};

struct ZipResult {
    std::string bytes;  // the archive, when error is empty
    std::string error;
};

// Entries are written in the given order, each with modification time
// `timestamp` (seconds since 1970, UTC; clamped to the DOS range
// 1980-2107), Unix permissions 0644 and no extra fields, so equal input
// gives byte-identical archives.
ZipResult write_zip(const std::vector<ZipEntry>& entries, long long timestamp);

}  // namespace pamphlet::epub
