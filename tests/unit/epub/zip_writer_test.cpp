// The streaming ZIP writer: entries made one at a time as libzip reaches
// them, sessions that append, stored and deflated entries, the same bytes
// in a file and in memory, and failures that say why.
#include "epub/epub_test_support.hpp"
#include "zip_writer.hpp"

#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <stdexcept>

using namespace pamphlet;
using namespace pamphlet::epub;
using namespace pamphlet::test;

namespace {

constexpr long long test_time = 1710244800;  // 2024-03-12T12:00:00Z

std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("pamphlet-zip-writer-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir / name;
}

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

long long size_on_disk(const std::filesystem::path& file) {
    struct stat st;
    return ::stat(file.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

// Text that deflates well, and bytes that do not (like a PNG's).
std::string text_of_size(std::size_t n) {
    std::string s;
    while (s.size() < n) s += "<p>Übungen für das Knie, täglich etwa 15 Minuten.</p>\n";
    s.resize(n);
    return s;
}

std::string noise_of_size(std::size_t n) {
    std::string s(n, '\0');
    unsigned state = 12345;
    for (char& c : s) {
        state = state * 1103515245u + 12345u;
        c = static_cast<char>(state >> 16);
    }
    return s;
}

ZipEntry entry(std::string name, ZipMethod method, std::string data) {
    return {std::move(name), method, [data = std::move(data)] { return data; }};
}

std::vector<ZipEntry> first_session() {
    std::vector<ZipEntry> entries;
    entries.push_back(entry("mimetype", ZipMethod::stored, "application/epub+zip"));
    entries.push_back(entry("EPUB/text/a.xhtml", ZipMethod::deflated, text_of_size(40000)));
    entries.push_back(entry("EPUB/text/b.xhtml", ZipMethod::deflated, text_of_size(70000)));
    return entries;
}

std::vector<ZipEntry> second_session() {
    std::vector<ZipEntry> entries;
    entries.push_back(entry("EPUB/images/photo.png", ZipMethod::stored, noise_of_size(30000)));
    entries.push_back(entry("EPUB/empty.txt", ZipMethod::deflated, ""));
    entries.push_back(entry("EPUB/package.opf", ZipMethod::deflated, text_of_size(3000)));
    return entries;
}

std::string write_in_memory() {
    ZipWriter zip(test_time);
    REQUIRE(zip.write(first_session()));
    REQUIRE(zip.write(second_session()));
    REQUIRE(zip.finish());
    return zip.take_bytes();
}

}  // namespace

TEST_CASE("entries of all sessions are read back in order, stored or deflated as asked") {
    const std::vector<ZipItem> items = unzip(write_in_memory());
    REQUIRE(items.size() == 6);
    CHECK(items[0].name == "mimetype");
    CHECK(items[0].method == ZIP_CM_STORE);
    CHECK(items[0].data == "application/epub+zip");
    CHECK(items[1].name == "EPUB/text/a.xhtml");
    CHECK(items[1].method == ZIP_CM_DEFLATE);
    CHECK(items[1].data == text_of_size(40000));
    CHECK(items[2].data == text_of_size(70000));
    CHECK(items[3].name == "EPUB/images/photo.png");
    CHECK(items[3].method == ZIP_CM_STORE);
    CHECK(items[3].data == noise_of_size(30000));
    CHECK(items[4].name == "EPUB/empty.txt");
    CHECK(items[4].data.empty());
    CHECK(items[5].name == "EPUB/package.opf");
    CHECK(items[5].data == text_of_size(3000));
}

TEST_CASE("no entry carries an extra field, and every one has the given time and mode") {
    const std::string bytes = write_in_memory();
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(source);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    zip_error_fini(&error);
    REQUIRE(archive);
    zip_stat_t first;
    REQUIRE(zip_stat_index(archive, 0, 0, &first) == 0);
    for (zip_uint64_t i = 0; i < 6; ++i) {
        CAPTURE(i);
        // A Zip64 field (sizes unknown when the entry is started) would show here.
        CHECK(zip_file_extra_fields_count(archive, i, ZIP_FL_LOCAL) == 0);
        CHECK(zip_file_extra_fields_count(archive, i, ZIP_FL_CENTRAL) == 0);
        zip_uint8_t system = 0;
        zip_uint32_t attributes = 0;
        REQUIRE(zip_file_get_external_attributes(archive, i, 0, &system, &attributes) == 0);
        CHECK(system == ZIP_OPSYS_UNIX);
        CHECK((attributes >> 16) == 0100644u);
        zip_stat_t st;
        REQUIRE(zip_stat_index(archive, i, 0, &st) == 0);
        CHECK(st.mtime == first.mtime);
    }
    zip_close(archive);
}

TEST_CASE("a file gets the same bytes as memory, twice, and Info-ZIP's unzip accepts it") {
    const std::string memory = write_in_memory();
    CHECK(write_in_memory() == memory);
    const auto file = scratch("same.zip");
    for (int run = 0; run < 2; ++run) {
        ZipWriter zip(file, test_time);
        REQUIRE(zip.write(first_session()));
        REQUIRE(zip.write(second_session()));
        REQUIRE(zip.finish());
        CHECK(read_all(file) == memory);
    }
    const std::string command = "unzip -tqq '" + file.string() + "'";
    CHECK(std::system(command.c_str()) == 0);
}

TEST_CASE("each entry is made at most a few entries before the archive writes it") {
    const auto file = scratch("streamed.zip");
    std::vector<long long> seen;
    std::vector<ZipEntry> entries;
    constexpr std::size_t count = 3 * (zip_entries_made_ahead + 1);
    constexpr std::size_t size = 256 * 1024;  // stored: this much on the disk each
    for (std::size_t i = 0; i < count; ++i) {
        entries.push_back({"image-" + std::to_string(i) + ".png", ZipMethod::stored, [&] {
                               seen.push_back(size_on_disk(file));
                               return noise_of_size(size);
                           }});
    }
    ZipWriter zip(file, test_time);
    REQUIRE(zip.write(entries));
    REQUIRE(zip.finish());
    REQUIRE(seen.size() == count);  // each asked for once, in order
    // Entry i is made once entry i - ahead - 1 is written: never more than
    // ahead + 1 entries are held, and what is gathered for the disk.
    constexpr std::size_t window = zip_entries_made_ahead + 1;
    for (std::size_t i = window; i < seen.size(); ++i) {
        CAPTURE(i);
        CHECK(seen[i] + static_cast<long long>(zip_gathered_bytes) >=
              static_cast<long long>((i - window + 1) * size));
    }
    CHECK(seen.back() > seen.front());
    CHECK(unzip(read_all(file)).size() == count);
}

TEST_CASE("an unwritable target is an error that names it") {
    const std::filesystem::path file = "/nonexistent-folder-for-pamphlet/book.epub";
    ZipWriter zip(file, test_time);
    CHECK_FALSE(zip.write(first_session()));
    CHECK(zip.error().find(file.string()) != std::string::npos);
    CHECK_FALSE(zip.write(second_session()));  // stays failed
    CHECK_FALSE(zip.finish());
}

TEST_CASE("a file-size limit fails the write with the system's reason") {
    const auto file = scratch("limited.zip");
    struct rlimit before;
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limited = before;
    limited.rlim_cur = 16 * 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    ZipWriter zip(file, test_time);
    std::vector<ZipEntry> entries;
    entries.push_back(entry("big.png", ZipMethod::stored, noise_of_size(64 * 1024)));
    const bool written = zip.write(entries);
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, old_handler);
    CHECK_FALSE(written);
    CHECK(zip.error().find(file.string()) != std::string::npos);
    CHECK(zip.error().find("File too large") != std::string::npos);
}

TEST_CASE("what making an entry throws reaches the caller") {
    ZipWriter zip(test_time);
    std::vector<ZipEntry> entries = first_session();
    entries.push_back({"broken.xhtml", ZipMethod::deflated,
                       []() -> std::string { throw std::runtime_error("no page"); }});
    CHECK_THROWS_WITH_AS(zip.write(entries), "no page", std::runtime_error);
}

TEST_CASE("an entry made in two steps gives the bytes made in one, steps in entry order") {
    ZipWriter one_step(test_time);
    REQUIRE(one_step.write(first_session()));
    REQUIRE(one_step.finish());

    // The second steps run on the deflating thread, one at a time, in entry
    // order; the first ones on the writer's thread, before their second.
    std::vector<std::string> order;
    std::mutex mutex;
    auto note = [&](std::string what) {
        const std::lock_guard<std::mutex> lock(mutex);
        order.push_back(std::move(what));
    };
    std::vector<ZipEntry> entries;
    for (ZipEntry& plain : first_session()) {
        if (plain.method == ZipMethod::stored) {
            entries.push_back(std::move(plain));
            continue;
        }
        const std::string name = plain.name;
        entries.push_back(ZipEntry::in_steps(name, [&note, name, make = plain.make] {
            note("first " + name);
            std::string bytes = make();
            return std::function<std::string()>([&note, name, bytes] {
                note("second " + name);
                return bytes;
            });
        }));
    }
    ZipWriter two_steps(test_time);
    REQUIRE(two_steps.write(entries));
    REQUIRE(two_steps.finish());
    CHECK(two_steps.take_bytes() == one_step.take_bytes());
    std::vector<std::string> seconds;
    for (const std::string& step : order)
        if (step.starts_with("second ")) seconds.push_back(step.substr(7));
    CHECK(seconds == std::vector<std::string>{"EPUB/text/a.xhtml", "EPUB/text/b.xhtml"});
    for (const std::string& name : seconds) {
        const auto first = std::find(order.begin(), order.end(), "first " + name);
        const auto second = std::find(order.begin(), order.end(), "second " + name);
        CHECK(first < second);
    }
}

TEST_CASE("what a second step throws reaches the caller") {
    ZipWriter zip(test_time);
    std::vector<ZipEntry> entries = first_session();
    entries.push_back(ZipEntry::in_steps("broken.xhtml", [] {
        return std::function<std::string()>(
            []() -> std::string { throw std::runtime_error("no page, later"); });
    }));
    CHECK_THROWS_WITH_AS(zip.write(entries), "no page, later", std::runtime_error);
}
