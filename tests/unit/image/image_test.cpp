#include "pamphlet/image.hpp"

#include "pamphlet/base/deflate.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace pamphlet;

namespace {

const std::filesystem::path data_dir = std::filesystem::path(PAMPHLET_TEST_DIR) / "unit/image/data";

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A scratch file next to the build, for damaged copies of the fixtures.
std::filesystem::path scratch_file(const std::string& name, const std::string& bytes) {
    const auto dir = std::filesystem::temp_directory_path() / "pamphlet-image-test";
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::vector<int> samples(const std::string& bytes) {
    std::vector<int> result;
    for (char c : bytes) result.push_back(static_cast<unsigned char>(c));
    return result;
}

DecodedImage decoded(const std::string& name) {
    ImageVerdict result = judge_image(data_dir / name, PixelNeed::always);
    INFO(name << ": " << result.problem);
    REQUIRE(result.decoded);
    return *result.decoded;
}

}  // namespace

TEST_CASE("probing a PNG reads its size and pHYs resolution") {
    ImageVerdict probe = judge_image(data_dir / "rgba8.png");
    REQUIRE(probe.usable());
    CHECK(probe.info.format == ImageInfo::Format::png);
    CHECK(probe.media_type() == "image/png");
    CHECK(probe.info.width == 3);
    CHECK(probe.info.height == 2);
    CHECK(probe.info.dpi_x == doctest::Approx(300).epsilon(0.001));
    CHECK(probe.info.dpi_y == doctest::Approx(300).epsilon(0.001));

    ImageVerdict without_phys = judge_image(data_dir / "rgb8.png");
    REQUIRE(without_phys.usable());
    CHECK(without_phys.info.dpi_x == 0);
}

TEST_CASE("RGBA is split into colour samples and a soft mask") {
    DecodedImage image = decoded("rgba8.png");
    CHECK(image.color_space == DecodedImage::ColorSpace::rgb);
    CHECK(image.bits_per_component == 8);
    CHECK_FALSE(image.is_dct);
    CHECK(samples(image.data) ==
          std::vector<int>{255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90});
    CHECK(samples(image.alpha) == std::vector<int>{255, 128, 0, 255, 255, 255});
}

TEST_CASE("an opaque image has no soft mask") {
    DecodedImage image = decoded("rgb8.png");
    CHECK(samples(image.data) == std::vector<int>{1, 2, 3, 4, 5, 6});
    CHECK(image.alpha.empty());
}

TEST_CASE("gray with alpha stays gray") {
    DecodedImage image = decoded("gray_alpha.png");
    CHECK(image.color_space == DecodedImage::ColorSpace::gray);
    CHECK(samples(image.data) == std::vector<int>{0, 100, 200, 255});
    CHECK(samples(image.alpha) == std::vector<int>{255, 50, 0, 255});
}

TEST_CASE("16-bit samples are cut to their high byte, without gamma conversion") {
    DecodedImage image = decoded("rgb16.png");
    CHECK(samples(image.data) == std::vector<int>{0xFF, 0x80, 0x01, 0x12, 0x56, 0x9A});
}

TEST_CASE("1-bit gray is expanded to 8 bits") {
    DecodedImage image = decoded("gray1.png");
    CHECK(samples(image.data) == std::vector<int>{255, 0, 255, 255, 0, 0, 255, 255, 255, 0});
}

TEST_CASE("a palette with tRNS becomes RGB with a soft mask") {
    DecodedImage image = decoded("palette_trns.png");
    CHECK(image.color_space == DecodedImage::ColorSpace::rgb);
    CHECK(samples(image.data) == std::vector<int>{255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 0, 0});
    CHECK(samples(image.alpha) == std::vector<int>{0, 255, 255, 0});
}

TEST_CASE("an interlaced PNG is de-interlaced") {
    DecodedImage image = decoded("interlaced.png");
    REQUIRE(image.data.size() == 25);
    for (int y = 0; y < 5; ++y) {
        for (int x = 0; x < 5; ++x) {
            CHECK(static_cast<unsigned char>(image.data[y * 5 + x]) == 10 * y + x);
        }
    }
}

TEST_CASE("JPEG: baseline, progressive, gray and Adobe CMYK are embedded as they are") {
    ImageVerdict probe = judge_image(data_dir / "baseline.jpg");
    REQUIRE(probe.usable());
    CHECK(probe.info.format == ImageInfo::Format::jpeg);
    CHECK(probe.extension() == ".jpg");
    CHECK(probe.info.width == 16);
    CHECK(probe.info.height == 12);
    CHECK(probe.info.dpi_x == 150);

    DecodedImage baseline = decoded("baseline.jpg");
    CHECK(baseline.is_dct);
    CHECK(baseline.color_space == DecodedImage::ColorSpace::rgb);
    CHECK(baseline.data == read_bytes(data_dir / "baseline.jpg"));

    DecodedImage progressive = decoded("progressive.jpg");
    CHECK(progressive.info.width == 16);
    CHECK(progressive.color_space == DecodedImage::ColorSpace::rgb);

    CHECK(decoded("gray.jpg").color_space == DecodedImage::ColorSpace::gray);

    DecodedImage cmyk = decoded("cmyk.jpg");
    CHECK(cmyk.color_space == DecodedImage::ColorSpace::cmyk);
    CHECK(cmyk.inverted_cmyk);
}

TEST_CASE("a text file named .png is not an image") {
    const auto path = scratch_file("notes.png", "Just some text, not a picture.\n");
    ImageVerdict verdict = judge_image(path);
    CHECK(verdict.status == ImageVerdict::Status::unusable);
    CHECK(verdict.problem == "not an image in a format pamphlet takes: PNG, JPEG, GIF or SVG");
    CHECK_FALSE(verdict.decoded);
}

TEST_CASE("a missing file is reported, not thrown") {
    const ImageVerdict verdict = judge_image(data_dir / "absent.png");
    CHECK(verdict.status == ImageVerdict::Status::unusable);
    CHECK(verdict.problem == "the file does not exist");
}

TEST_CASE("truncated and corrupt files are unusable") {
    auto problem_of = [](const std::filesystem::path& file) {
        const ImageVerdict verdict = judge_image(file);
        CHECK(verdict.status == ImageVerdict::Status::unusable);
        CHECK_FALSE(verdict.decoded);
        return verdict.problem;
    };
    const std::string png = read_bytes(data_dir / "gradient.png");
    const auto cut_png = scratch_file("cut.png", png.substr(0, png.size() / 2));
    CHECK(problem_of(cut_png).starts_with("corrupt PNG: "));

    const auto header_only = scratch_file("header.png", png.substr(0, 12));
    CHECK(problem_of(header_only) == "corrupt PNG: it does not start with an IHDR chunk");

    std::string bad_crc = read_bytes(data_dir / "rgb8.png");
    bad_crc[20] = static_cast<char>(bad_crc[20] ^ 0x55);  // the height, inside IHDR
    CHECK(problem_of(scratch_file("crc.png", bad_crc)) == "corrupt PNG: IHDR: CRC error");

    const std::string jpeg = read_bytes(data_dir / "photo.jpg");
    const auto cut_jpeg = scratch_file("cut.jpg", jpeg.substr(0, jpeg.size() - 40));
    CHECK(problem_of(cut_jpeg) == "corrupt JPEG: the file ends before its end-of-image marker");

    const auto header_only_jpeg = scratch_file("cut-after-30-bytes.jpg", jpeg.substr(0, 30));
    CHECK(problem_of(header_only_jpeg).starts_with("corrupt JPEG: "));
}

TEST_CASE("only opaque 8-bit gray or RGB PNGs that are not interlaced keep their own zlib stream") {
    const std::string rgb = read_bytes(data_dir / "rgb8.png");
    const DecodedImage opaque = decoded("rgb8.png");
    CHECK_FALSE(opaque.png_stream.empty());
    CHECK(rgb.find(opaque.png_stream) != std::string::npos);  // the IDAT data, as it is
    CHECK(opaque.data.size() == 6);                           // and the pixels as well
    for (const char* name : {"rgba8.png", "gray_alpha.png", "rgb16.png", "gray1.png",
                             "palette_trns.png", "interlaced.png"}) {
        CAPTURE(name);
        CHECK(decoded(name).png_stream.empty());
    }
}

TEST_CASE("the image store reads and judges a file once for every thread that asks") {
    ImageStore store;
    const auto file = data_dir / "rgb8.png";
    std::vector<ImageHandle> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] { results[t] = store.load(file); });
    for (std::thread& thread : threads) thread.join();
    CHECK(store.reads() == 1);
    CHECK(store.decodes() == 1);
    for (const auto& result : results) CHECK(result == results.front());
    const ImageAsset& asset = *results.front();
    REQUIRE(asset.usable());
    CHECK(asset.has_pixels());
    CHECK_FALSE(asset.verdict().decoded);  // the verdict holds no pixels

    // The bytes the e-book packs are those read at load; every PDF's
    // pixels come from one decode of them, without reading the file again.
    CHECK(*asset.bytes() == read_bytes(file));
    std::vector<std::shared_ptr<const DecodedImage>> pixels(4);
    threads.clear();
    for (std::size_t t = 0; t < pixels.size(); ++t)
        threads.emplace_back([&, t] { pixels[t] = asset.pixels(); });
    for (std::thread& thread : threads) thread.join();
    for (const auto& p : pixels) CHECK(p == pixels.front());
    CHECK(store.reads() == 1);
    CHECK(store.decodes() == 2);
    // What a PDF writer takes: the file's own rows, not the pixels as well.
    REQUIRE(pixels.front());
    CHECK_FALSE(pixels.front()->png_stream.empty());
    CHECK(pixels.front()->data.empty());
    CHECK(pixels.front()->data.capacity() < 64);  // the pixels' memory given back

    const ImageHandle missing = store.load(data_dir / "no-such.png");
    CHECK_FALSE(missing->usable());
    CHECK_FALSE(missing->pixels());
    const ImageHandle rgba = store.load(data_dir / "rgba8.png");  // pixels and a mask, no stream
    REQUIRE(rgba->pixels());
    CHECK(rgba->pixels()->png_stream.empty());
    CHECK_FALSE(rgba->pixels()->data.empty());
    // The same file by another spelling of its path is the same asset.
    CHECK(store.load(data_dir / "." / "rgb8.png") == results.front());
    CHECK(store.load(std::filesystem::relative(file)) == results.front());
}

TEST_CASE("the image store lets bytes and pixels go beyond its budget, never the verdict") {
    ImageStore store(10);  // bytes: holds one tiny image at most
    const ImageHandle a = store.load(data_dir / "rgba8.png");
    const ImageHandle b = store.load(data_dir / "gray1.png");
    CHECK(store.reads() == 2);
    const auto first = a->pixels();  // a's bytes did not fit: read again
    CHECK(store.reads() == 3);
    b->pixels();
    a->pixels();  // gone from the store: read and decoded again
    CHECK(store.reads() == 5);
    CHECK(store.decodes() == 2 + 3);
    REQUIRE(first);  // still alive for whoever holds it
    CHECK(a->usable());
    CHECK(a->verdict().info.width == first->info.width);
}

TEST_CASE("without its pixels, a PNG is still read to its end, row by row") {
    const auto file = data_dir / "rgb8.png";
    ImageVerdict full = judge_image(file, PixelNeed::always);
    ImageVerdict lean = judge_image(file, PixelNeed::unless_png_stream);
    REQUIRE(full.decoded);
    REQUIRE(lean.decoded);
    CHECK(lean.decoded->data.empty());
    CHECK(lean.decoded->png_stream == full.decoded->png_stream);
    CHECK(lean.decoded->info.width == full.decoded->info.width);
    CHECK(lean.decoded->color_space == full.decoded->color_space);
    // A damaged file is found all the same.
    const std::string bytes = read_bytes(file);
    const auto cut = scratch_file("rgb8-cut.png", bytes.substr(0, bytes.size() - 20));
    CHECK_FALSE(judge_image(cut, PixelNeed::unless_png_stream).decoded);
    // Files a PDF cannot take as they are keep their pixels.
    CHECK_FALSE(
        judge_image(data_dir / "rgba8.png", PixelNeed::unless_png_stream).decoded->data.empty());
}

TEST_CASE("what the e-book asks for is the same verdict without the pixels") {
    const auto rgba = data_dir / "rgba8.png";
    const ImageVerdict for_book = judge_image(rgba, PixelNeed::never);
    const ImageVerdict for_pdf = judge_image(rgba);
    REQUIRE(for_book.usable());
    REQUIRE(for_pdf.usable());
    CHECK(for_book.info.width == for_pdf.info.width);
    CHECK(for_book.decoded->data.empty());
    CHECK(for_book.decoded->alpha.empty());
    CHECK_FALSE(for_pdf.decoded->data.empty());

    const std::string bytes = read_bytes(data_dir / "gradient.png");
    const auto cut = scratch_file("gradient-cut.png", bytes.substr(0, bytes.size() - 20));
    CHECK(judge_image(cut, PixelNeed::never).problem ==
          judge_image(cut, PixelNeed::unless_png_stream).problem);
    CHECK_FALSE(judge_image(cut, PixelNeed::never).usable());
    // An asset says it as the e-book's verdict does, and has no pixels.
    const ImageHandle asset = load_image(cut);
    CHECK(asset->verdict().problem == judge_image(cut, PixelNeed::never).problem);
    CHECK_FALSE(asset->pixels());
}

TEST_CASE("JPEG: a second frame header is corrupt, not another size") {
    // baseline.jpg with its frame header (SOF0) copied in front of its end
    // marker: the size the typesetter would place and the size the PDF would
    // declare could differ (found by fuzz-image).
    std::string bytes = read_bytes(data_dir / "baseline.jpg");
    const std::size_t sof = bytes.find("\xFF\xC0");
    REQUIRE(sof != std::string::npos);
    const std::size_t length = static_cast<unsigned char>(bytes[sof + 2]) * 256u +
                               static_cast<unsigned char>(bytes[sof + 3]);
    const std::string frame = bytes.substr(sof, length + 2);
    REQUIRE(bytes.substr(bytes.size() - 2) == "\xFF\xD9");
    bytes.insert(bytes.size() - 2, frame);
    const ImageVerdict verdict = judge_image_bytes(bytes);
    CHECK(verdict.status == ImageVerdict::Status::unusable);
    CHECK(verdict.problem == "corrupt JPEG: two frame headers");
}

TEST_CASE("a truncated PNG whose pixels are wanted at once is unusable just the same") {
    const std::string png = read_bytes(data_dir / "gradient.png");
    const ImageVerdict cut = judge_image_bytes(png.substr(0, png.size() / 2), PixelNeed::always);
    CHECK(cut.status == ImageVerdict::Status::unusable);
    CHECK_FALSE(cut.decoded);
    CHECK(cut.problem.starts_with("corrupt PNG: "));
}

TEST_CASE("a PNG read row by row gives the rows it decodes to, alpha interleaved") {
    for (const char* name : {"rgb8.png", "gray_alpha.png", "palette_trns.png", "rgb16.png",
                             "gray1.png", "rgba8.png"}) {
        INFO(name);
        const std::string bytes = read_bytes(data_dir / name);
        const DecodedImage image = decoded(name);
        std::unique_ptr<PngRowReader> reader = PngRowReader::open(bytes);
        REQUIRE(reader);
        CHECK(reader->width() == image.info.width);
        CHECK(reader->height() == image.info.height);
        const int color = image.color_space == DecodedImage::ColorSpace::gray ? 1 : 3;
        const bool alpha = !image.alpha.empty();
        // An opaque mask is left out of the decoded image, not of the rows.
        CHECK(reader->channels() >= color + (alpha ? 1 : 0));
        const int channels = reader->channels();
        const auto width = static_cast<std::size_t>(image.info.width);
        bool same = true;
        for (int y = 0; y < image.info.height; ++y) {
            const std::uint8_t* row = reader->next_row();
            REQUIRE(row != nullptr);
            for (std::size_t x = 0; x < width; ++x) {
                const std::size_t pixel = static_cast<std::size_t>(y) * width + x;
                for (int c = 0; c < color; ++c) {
                    same = same && row[x * channels + c] ==
                                       static_cast<unsigned char>(image.data[pixel * color + c]);
                }
                if (alpha) {
                    same = same && row[x * channels + color] ==
                                       static_cast<unsigned char>(image.alpha[pixel]);
                }
            }
        }
        CHECK(same);
        CHECK(reader->next_row() == nullptr);
    }
}

TEST_CASE("an interlaced PNG, or what is not a PNG, is not read row by row") {
    CHECK_FALSE(PngRowReader::open(read_bytes(data_dir / "interlaced.png")));
    CHECK_FALSE(PngRowReader::open(read_bytes(data_dir / "photo.jpg")));
    CHECK_FALSE(PngRowReader::open(""));
}

TEST_CASE("a PNG written row by row reads back; too few rows give no file") {
    const int width = 5, height = 3;
    std::string rgb;
    for (int i = 0; i < width * height * 3; ++i) rgb += static_cast<char>(i * 17);
    PngRgbWriter writer(width, height);
    for (int y = 0; y < height; ++y) writer.write_row(rgb.data() + y * width * 3);
    const std::string png = writer.finish();
    REQUIRE_FALSE(png.empty());
    CHECK(png == encode_png_rgb(width, height, rgb));
    const ImageVerdict back = judge_image_bytes(png, PixelNeed::always);
    REQUIRE(back.decoded);
    CHECK(back.decoded->data == rgb);

    PngRgbWriter short_one(width, height);
    short_one.write_row(rgb.data());
    CHECK(short_one.finish().empty());
}

namespace {

std::uint32_t u32(const std::string& bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

void put_u32(std::string& bytes, std::size_t at, std::uint32_t v) {
    for (std::size_t i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>(v >> (24 - 8 * i));
}

// `png` with its IDAT data replaced by `stream` (one chunk), every CRC right.
std::string with_idat(const std::string& png, const std::string& stream) {
    std::string out = png.substr(0, 8);
    bool written = false;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const std::uint32_t length = u32(png, at);
        const std::string type = png.substr(at + 4, 4);
        std::string chunk = png.substr(at, 12 + length);
        if (type == "IDAT") {
            if (written) {
                at += 12 + length;
                continue;
            }
            written = true;
            chunk = std::string(4, '\0') + "IDAT" + stream + std::string(4, '\0');
            put_u32(chunk, 0, static_cast<std::uint32_t>(stream.size()));
        }
        put_u32(chunk, chunk.size() - 4, crc32_of(std::string_view(chunk).substr(4, chunk.size() - 8)));
        out += chunk;
        at += 12 + length;
    }
    return out;
}

std::string idat_of(const std::string& png) {
    std::string stream;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const std::uint32_t length = u32(png, at);
        if (png.substr(at + 4, 4) == "IDAT") stream += png.substr(at + 8, length);
        at += 12 + length;
    }
    return stream;
}

}  // namespace

TEST_CASE("a PNG found whole without libpng's decoding gets libpng's verdict on every damage") {
    // The e-book's judge (no pixels) inflates a plain PNG's data whole and
    // checks it; whatever it doubts goes to libpng. The PDF's judge (the
    // pixels) always decodes with libpng. The two must agree.
    const std::string png = read_bytes(data_dir / "gradient.png");
    const std::size_t width = 32, height = 24, row = 1 + width * 4;  // RGBA
    auto verdicts_agree = [](const std::string& bytes) {
        const ImageVerdict lean = judge_image_bytes(bytes, PixelNeed::never);
        const ImageVerdict full = judge_image_bytes(bytes, PixelNeed::always);
        CHECK(lean.usable() == full.usable());
        if (!full.usable()) CHECK(lean.problem == full.problem);
        return lean.usable();
    };
    const ImageVerdict info = judge_image_bytes(png, PixelNeed::always);
    REQUIRE(info.usable());
    REQUIRE(info.info.width == static_cast<int>(width));
    REQUIRE(info.info.height == static_cast<int>(height));
    CHECK(verdicts_agree(png));

    const std::optional<UnzeroedScratchVector<char>> inflated =
        inflated_exactly(idat_of(png), row * height);
    REQUIRE(inflated);
    const std::optional<std::string> rows = std::string(inflated->begin(), inflated->end());
    // The rows deflated again (another stream, the same rows): whole.
    CHECK(verdicts_agree(with_idat(png, *deflated(*rows, DeflateFormat::zlib, 1))));
    // A filter type that does not exist, CRCs right: unusable.
    std::string bad_filter = *rows;
    bad_filter[5 * row] = 7;
    CHECK_FALSE(verdicts_agree(with_idat(png, *deflated(bad_filter, DeflateFormat::zlib))));
    // A row short, or one too many.
    CHECK_FALSE(verdicts_agree(
        with_idat(png, *deflated(rows->substr(0, rows->size() - row), DeflateFormat::zlib))));
    verdicts_agree(with_idat(png, *deflated(*rows + rows->substr(0, row), DeflateFormat::zlib)));
    // The zlib stream damaged at every byte, its CRC made right again; the
    // file cut at every length; a byte of each chunk flipped (CRC wrong).
    const std::string stream = idat_of(png);
    for (std::size_t at = 0; at < stream.size(); ++at) {
        CAPTURE(at);
        std::string damaged = stream;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x21);
        verdicts_agree(with_idat(png, damaged));
    }
    for (std::size_t size = 33; size < png.size(); size += 7) {
        CAPTURE(size);
        CHECK_FALSE(verdicts_agree(png.substr(0, size)));
    }
    for (std::size_t at = 33; at < png.size(); at += 11) {
        CAPTURE(at);
        std::string flipped = png;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x08);
        verdicts_agree(flipped);
    }
}
