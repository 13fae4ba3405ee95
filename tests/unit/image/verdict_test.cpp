// One verdict per image: hostile headers, damaged files, GIF and SVG.
#include "image_formats.hpp"

#include "pamphlet/base/limits.hpp"
#include "pamphlet/diagnostics.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace pamphlet;
using namespace std::string_literals;

namespace {

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string u32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

// A PNG chunk; `claimed` overrides the length it states.
std::string chunk(const std::string& type, const std::string& data,
                  std::optional<std::uint32_t> claimed = std::nullopt) {
    const std::string body = type + data;
    return u32(claimed.value_or(static_cast<std::uint32_t>(data.size()))) + body + u32(crc32(body));
}

const std::string signature = "\x89PNG\r\n\x1A\n"s;

std::string ihdr(std::uint32_t width, std::uint32_t height) {
    return chunk("IHDR", u32(width) + u32(height) + "\x08\x02\x00\x00\x00"s);
}

// 8×4 pixels of three colours, the second transparent; LZW of literal codes
// (clear, 32 codes at the widths a decoder expects, end), as
// tests/collections/make_image_cases.py writes it.
std::string strip_gif(bool transparent, bool interlaced = false) {
    std::string gif = "GIF89a\x08\x00\x04\x00\x81\x00\x00"s;
    gif += "\xC8\x1E\x1E\x1E\x1E\xC8\xFF\xFF\xFF\x00\x00\x00"s;  // 4 colours
    if (transparent) gif += "!\xF9\x04\x01\x00\x00\x01\x00"s;
    gif += ",\x00\x00\x00\x00\x08\x00\x04\x00"s;
    gif += interlaced ? "\x40\x02"s : "\x00\x02"s;
    // Bit writer for the codes.
    std::string data;
    std::uint32_t bits = 0;
    int count = 0, size = 3, next = 6;
    bool first = true;
    auto emit = [&](int code) {
        bits |= static_cast<std::uint32_t>(code) << count;
        count += size;
        while (count >= 8) {
            data += static_cast<char>(bits & 0xFF);
            bits >>= 8;
            count -= 8;
        }
    };
    emit(4);
    // Interlaced: rows 0 (pass 1), 2 (pass 3), 1 and 3 (pass 4).
    const int rows[4] = {0, interlaced ? 2 : 1, interlaced ? 1 : 2, 3};
    for (int y : rows) {
        for (int x = 0; x < 8; ++x) {
            emit((x + y) % 3);
            if (first) {
                first = false;
            } else if (++next == (1 << size) && size < 12) {
                ++size;
            }
        }
    }
    emit(5);
    if (count > 0) data += static_cast<char>(bits & 0xFF);
    gif += static_cast<char>(data.size()) + data + "\x00;"s;
    return gif;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("formats are told by their first bytes, not by names") {
    using image_detail::detect_format;
    using image_detail::Format;
    CHECK(detect_format("\x89PNG\r\n\x1A\n...."s) == Format::png);
    CHECK(detect_format("\xFF\xD8\xFF\xE0..JFIF"s) == Format::jpeg);
    CHECK(detect_format("GIF89a...."s) == Format::gif);
    CHECK(detect_format("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- made by hand -->\n"
                        "<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"s) ==
          Format::svg);
    CHECK(detect_format("RIFF\x1A\0\0\0WEBPVP8L"s) == Format::webp);
    CHECK(detect_format("BM\x36\x00"s) == Format::unknown);
    CHECK(detect_format("<html><svg/></html>"s) == Format::unknown);
    CHECK(detect_format("") == Format::unknown);

    const ImageVerdict webp = judge_image_bytes("RIFF\x1A\0\0\0WEBPVP8L"s);
    CHECK(webp.status == ImageVerdict::Status::unusable);
    CHECK(webp.problem.starts_with("WebP is not a format every e-book reader shows"));
}

TEST_CASE("a PNG header that claims too many pixels is over the limit before anything is made") {
    const auto start = std::chrono::steady_clock::now();
    // 177 bytes that claim 29999 × 29999: refused at IHDR.
    const std::string huge =
        signature + ihdr(29999, 29999) + chunk("IDAT", std::string(120, 'x')) + chunk("IEND", "");
    const ImageVerdict verdict = judge_image_bytes(huge);
    CHECK(verdict.status == ImageVerdict::Status::over_limit);
    CHECK(verdict.problem ==
          "is 29,999 × 29,999 pixels (899 megapixels); pamphlet takes at most 100 megapixels");
    CHECK_FALSE(verdict.decoded);

    const ImageVerdict wide = judge_image_bytes(signature + ihdr(40000, 10) + chunk("IEND", ""));
    CHECK(wide.status == ImageVerdict::Status::over_limit);
    CHECK(wide.problem == "is 40,000 × 10 pixels; pamphlet takes at most 30,000 pixels a side");

    // 12000 × 12000 is within each side, over the pixels.
    CHECK(judge_image_bytes(signature + ihdr(12000, 12000) + chunk("IEND", "")).status ==
          ImageVerdict::Status::over_limit);
    // Exactly at the limit is fine as far as the size goes (then it is truncated).
    CHECK(judge_image_bytes(signature + ihdr(10000, 10000) + chunk("IEND", "")).status ==
          ImageVerdict::Status::unusable);
    CHECK(seconds_since(start) < 1.0);
}

TEST_CASE("a PNG chunk is checked against the file and the chunk limit before libpng reads it") {
    // A real text chunk over the limit (made before the clock starts).
    const std::string big =
        signature + ihdr(1, 1) +
        chunk("tEXt", "Comment\0"s + std::string(limits::png_chunk_bytes, 'x')) + chunk("IEND", "");
    const auto start = std::chrono::steady_clock::now();
    // 154 bytes whose tEXt chunk claims 1.9 GB: a damaged file.
    std::string claim =
        signature + ihdr(1, 1) + chunk("tEXt", "Comment\0"s + std::string(200, 'x'), 0x71C71C71u);
    claim.resize(154);
    const ImageVerdict truncated = judge_image_bytes(claim);
    CHECK(truncated.status == ImageVerdict::Status::unusable);
    CHECK(
        truncated.problem ==
        "corrupt PNG: its 'tEXt' chunk claims 1,908,874,353 bytes, more than the rest of the file "
        "(truncated?)");

    // The real one over the limit: refused, not read.
    const ImageVerdict over = judge_image_bytes(big);
    CHECK(over.status == ImageVerdict::Status::over_limit);
    CHECK(over.problem == "has a 'tEXt' chunk of 8 MiB; pamphlet reads at most 8 MiB in one chunk");
    CHECK(seconds_since(start) < 1.0);
}

TEST_CASE("a PNG of no pixels is unusable") {
    const ImageVerdict empty = judge_image_bytes(signature + ihdr(0, 0) + chunk("IEND", ""));
    CHECK(empty.status == ImageVerdict::Status::unusable);
    CHECK(empty.problem == "corrupt PNG: it is 0 × 0 pixels");
}

TEST_CASE("a GIF is decoded to its last frame's end; the first frame is what a PDF places") {
    const ImageVerdict verdict = judge_image_bytes(strip_gif(true), PixelNeed::always);
    INFO(verdict.problem);
    REQUIRE(verdict.usable());
    CHECK(verdict.media_type() == "image/gif");
    REQUIRE(verdict.decoded);
    const DecodedImage& image = *verdict.decoded;
    CHECK(image.info.width == 8);
    CHECK(image.info.height == 4);
    CHECK(image.color_space == DecodedImage::ColorSpace::rgb);
    REQUIRE(image.data.size() == 8 * 4 * 3);
    REQUIRE(image.alpha.size() == 8 * 4);
    for (int y = 0; y < 4; ++y) {
        for (int x = 0; x < 8; ++x) {
            CAPTURE(x);
            CAPTURE(y);
            const int index = (x + y) % 3;
            const int at = y * 8 + x;
            CHECK(static_cast<unsigned char>(image.alpha[at]) == (index == 1 ? 0 : 255));
            if (index == 0) CHECK(static_cast<unsigned char>(image.data[at * 3]) == 0xC8);
            if (index == 2) CHECK(static_cast<unsigned char>(image.data[at * 3 + 1]) == 0xFF);
        }
    }
    const ImageVerdict opaque = judge_image_bytes(strip_gif(false));
    REQUIRE(opaque.decoded);
    CHECK(opaque.decoded->alpha.empty());
    const ImageVerdict interlaced = judge_image_bytes(strip_gif(false, true));
    REQUIRE(interlaced.decoded);
    CHECK(interlaced.decoded->data == opaque.decoded->data);
}

TEST_CASE("a truncated or damaged GIF is unusable") {
    const std::string gif = strip_gif(false);
    CHECK(judge_image_bytes(gif.substr(0, gif.size() - 1)).problem ==
          "corrupt GIF: the file ends before its trailer (truncated)");
    CHECK(judge_image_bytes(gif.substr(0, gif.size() - 12)).problem ==
          "corrupt GIF: the file ends in a frame (truncated)");
    std::string damaged = gif;
    const std::size_t data = gif.find(",\x00\x00\x00\x00\x08"s) + 10 + 2;
    damaged[data + 1] = '\xFF';  // codes beyond the table
    CHECK(judge_image_bytes(damaged).problem ==
          "corrupt GIF: the data of frame 1 ends before its last pixel or is damaged");
    // A frame claiming more pixels than the limit is refused before it is decoded.
    std::string huge = gif;
    huge[6] = huge[7] = huge[8] = huge[9] = '\xFF';
    CHECK(judge_image_bytes(huge).status == ImageVerdict::Status::over_limit);
}

TEST_CASE("an SVG loses scripts, handlers and references to other files, and says so") {
    const std::string svg =
        R"x(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" )x"
        R"x(onload="alert(1)"><script>alert(2)</script><defs><circle id="c" r="3"/></defs>)x"
        R"x(<use xlink:href="#c"/><image xlink:href="https://example.org/t.png"/>)x"
        R"x(<image href="data:image/png;base64,AAAA"/>)x"
        R"x(<rect style="fill:url(http://example.org/p.svg#x)" ONCLICK="x()"/>)x"
        R"x(<a href="https://example.org/">link</a>)x"
        R"x(<set attributeName="href" to="javascript:alert(3)"/>)x"
        R"x(<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>)x";
    const ImageVerdict verdict = judge_image_bytes(svg);
    REQUIRE(verdict.usable());
    CHECK(verdict.media_type() == "image/svg+xml");
    CHECK_FALSE(verdict.decoded);
    for (const char* gone : {"script", "onload", "ONCLICK", "https://example.org", "foreignObject",
                             "javascript", "example.org/p.svg"}) {
        CAPTURE(gone);
        CHECK(verdict.svg.find(gone) == std::string::npos);
    }
    CHECK(verdict.svg.find(R"x(<use xlink:href="#c")x") != std::string::npos);
    CHECK(verdict.svg.find("data:image/png;base64,AAAA") != std::string::npos);
    CHECK(verdict.svg.find("<a>link</a>") != std::string::npos);
    CHECK(verdict.svg_removed ==
          "<foreignObject>, <image> of another file, <script>, <set> of a link or handler, "
          "a link to 'https://example.org/', the attribute 'ONCLICK', the attribute 'onload', "
          "the attribute 'style', which loads another file");

    const std::string clean = R"x(<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>)x";
    CHECK(judge_image_bytes(clean).svg_removed.empty());
    const ImageVerdict broken =
        judge_image_bytes(R"x(<svg xmlns="http://www.w3.org/2000/svg"><g>)x");
    CHECK(broken.status == ImageVerdict::Status::unusable);
    CHECK(broken.problem.starts_with("corrupt SVG: "));
}

TEST_CASE("both outputs say the same about an image that is not used") {
    DiagnosticSink sink;
    const SourceSpan span = SourceSpan::at("a.de.md", 3, 1);
    CHECK_FALSE(
        report_image_verdict(image_detail::unusable("corrupt GIF: x"), "a.gif", span, sink));
    CHECK_FALSE(report_image_verdict(image_detail::over_limit("is too big"), "b.png", span, sink));
    REQUIRE(sink.diagnostics().size() == 2);
    CHECK(sink.diagnostics()[0].severity == Severity::warning);
    CHECK(sink.diagnostics()[0].message ==
          "image 'a.gif' cannot be used (corrupt GIF: x); its alt text is shown instead");
    CHECK(sink.diagnostics()[1].severity == Severity::error);
    CHECK(sink.diagnostics()[1].code == "image-too-large");
    CHECK(sink.diagnostics()[1].message == "image 'b.png' is too big; make it smaller");
}

TEST_CASE("a GIF from a real encoder decodes to the pixels of its PNG twin") {
    // A plasma of 200 colours, transparent outside a circle, once as GIF with
    // a transparent colour and once as PNG with alpha (make_gif_fixtures.sh,
    // ImageMagick): LZW with string codes and table growth, as encoders write it.
    const auto dir = std::filesystem::path(PAMPHLET_TEST_DIR) / "unit/image/data";
    const ImageVerdict gif = judge_image(dir / "plasma_32.gif", PixelNeed::always);
    const ImageVerdict png = judge_image(dir / "plasma_32.png", PixelNeed::always);
    INFO(gif.problem);
    REQUIRE(gif.decoded);
    REQUIRE(png.decoded);
    CHECK(gif.info.width == 32);
    CHECK(gif.info.height == 32);
    REQUIRE(gif.decoded->alpha.size() == 32 * 32);
    REQUIRE(png.decoded->alpha.size() == 32 * 32);
    int opaque = 0;
    for (std::size_t i = 0; i < 32 * 32; ++i) {
        CAPTURE(i);
        const bool gif_opaque = static_cast<unsigned char>(gif.decoded->alpha[i]) == 255;
        CHECK(gif_opaque == (static_cast<unsigned char>(png.decoded->alpha[i]) >= 128));
        if (!gif_opaque || static_cast<unsigned char>(png.decoded->alpha[i]) != 255) continue;
        ++opaque;
        // The GIF's 256 colours are the PNG's, rounded: a few units apart.
        for (std::size_t c = 0; c < 3; ++c) {
            const int a = static_cast<unsigned char>(gif.decoded->data[i * 3 + c]);
            const int b = static_cast<unsigned char>(png.decoded->data[i * 3 + c]);
            CHECK(std::abs(a - b) <= 8);
        }
    }
    CHECK(opaque > 500);
}
