#include "pamphlet/base/files.hpp"
#include "pamphlet/base/strings.hpp"
#include "pamphlet/base/utf8.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>

#include <sys/stat.h>

using namespace pamphlet;

namespace {

std::u32string decode_all(std::string_view text) {
    std::u32string out;
    utf8::for_each(text, [&](char32_t c) { out += c; });
    return out;
}

}  // namespace

TEST_CASE("UTF-8 decodes every length and round-trips") {
    const std::string text = "A\xC3\xA4\xE2\x80\x9E\xF0\x9F\x98\x80";  // A ä „ 😀
    CHECK(decode_all(text) == U"A\u00E4\u201E\U0001F600");
    std::string back;
    for (char32_t c : decode_all(text)) utf8::append(back, c);
    CHECK(back == text);
}

TEST_CASE("ill-formed UTF-8 becomes U+FFFD, one per maximal invalid prefix") {
    std::size_t pos = 0;
    bool valid = true;
    CHECK(utf8::decode("\xFF", pos, valid) == utf8::replacement_character);
    CHECK_FALSE(valid);
    CHECK(pos == 1);
    CHECK(decode_all("\xC0\xAF") == U"\uFFFD\uFFFD");            // overlong
    CHECK(decode_all("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");  // surrogate
    CHECK(decode_all("\xE2\x80"
                     "x") == U"\uFFFDx");                                  // truncated: one U+FFFD
    CHECK(decode_all("\xF4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");  // beyond U+10FFFF
}

TEST_CASE("eight bytes at once: each byte value, at each place, flagged exactly when it counts") {
    namespace eight = utf8::eight;
    for (std::size_t place = 0; place < eight::size; ++place) {
        for (int value = 0; value < 256; ++value) {
            std::string bytes = "abcdefgh";
            bytes[place] = static_cast<char>(value);
            const std::uint64_t x = eight::load(bytes.data());
            const std::uint64_t odd = eight::not_printable_ascii(x);
            CHECK((odd != 0) == (value < 0x20 || value >= 0x7F));
            if (odd != 0) CHECK(eight::before_first(odd) == place);
            const std::uint64_t amp = eight::equal(x, '&');
            CHECK((amp != 0) == (value == '&'));
            if (amp != 0) CHECK(eight::before_first(amp) == place);
            // A second byte that counts, later on: the first is still found
            // (a borrow may flag bytes after the first, never before it).
            if (place + 1 < eight::size && odd != 0) {
                for (const char later : {'\x01', '\x7F', '\x80', '\xFF', '\x20'}) {
                    bytes[place + 1] = later;
                    CHECK(eight::before_first(
                              eight::not_printable_ascii(eight::load(bytes.data()))) == place);
                }
            }
        }
    }
}

TEST_CASE("join") {
    CHECK(join({}) == "");
    CHECK(join({"de"}) == "de");
    CHECK(join({"de", "en", "fr"}) == "de, en, fr");
    CHECK(join({"a", "b"}, " | ") == "a | b");
}

TEST_CASE("read_file returns the bytes, or nothing") {
    auto path = std::filesystem::temp_directory_path() / "pamphlet-base-test.bin";
    std::ofstream(path, std::ios::binary) << std::string("a\0b\n", 4);
    CHECK(read_file(path) == std::string("a\0b\n", 4));
    std::string large(300'001, 'x');
    for (std::size_t i = 0; i < large.size(); i += 7) large[i] = static_cast<char>(i % 251);
    std::ofstream(path, std::ios::binary) << large;
    CHECK(read_file(path) == large);
    std::ofstream(path, std::ios::binary).flush();  // empty
    CHECK(read_file(path) == std::string());
    std::filesystem::remove(path);
    CHECK_FALSE(read_file(path));
    CHECK_FALSE(read_file(std::filesystem::temp_directory_path()));  // a folder is not a file
    // A file longer than its size says (Linux gives /proc's files size 0)
    // is read on to its end.
    const std::optional<std::string> status = read_file("/proc/self/status");
    REQUIRE(status);
    CHECK(status->starts_with("Name:"));
    CHECK(status->ends_with("\n"));
    CHECK(status->find("\nPid:") != std::string::npos);
}

TEST_CASE("read_file_limited looks at the size before it reads") {
    auto path = std::filesystem::temp_directory_path() / "pamphlet-base-limited.bin";
    std::ofstream(path, std::ios::binary) << std::string(100, 'x');
    FileRead fits = read_file_limited(path, 100);
    CHECK(fits.ok());
    CHECK(fits.bytes == std::string(100, 'x'));
    FileRead over = read_file_limited(path, 99);
    CHECK(over.problem == FileRead::Problem::too_large);
    CHECK(over.size == 100);
    CHECK(over.bytes.empty());
    // A sparse 3 GB file: refused without being read.
    std::filesystem::resize_file(path, 3'000'000'000ull);
    FileRead huge = read_file_limited(path, 8u << 20);
    CHECK(huge.problem == FileRead::Problem::too_large);
    CHECK(describe_problem(huge, 8u << 20) == "is larger than pamphlet's limit of 8 MiB (2861 MiB)");
    std::filesystem::remove(path);
    CHECK(read_file_limited(path, 10).problem == FileRead::Problem::missing);
    CHECK(read_file_limited(std::filesystem::temp_directory_path(), 10).problem ==
          FileRead::Problem::not_a_file);
    // A named pipe is not a file, and is never opened (opening it would wait
    // for a writer).
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    CHECK(read_file_limited(path, 10).problem == FileRead::Problem::not_a_file);
    CHECK_FALSE(read_file(path));
    CHECK_FALSE(read_file_in_blocks(path, [](std::string_view) {}));
    std::filesystem::remove(path);
}

TEST_CASE("read_file_in_blocks hands over every byte, a block at a time") {
    const auto path = std::filesystem::temp_directory_path() / "pamphlet-base-blocks.bin";
    std::string large(200'003, 'x');
    for (std::size_t i = 0; i < large.size(); i += 5) large[i] = static_cast<char>(i % 253);
    for (const std::string& content :
         {std::string(), std::string("abc"), large, std::string(std::size_t{1} << 16, 'y')}) {
        std::ofstream(path, std::ios::binary) << content;
        std::string got;
        int blocks = 0;
        CHECK(read_file_in_blocks(path, [&](std::string_view bytes) {
            got += bytes;
            ++blocks;
        }));
        CHECK(got == content);
        CHECK(blocks <= static_cast<int>(content.size() / (1 << 16)) + 1);
    }
    std::filesystem::remove(path);
    CHECK_FALSE(read_file_in_blocks(path, [](std::string_view) {}));  // missing
    CHECK_FALSE(read_file_in_blocks(std::filesystem::temp_directory_path(),
                                    [](std::string_view) {}));  // a folder
}
