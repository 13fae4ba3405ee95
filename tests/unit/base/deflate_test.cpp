// base/deflate.hpp, read back by another implementation (zlib's inflate).
#include "pamphlet/base/deflate.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

using namespace pamphlet;

namespace {

std::string inflated(const std::string& compressed, DeflateFormat format, std::size_t size) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, format == DeflateFormat::raw ? -MAX_WBITS : MAX_WBITS) == Z_OK);
    std::string out(size + 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int status = inflate(&z, Z_FINISH);
    out.resize(z.total_out);
    inflateEnd(&z);
    CHECK(status == Z_STREAM_END);
    return out;
}

std::string prose(std::size_t words) {
    std::string text;
    for (std::size_t i = 0; i < words; ++i) {
        text += (i % 7 == 0) ? "Rückenschmerzen " : (i % 3 == 0) ? "Übungen, " : "und ";
    }
    return text;
}

}  // namespace

TEST_CASE("deflated text reads back whole, in both formats, and is smaller") {
    for (const std::string& text : {std::string(), std::string("x"), prose(20000)}) {
        for (DeflateFormat format : {DeflateFormat::raw, DeflateFormat::zlib}) {
            const std::optional<std::string> packed = deflated(text, format);
            REQUIRE(packed);
            CHECK(inflated(*packed, format, text.size()) == text);
            if (text.size() > 1000) CHECK(packed->size() < text.size() / 10);
        }
    }
}

TEST_CASE("the same text and level give the same bytes") {
    const std::string text = prose(5000);
    CHECK(*deflated(text, DeflateFormat::raw) == *deflated(text, DeflateFormat::raw));
    CHECK(*deflated(text, DeflateFormat::raw, 1) != *deflated(text, DeflateFormat::raw, 9));
}

TEST_CASE("the CRC-32 is the ZIP one") {
    CHECK(crc32_of("") == 0);
    CHECK(crc32_of("123456789") == 0xCBF43926u);  // the check value of CRC-32/ISO-HDLC
    const std::string text = prose(3000);
    CHECK(crc32_of(text) ==
          crc32(0, reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size())));
}

TEST_CASE("a zlib stream inflates exactly to the size asked for, or not at all") {
    const std::string text = prose(20000);
    const std::string packed = *deflated(text, DeflateFormat::zlib);
    const std::optional<UnzeroedScratchVector<char>> whole = inflated_exactly(packed, text.size());
    REQUIRE(whole);
    CHECK(std::string(whole->begin(), whole->end()) == text);
    // A buffer of huge pages, not zeroed first: every byte is the stream's.
    const std::string large = prose(400000);  // 2.9 MB
    const std::optional<UnzeroedScratchVector<char>> inflated =
        inflated_exactly(*deflated(large, DeflateFormat::zlib), large.size());
    REQUIRE(inflated);
    CHECK(std::string(inflated->begin(), inflated->end()) == large);
    CHECK_FALSE(inflated_exactly(packed, text.size() - 1));  // more than asked for
    CHECK_FALSE(inflated_exactly(packed, text.size() + 1));  // less
    CHECK_FALSE(inflated_exactly(packed.substr(0, packed.size() / 2), text.size()));
    std::string damaged = packed;
    damaged[damaged.size() - 2] = static_cast<char>(damaged[damaged.size() - 2] ^ 1);  // Adler-32
    CHECK_FALSE(inflated_exactly(damaged, text.size()));
    CHECK_FALSE(inflated_exactly(*deflated(text, DeflateFormat::raw), text.size()));  // not zlib
}
