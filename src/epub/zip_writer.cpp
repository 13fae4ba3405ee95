#include "zip_writer.hpp"

#include "utc_time.hpp"

#include "pamphlet/base/deflate.hpp"
#include "pamphlet/base/threads.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>

namespace pamphlet::epub {

namespace {

// libzip is opened when the first archive is written, not linked: loading
// it and the libcrypto it links (for encryption pamphlet never uses) takes
// a few milliseconds and 140 page faults, which every PDF-only run would
// pay at start (README, "Large collections"). Only the functions below are
// used; PAMPHLET_LIBZIP_SONAME is the library CMake found the headers of.
// clang-format off
#define PAMPHLET_LIBZIP_FUNCTIONS(X)                                                          \
    X(zip_close) X(zip_discard) X(zip_error_fini) X(zip_error_init) X(zip_error_set)          \
    X(zip_error_strerror) X(zip_error_to_data) X(zip_file_add) X(zip_file_set_dostime)        \
    X(zip_file_set_external_attributes) X(zip_open_from_source) X(zip_set_file_compression)   \
    X(zip_source_free) X(zip_source_function) X(zip_source_function_create)                   \
    X(zip_source_keep) X(zip_source_make_command_bitmap) X(zip_source_seek_compute_offset)    \
    X(zip_stat_init) X(zip_strerror)
// clang-format on

struct Libzip {
#define PAMPHLET_LIBZIP_POINTER(name) decltype(&::name) name = nullptr;
    PAMPHLET_LIBZIP_FUNCTIONS(PAMPHLET_LIBZIP_POINTER)
#undef PAMPHLET_LIBZIP_POINTER
    std::string error;  // why it could not be loaded; empty when it was
};

// Loaded once, on the first call (from any thread), and never unloaded;
// ZipWriter::write checks its error before anything else calls it.
const Libzip& lz() {
    static const Libzip loaded = [] {
        Libzip zip;
        void* library = ::dlopen(PAMPHLET_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (!library) {
            const char* why = ::dlerror();
            zip.error = "cannot load libzip: " + std::string(why ? why : PAMPHLET_LIBZIP_SONAME);
            return zip;
        }
#define PAMPHLET_LIBZIP_LOAD(name)                                           \
    zip.name = reinterpret_cast<decltype(&::name)>(::dlsym(library, #name)); \
    if (!zip.name && zip.error.empty())                                      \
        zip.error = "cannot load libzip: " PAMPHLET_LIBZIP_SONAME " has no " #name;
        PAMPHLET_LIBZIP_FUNCTIONS(PAMPHLET_LIBZIP_LOAD)
#undef PAMPHLET_LIBZIP_LOAD
        return zip;
    }();
    return loaded;
}

// zip_open_from_source, one thread at a time: libzip 1.7 (Debian 12's)
// sets two static bitmaps on its first call without a lock, and a second
// EPUB opening its archive meanwhile could see the second still unset and
// fail with "Read-only archive" (seen when two EPUBs began at once).
zip_t* open_from_source(zip_source_t* source, int flags, zip_error_t* error) {
    static std::mutex opening;
    const std::lock_guard<std::mutex> lock(opening);
    return lz().zip_open_from_source(source, flags, error);
}

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

// The archive's bytes, in a file or in memory, as a libzip source that can
// be read (to open the archive again for the next session) and written.
// It supports "cloning": a session keeps the bytes of the entries already
// written and only appends, so an archive of many sessions costs no copy.
// In a file, what libzip writes in order is gathered and written
// zip_gathered_bytes at a time (libzip writes a book's headers and data in
// some 5,000 pieces, each a system call), and the file's size is known
// without asking the system (libzip asks at every seek).
class ArchiveStore {
public:
    // error_ as zip_error_init leaves it; libzip may not be loaded yet.
    explicit ArchiveStore(std::filesystem::path file) : file_(std::move(file)) {}
    ArchiveStore() = default;
    ~ArchiveStore() {
        if (fd_ >= 0) ::close(fd_);
        if (error_.str != nullptr) lz().zip_error_fini(&error_);
    }
    ArchiveStore(const ArchiveStore&) = delete;
    ArchiveStore& operator=(const ArchiveStore&) = delete;

    bool in_memory() const { return file_.empty(); }
    const std::filesystem::path& file() const { return file_; }

    // Empty or "cannot open FILE: reason".
    std::string open() {
        if (in_memory() || fd_ >= 0) return {};
        fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd_ < 0) return "cannot open " + file_.string() + ": " + std::strerror(errno);
        return {};
    }

    std::string close() {
        if (fd_ < 0) return {};
        const bool flushed = flush();
        const int saved = errno;
        const int fd = fd_;
        fd_ = -1;
        if (!flushed) {
            ::close(fd);
            return "cannot write " + file_.string() + ": " + std::strerror(saved);
        }
        if (::close(fd) != 0) return "cannot close " + file_.string() + ": " + std::strerror(errno);
        return {};
    }

    std::string take_bytes() { return std::move(memory_); }

    static zip_int64_t callback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
        return static_cast<ArchiveStore*>(user)->handle(data, len, cmd);
    }

private:
    zip_int64_t handle(void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
        switch (cmd) {
        case ZIP_SOURCE_SUPPORTS:
            return lz().zip_source_make_command_bitmap(
                ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL,
                ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_BEGIN_WRITE_CLONING,
                ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE,
                ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_REMOVE, -1);
        case ZIP_SOURCE_OPEN:
            read_at_ = 0;
            return 0;
        case ZIP_SOURCE_READ:
            return flush() ? read(data, len) : fail(ZIP_ER_WRITE, errno);
        case ZIP_SOURCE_CLOSE: return 0;
        case ZIP_SOURCE_STAT: {
            zip_int64_t bytes = size();
            if (bytes < 0) return -1;
            auto* st = static_cast<zip_stat_t*>(data);
            lz().zip_stat_init(st);
            st->size = static_cast<zip_uint64_t>(bytes);
            st->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_SEEK: return seek(data, len, read_at_);
        case ZIP_SOURCE_TELL: return static_cast<zip_int64_t>(read_at_);
        case ZIP_SOURCE_BEGIN_WRITE: return truncate(0);
        case ZIP_SOURCE_BEGIN_WRITE_CLONING: return truncate(len);
        case ZIP_SOURCE_WRITE: return write(data, len);
        case ZIP_SOURCE_SEEK_WRITE: return seek(data, len, write_at_);
        case ZIP_SOURCE_TELL_WRITE: return static_cast<zip_int64_t>(write_at_);
        // The archive is written in place: a failed session leaves a file
        // that the caller throws away, so there is nothing to commit or undo.
        case ZIP_SOURCE_COMMIT_WRITE:
            return flush() ? 0 : fail(ZIP_ER_WRITE, errno);
        case ZIP_SOURCE_ROLLBACK_WRITE:
            pending_.clear();
            return 0;
        case ZIP_SOURCE_REMOVE: return truncate(0);
        case ZIP_SOURCE_ERROR: return lz().zip_error_to_data(&error_, data, len);
        case ZIP_SOURCE_FREE: return 0;  // owned by the writer
        default: return fail(ZIP_ER_OPNOTSUPP, 0);
        }
    }

    zip_int64_t fail(int code, int system) {
        lz().zip_error_set(&error_, code, system);
        return -1;
    }

    zip_int64_t size() const {
        return static_cast<zip_int64_t>(in_memory() ? memory_.size() : file_size_);
    }

    zip_int64_t seek(void* data, zip_uint64_t len, zip_uint64_t& position) {
        zip_int64_t end = size();
        if (end < 0) return -1;
        zip_int64_t to = lz().zip_source_seek_compute_offset(
            position, static_cast<zip_uint64_t>(end), data, len, &error_);
        if (to < 0) return -1;
        position = static_cast<zip_uint64_t>(to);
        return 0;
    }

    zip_int64_t read(void* data, zip_uint64_t len) {
        if (in_memory()) {
            if (read_at_ >= memory_.size()) return 0;
            const std::size_t n = std::min<std::size_t>(len, memory_.size() - read_at_);
            std::memcpy(data, memory_.data() + read_at_, n);
            read_at_ += n;
            return static_cast<zip_int64_t>(n);
        }
        for (;;) {
            ssize_t n = ::pread(fd_, data, len, static_cast<off_t>(read_at_));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return fail(ZIP_ER_READ, errno);
            read_at_ += static_cast<zip_uint64_t>(n);
            return n;
        }
    }

    zip_int64_t write(const void* data, zip_uint64_t len) {
        if (in_memory()) {
            if (memory_.size() < write_at_ + len) memory_.resize(write_at_ + len);
            std::memcpy(memory_.data() + write_at_, data, len);
            write_at_ += len;
            return static_cast<zip_int64_t>(len);
        }
        // Within or just after what is gathered (libzip goes back to a local
        // header to fill in its sizes): into it; elsewhere, after it is written.
        const bool joins = write_at_ >= pending_at_ && write_at_ <= pending_at_ + pending_.size();
        if (!joins && !flush()) return fail(ZIP_ER_WRITE, errno);
        if (pending_.empty()) pending_at_ = write_at_;
        const auto offset = static_cast<std::size_t>(write_at_ - pending_at_);
        const auto length = static_cast<std::size_t>(len);
        if (pending_.size() < offset + length) pending_.resize(offset + length);
        std::memcpy(pending_.data() + offset, data, length);
        write_at_ += len;
        file_size_ = std::max(file_size_, write_at_);
        if (pending_.size() >= zip_gathered_bytes && !flush()) return fail(ZIP_ER_WRITE, errno);
        return static_cast<zip_int64_t>(len);
    }

    // The gathered bytes into the file; false (errno set) when they cannot be.
    bool flush() {
        const char* p = pending_.data();
        std::size_t left = pending_.size();
        off_t at = static_cast<off_t>(pending_at_);
        while (left > 0) {
            // A file-size limit (SIGXFSZ ignored) or a full disk comes back here as EFBIG/ENOSPC.
            const ssize_t n = ::pwrite(fd_, p, left, at);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return false;
            p += n;
            left -= static_cast<std::size_t>(n);
            at += n;
        }
        pending_.clear();
        return true;
    }

    // Keeps the first `keep` bytes and writes on from there.
    zip_int64_t truncate(zip_uint64_t keep) {
        if (in_memory()) {
            if (keep > memory_.size()) return fail(ZIP_ER_INVAL, 0);
            memory_.resize(keep);
        } else if (!flush() || ::ftruncate(fd_, static_cast<off_t>(keep)) != 0) {
            return fail(ZIP_ER_WRITE, errno);
        }
        file_size_ = keep;
        write_at_ = keep;
        return 0;
    }

    std::filesystem::path file_;
    int fd_ = -1;
    std::string memory_;
    zip_uint64_t read_at_ = 0;
    zip_uint64_t write_at_ = 0;
    zip_uint64_t file_size_ = 0;  // the file's, with what is gathered
    std::string pending_;         // gathered, to be written at pending_at_
    zip_uint64_t pending_at_ = 0;
    zip_error_t error_{ZIP_ER_OK, 0, nullptr};
};

// The entries of one session. Each entry's bytes are made on the writer's
// thread, in entry order (make() is never called concurrently), when libzip
// reaches the entry (libzip writes entries in order) or a few entries
// before; a deflated entry is deflated on a second thread meanwhile, so
// that making the next pages and deflating the last ones overlap (and the
// writer, waiting for an entry, deflates the next one itself). libzip
// then copies the deflated bytes as they are: the entry's source says it
// holds DEFLATE data with its CRC and sizes (as libzip's own compressed
// copy from another archive does). Bytes are dropped once libzip has read
// them, so memory holds a few entries.
class Session {
public:
    Session(const std::vector<ZipEntry>& entries, bool threaded)
        : entries_(entries), slots_(entries.size()), deflater_(threaded, ahead + 1) {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            slots_[i].session = this;
            slots_[i].index = i;
            slots_[i].deflate = entries[i].method == ZipMethod::deflated;
        }
        for (Slot& slot : slots_) lz().zip_error_init(&slot.error);
    }
    ~Session() {
        deflater_.wait_all();
        for (Slot& slot : slots_) lz().zip_error_fini(&slot.error);
    }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // The source's user data for entry i.
    void* user(std::size_t i) { return &slots_[i]; }

    // What a make() threw, to be rethrown once libzip is out of the way.
    std::exception_ptr thrown() {
        deflater_.wait_all();  // a second step may still be running
        for (const Slot& slot : slots_)
            if (slot.thrown) return slot.thrown;
        return nullptr;
    }

    static zip_int64_t callback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
        auto* slot = static_cast<Slot*>(user);
        return slot->session->handle(*slot, data, len, cmd);
    }

private:
    // Entries made before libzip reaches them: enough to keep the deflating
    // thread busy, few enough to hold little.
    static constexpr std::size_t ahead = zip_entries_made_ahead;

    struct Slot {
        Session* session = nullptr;
        std::size_t index = 0;
        bool deflate = false;
        std::string data;  // made (and deflated), until libzip has read it
        zip_uint64_t size = 0;
        zip_uint64_t comp_size = 0;
        zip_uint32_t crc = 0;
        bool zlib_failed = false;
        std::size_t piece = 0;  // the deflater's number for it
        bool pushed = false;    // to the deflater (then wait for it before reading the rest)
        std::exception_ptr thrown;
        zip_uint64_t read_at = 0;
        zip_error_t error;
    };

    zip_int64_t handle(Slot& slot, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
        switch (cmd) {
        case ZIP_SOURCE_SUPPORTS:
            return lz().zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
                                                  ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        case ZIP_SOURCE_STAT: {
            // Asked again after the entry is written: sizes and CRC are kept.
            if (!ready(slot)) return -1;
            auto* st = static_cast<zip_stat_t*>(data);
            lz().zip_stat_init(st);
            st->size = slot.size;
            st->valid |= ZIP_STAT_SIZE;
            if (slot.deflate) {
                st->comp_size = slot.comp_size;
                st->comp_method = ZIP_CM_DEFLATE;
                st->crc = slot.crc;
                st->valid |= ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
            }
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_OPEN:
            if (!ready(slot)) return -1;
            slot.read_at = 0;
            return 0;
        case ZIP_SOURCE_READ: {
            const auto n = static_cast<std::size_t>(std::min<zip_uint64_t>(len, slot.data.size() - slot.read_at));
            std::memcpy(data, slot.data.data() + slot.read_at, n);
            slot.read_at += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE: std::string().swap(slot.data); return 0;
        case ZIP_SOURCE_ERROR: return lz().zip_error_to_data(&slot.error, data, len);
        case ZIP_SOURCE_FREE: return 0;  // owned by the session
        default: lz().zip_error_set(&slot.error, ZIP_ER_OPNOTSUPP, 0); return -1;
        }
    }

    // The slot's entry made and, if it is deflated, deflated; false (with the
    // slot's error set) when make() threw or zlib failed.
    bool ready(Slot& slot) {
        while (next_ < slots_.size() && next_ <= slot.index + ahead) make(slots_[next_++]);
        if (slot.pushed) deflater_.wait(slot.piece);
        if (slot.thrown) {
            lz().zip_error_set(&slot.error, ZIP_ER_INTERNAL, 0);
            return false;
        }
        if (slot.zlib_failed) {
            lz().zip_error_set(&slot.error, ZIP_ER_ZLIB, 0);
            return false;
        }
        return true;
    }

    // No exception may cross libzip's C frames.
    void make(Slot& slot) {
        const ZipEntry& entry = entries_[slot.index];
        std::function<std::string()> second;
        try {
            if (entry.make_in_steps) {
                second = entry.make_in_steps();
                // Stored entries are not handed to the other thread.
                if (!slot.deflate) slot.data = second();
            } else {
                slot.data = entry.make ? entry.make() : std::string();
            }
        } catch (...) {
            slot.thrown = std::current_exception();
            return;
        }
        if (!slot.deflate) {
            slot.size = slot.data.size();
            return;
        }
        // The piece alone (on whichever thread runs it) touches data, size,
        // crc, comp_size, zlib_failed and (in a second step) thrown until
        // the deflater says it is done.
        slot.pushed = true;
        slot.piece = deflater_.push([&slot, second = std::move(second)] {
            if (second) {
                try {
                    slot.data = second();
                } catch (...) {
                    slot.thrown = std::current_exception();
                    return;
                }
            }
            slot.size = slot.data.size();
            // Raw DEFLATE, as a ZIP entry holds it.
            slot.crc = crc32_of(slot.data);
            std::optional<std::string> bytes =
                deflated(slot.data, DeflateFormat::raw, zip_deflate_level);
            if (!bytes) {
                slot.zlib_failed = true;
                return;
            }
            slot.data = std::move(*bytes);
            slot.comp_size = slot.data.size();
        });
    }

    const std::vector<ZipEntry>& entries_;
    std::vector<Slot> slots_;
    std::size_t next_ = 0;  // the next entry to make
    BackgroundWork deflater_;
};

std::string libzip_message(zip_error_t* error) {
    std::string message = lz().zip_error_strerror(error);
    lz().zip_error_fini(error);
    return message;
}

}  // namespace

struct ZipWriter::Impl {
    ArchiveStore store;
    zip_source_t* source = nullptr;
    DosTime time;
    int sessions = 0;
    bool broken = false;
    std::string error;

    bool fail(std::string what) {
        error = std::move(what);
        broken = true;
        return false;
    }
};

ZipWriter::ZipWriter(const std::filesystem::path& file, long long timestamp)
    : impl_(new Impl{ArchiveStore(file), nullptr, dos_time(timestamp), 0, false, {}}) {}

ZipWriter::ZipWriter(long long timestamp)
    : impl_(new Impl{ArchiveStore(), nullptr, dos_time(timestamp), 0, false, {}}) {}

ZipWriter::~ZipWriter() {
    if (impl_->source) lz().zip_source_free(impl_->source);
}

const std::string& ZipWriter::error() const {
    return impl_->error;
}

bool ZipWriter::write(const std::vector<ZipEntry>& entries) {
    Impl& w = *impl_;
    if (w.broken) return false;
    if (!lz().error.empty()) return w.fail(lz().error);
    if (w.sessions == 0) {
        if (std::string failed = w.store.open(); !failed.empty()) return w.fail(failed);
        zip_error_t error;
        lz().zip_error_init(&error);
        w.source = lz().zip_source_function_create(&ArchiveStore::callback, &w.store, &error);
        if (!w.source) return w.fail("cannot start the archive: " + libzip_message(&error));
        lz().zip_error_fini(&error);
    }
    zip_error_t error;
    lz().zip_error_init(&error);
    // The archive drops a reference when it is closed or discarded; the
    // source lives on for the next session.
    lz().zip_source_keep(w.source);
    zip_t* archive = open_from_source(w.source, w.sessions == 0 ? ZIP_TRUNCATE : 0, &error);
    if (!archive) {
        lz().zip_source_free(w.source);
        return w.fail("cannot open the archive: " + libzip_message(&error));
    }
    lz().zip_error_fini(&error);
    ++w.sessions;

    Session session(entries, usable_cores() > 1);
    auto give_up = [&](const std::string& what) {
        std::string message = what + ": " + lz().zip_strerror(archive);
        lz().zip_discard(archive);
        return w.fail(message);
    };
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const ZipEntry& entry = entries[k];
        zip_source_t* data = lz().zip_source_function(archive, &Session::callback, session.user(k));
        if (!data) return give_up("cannot add '" + entry.name + "'");
        zip_int64_t index = lz().zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            lz().zip_source_free(data);
            return give_up("cannot add '" + entry.name + "'");
        }
        auto i = static_cast<zip_uint64_t>(index);
        const bool deflate = entry.method == ZipMethod::deflated;
        constexpr zip_uint32_t regular_file_0644 = 0100644u << 16;
        bool ok =
            lz().zip_set_file_compression(archive, i, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                     deflate ? zip_deflate_level : 0) == 0 &&
            lz().zip_file_set_dostime(archive, i, w.time.time, w.time.date, 0) == 0 &&
            lz().zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, regular_file_0644) ==
                0;
        if (!ok) return give_up("cannot set the properties of '" + entry.name + "'");
    }
    // The entries' bytes are made here, in order (Session).
    if (lz().zip_close(archive) != 0) {
        std::string message = "cannot write " +
                              (w.store.in_memory() ? std::string("the archive")
                                                   : w.store.file().string()) +
                              ": " + lz().zip_strerror(archive);
        lz().zip_discard(archive);
        if (std::exception_ptr thrown = session.thrown()) std::rethrow_exception(thrown);
        return w.fail(message);
    }
    return true;
}

bool ZipWriter::finish() {
    if (impl_->broken) return false;
    if (std::string failed = impl_->store.close(); !failed.empty()) return impl_->fail(failed);
    return true;
}

std::string ZipWriter::take_bytes() {
    return impl_->store.take_bytes();
}

}  // namespace pamphlet::epub

namespace pamphlet {

void prepare_epub_writer() {
    (void)epub::lz();
}

}  // namespace pamphlet
