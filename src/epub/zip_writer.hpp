// The OCF container: a ZIP archive written entry by entry into a file (or,
// for tests, into memory). The only place that knows libzip.
//
// libzip writes an archive only at zip_close. To keep memory bounded by a
// few entries, each entry's bytes are made by a callback shortly before
// libzip reaches that entry (zip_entries_made_ahead), deflated on a second
// thread (and on the writer's while it waits for it), and dropped once
// written. An archive is written
// in sessions: a later session appends entries after those already on disk
// (libzip keeps them as they are and writes a new central directory), so
// entries that depend on all earlier ones (fonts, package.opf) can follow.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pamphlet::epub {

enum class ZipMethod {
    stored,    // `mimetype`, and data that is compressed already (PNG, JPEG, GIF)
    deflated,  // text, fonts, SVG
};

struct ZipEntry {
    // One step: `make` gives the bytes.
    ZipEntry(std::string entry_name, ZipMethod entry_method, std::function<std::string()> maker)
        : name(std::move(entry_name)), method(entry_method), make(std::move(maker)) {}
    // Two steps (see make_in_steps); deflated.
    static ZipEntry in_steps(std::string entry_name,
                             std::function<std::function<std::string()>()> first) {
        ZipEntry entry(std::move(entry_name), ZipMethod::deflated, {});
        entry.make_in_steps = std::move(first);
        return entry;
    }

    std::string name;  // path inside the archive
    ZipMethod method = ZipMethod::deflated;
    // The entry's bytes, asked for once, shortly before the archive writer
    // reaches the entry, in the order given and on the thread that called
    // write(); an exception thrown here fails the session and is rethrown
    // from write().
    std::function<std::string()> make;
    // Instead of make: a first step on the writer's thread (in entry order,
    // as make) that returns the second, which makes the bytes just before
    // they are deflated, on the deflating thread or on the writer's while it
    // waits: second steps of two entries may run at once, in any order. For
    // entries whose making needs the writer's state only in its first part
    // (a page is built there, and serialised on either core). An exception
    // in either step fails the session as make's does.
    std::function<std::function<std::string()>()> make_in_steps;
};

// How many entries ahead of the one the archive writes are made: while
// the archive writes one, the next are made and deflated on a second
// thread (make() itself is always called on the writer's thread, in entry
// order; a writer waiting for an entry deflates a later one meanwhile).
// Memory holds at most this many entries plus the one written (and what is
// gathered for the disk, zip_gathered_bytes).
inline constexpr std::size_t zip_entries_made_ahead = 3;
// What libzip writes to a file is gathered and written this much at a time.
inline constexpr std::size_t zip_gathered_bytes = std::size_t{256} << 10;

// The level the entries are deflated at (libdeflate's scale; libzip, told
// it too, marks each deflated entry "normal" whatever it is). An e-book's
// size is its images and fonts: level 1 instead of 6 made the sample books
// 0.2 % larger (989.6 -> 991.4 KB) and a generated book of 500 articles
// 2.6 % (2.76 -> 2.83 MB), and deflates that book's 4.9 MB of XHTML in
// 12 ms instead of 31 (4 % of the run's instructions).
inline constexpr int zip_deflate_level = 1;

// Entries are written in the given order, each with modification time
// `timestamp` (seconds since 1970, UTC; clamped to the DOS range
// 1980-2107), Unix permissions 0644 and no extra fields, so equal input
// gives byte-identical archives.
class ZipWriter {
public:
    // Writes into `file`, created or emptied when the first session starts.
    ZipWriter(const std::filesystem::path& file, long long timestamp);
    // Writes into memory (take_bytes).
    explicit ZipWriter(long long timestamp);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // One session: appends `entries` after those of earlier sessions. False
    // on failure (error() says why); the archive is unusable then.
    bool write(const std::vector<ZipEntry>& entries);
    // Closes the file; false when that fails.
    bool finish();
    const std::string& error() const;

    // The archive written into memory.
    std::string take_bytes();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace pamphlet::epub
