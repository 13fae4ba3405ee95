#include "scratch_files.hpp"

#include "pamphlet/job.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace pamphlet;
using namespace pamphlet::testing;
namespace fs = std::filesystem;

TEST_CASE("atomic writes replace the file and leave no temporary behind") {
    TempDir dir;
    fs::path file = dir.path / "book.epub";
    CHECK_FALSE(write_file_atomically(file, "first"));
    CHECK(slurp(file) == "first");
    CHECK_FALSE(write_file_atomically(file, std::string("second\0with nul", 15)));
    CHECK(slurp(file) == std::string("second\0with nul", 15));
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0044) != 0);  // readable by others, like any file the user makes
}

TEST_CASE("a failed atomic write keeps the old file") {
    if (::geteuid() == 0) return;  // root ignores permissions; the CLI test covers the rest
    TempDir dir;
    fs::path file = dir.path / "book.epub";
    REQUIRE_FALSE(write_file_atomically(file, "good"));
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK(write_file_atomically(file, "bad").has_value());
    CHECK(slurp(file) == "good");
}

TEST_CASE("a write into a missing folder fails with a message") {
    auto error = write_file_atomically("/nonexistent-folder-for-pamphlet/x.epub", "x");
    REQUIRE(error);
    CHECK(error->find("/nonexistent-folder-for-pamphlet") != std::string::npos);
}

TEST_CASE("the timestamp comes from SOURCE_DATE_EPOCH, the collection, the articles, or 1980") {
    Collection c;
    DiagnosticSink sink;
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(build_timestamp(c, sink) == 315532800);
    Edition e;
    Article a1, a2;
    a1.date = "2026-10-02";
    a2.date = "2026-11-01";
    e.articles = {a1, a2};
    c.editions.push_back(e);
    CHECK(build_timestamp(c, sink) == 1793491200);
    c.date = "2000-02-29";
    CHECK(build_timestamp(c, sink) == 951782400);
    ::setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    CHECK(build_timestamp(c, sink) == 1767225600);
    CHECK_FALSE(sink.has_errors());
    ::setenv("SOURCE_DATE_EPOCH", "-5", 1);
    CHECK_FALSE(build_timestamp(c, sink));
    CHECK(sink.has_errors());
    ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("the data folders are found from the build tree") {
    ProfilePaths paths = find_data_paths();
    REQUIRE(paths.layout_dirs.size() == 1);
    CHECK(fs::exists(paths.layout_dirs[0] / "a4-handout.yaml"));
    CHECK(fs::exists(paths.font_dirs[0] / "CharisSIL-Regular.ttf"));
}
