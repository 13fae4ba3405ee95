#include "zip_writer.hpp"

#include "utc_time.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdio>

namespace pamphlet::epub {

namespace {

struct DosTime {
    zip_uint16_t time = 0;
    zip_uint16_t date = 0;
};

DosTime dos_time(long long timestamp) {
    constexpr long long dos_epoch = 315532800;  // 1980-01-01T00:00:00Z
    constexpr long long dos_last = 4354819198;  // 2107-12-31T23:59:58Z
    UtcTime t = utc_from_epoch(std::clamp(timestamp, dos_epoch, dos_last));
    DosTime result;
    result.time = static_cast<zip_uint16_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));
    result.date = static_cast<zip_uint16_t>(((t.year - 1980) << 9) | (t.month << 5) | t.day);
    return result;
}

std::string libzip_message(zip_error_t* error) {
    std::string message = zip_error_strerror(error);
    zip_error_fini(error);
    return message;
}

// Owns the in-memory source across zip_close, which would otherwise free it.
class BufferArchive {
public:
    BufferArchive() {
        zip_error_t error;
        zip_error_init(&error);
        source_ = zip_source_buffer_create(nullptr, 0, 0, &error);
        if (!source_) {
            error_ = libzip_message(&error);
            return;
        }
        zip_source_keep(source_);
        archive_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error);
        if (!archive_) error_ = libzip_message(&error);
        zip_error_fini(&error);
    }
    ~BufferArchive() {
        if (archive_) zip_discard(archive_);
        if (source_) zip_source_free(source_);
    }
    BufferArchive(const BufferArchive&) = delete;
    BufferArchive& operator=(const BufferArchive&) = delete;

    const std::string& error() const { return error_; }

    bool add(const ZipEntry& entry, DosTime time) {
        zip_source_t* data = zip_source_buffer(archive_, entry.data.data(), entry.data.size(), 0);
        if (!data) return fail("cannot add '" + entry.name + "'");
        zip_int64_t index = zip_file_add(archive_, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            return fail("cannot add '" + entry.name + "'");
        }
        auto i = static_cast<zip_uint64_t>(index);
        constexpr zip_uint32_t regular_file_0644 = 0100644u << 16;
        bool ok =
            zip_set_file_compression(archive_, i, entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                     entry.compress ? 9 : 0) == 0 &&
            zip_file_set_dostime(archive_, i, time.time, time.date, 0) == 0 &&
            zip_file_set_external_attributes(archive_, i, 0, ZIP_OPSYS_UNIX, regular_file_0644) ==
                0;
        return ok || fail("cannot set the properties of '" + entry.name + "'");
    }

    // Writes the archive into the buffer source and reads it back.
    bool finish(std::string& bytes) {
        zip_t* archive = archive_;
        archive_ = nullptr;
        if (zip_close(archive) != 0) {
            archive_ = archive;
            return fail("cannot write the archive");
        }
        if (zip_source_open(source_) != 0) return fail("cannot read the archive back");
        bool ok = zip_source_seek(source_, 0, SEEK_END) == 0;
        zip_int64_t size = zip_source_tell(source_);
        ok = ok && size >= 0 && zip_source_seek(source_, 0, SEEK_SET) == 0;
        if (ok) {
            bytes.resize(static_cast<std::size_t>(size));
            ok = zip_source_read(source_, bytes.data(), static_cast<zip_uint64_t>(size)) == size;
        }
        zip_source_close(source_);
        return ok || fail("cannot read the archive back");
    }

private:
    bool fail(std::string what) {
        error_ = std::move(what);
        if (archive_) error_ += ": " + std::string(zip_strerror(archive_));
        return false;
    }

    zip_source_t* source_ = nullptr;
    zip_t* archive_ = nullptr;
    std::string error_;
};

}  // namespace

ZipResult write_zip(const std::vector<ZipEntry>& entries, long long timestamp) {
    BufferArchive archive;
    if (!archive.error().empty()) return {{}, archive.error()};
    DosTime time = dos_time(timestamp);
    for (const ZipEntry& entry : entries) {
        if (!archive.add(entry, time)) return {{}, archive.error()};
    }
    ZipResult result;
    if (!archive.finish(result.bytes)) return {{}, archive.error()};
    return result;
}

}  // namespace pamphlet::epub
