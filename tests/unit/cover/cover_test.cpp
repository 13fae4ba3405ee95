// The drawn e-book cover: where the title's ink lands, the bytes, wrapping,
// and covers without a picture to paint.
#include "pamphlet/cover.hpp"

#include "canvas.hpp"

#include "pamphlet/font_set.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace pamphlet;
using pamphlet::cover_detail::Rgb;
using pamphlet::cover_detail::screen_rgb;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = PAMPHLET_SOURCE_DIR;
const fs::path test_dir = PAMPHLET_TEST_DIR;

Profile sample_profile() {
    SourceFiles sources;
    DiagnosticSink sink;
    ProfilePaths paths{{source_dir / "layouts"}, {source_dir / "fonts"}};
    std::optional<Profile> profile = load_profile("a4-handout", paths, sources, sink);
    REQUIRE_MESSAGE(profile, format_diagnostics(sink));
    return *profile;
}

const CoverText clinic_de{"Gesund in Bewegung",
                          "Patienteninformationen der Physiotherapie Lindenhof",
                          "Physiotherapie Lindenhof", "de"};

// The PNG decoded again by the image module: what a reader's shelf shows.
struct Pixels {
    int width = 0, height = 0;
    std::string rgb;
    Rgb at(int x, int y) const {
        const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
        return {static_cast<std::uint8_t>(rgb[i]), static_cast<std::uint8_t>(rgb[i + 1]),
                static_cast<std::uint8_t>(rgb[i + 2])};
    }
};

Pixels decode(const std::string& png) {
    ImageVerdict verdict = judge_image_bytes(png, PixelNeed::always);
    REQUIRE_MESSAGE(verdict.usable(), verdict.problem);
    REQUIRE(verdict.decoded);
    REQUIRE(verdict.decoded->color_space == DecodedImage::ColorSpace::rgb);
    REQUIRE(verdict.decoded->alpha.empty());
    return {verdict.info.width, verdict.info.height, verdict.decoded->data};
}

int distance(Rgb a, Rgb b) {
    return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

// PAMPHLET_COVER_OUT=folder keeps the covers the tests draw, to look at.
void keep(const std::string& name, const std::string& png) {
    if (const char* folder = std::getenv("PAMPHLET_COVER_OUT")) {
        std::FILE* file = std::fopen((fs::path(folder) / name).c_str(), "wb");
        if (file == nullptr) return;
        std::fwrite(png.data(), 1, png.size(), file);
        std::fclose(file);
    }
}

bool inside_any_line(const CoverLayout& layout, int x, int y, double slack) {
    return std::any_of(layout.lines.begin(), layout.lines.end(), [&](const CoverLine& line) {
        // Letters reach above the cap height (accents, ascenders) and
        // overhang their advance a little.
        return x >= line.x - slack && x <= line.x + line.width + slack &&
               y >= line.baseline - 1.35 * line.ascent - slack &&
               y <= line.baseline + line.descent + slack;
    });
}

}  // namespace

TEST_CASE("the title's ink is where the layout puts its lines, on the band, in the cover colours") {
    const Profile profile = sample_profile();
    ImageHandle illustration = load_image(source_dir / "samples/clinic/images/cover.png");
    FontSet fonts;
    const RenderedCover cover = render_cover(profile, illustration.get(), clinic_de, fonts);
    REQUIRE_MESSAGE(!cover.png.empty(), cover.problem);
    keep("clinic-de.png", cover.png);
    const CoverLayout& layout = cover.layout;
    const Pixels pixels = decode(cover.png);
    REQUIRE(pixels.width == cover_width);
    REQUIRE(pixels.height == cover_height);
    CHECK(layout.illustrated);

    // Title, subtitle and the clinic's name, in that order, top to bottom.
    REQUIRE(layout.lines.size() >= 3);
    CHECK(layout.lines.front().role == CoverLine::Role::title);
    CHECK(layout.lines.back().role == CoverLine::Role::publisher);
    CHECK(layout.lines.back().text == "Physiotherapie Lindenhof");
    for (std::size_t i = 1; i < layout.lines.size(); ++i) {
        CHECK(layout.lines[i].baseline > layout.lines[i - 1].baseline);
    }
    const Rgb band = screen_rgb(profile.cover_background);
    const Rgb text = screen_rgb(profile.cover_text_color);
    const Rgb paper{255, 255, 255};

    // Inside each line's box: ink of the line's colour, and plenty of it.
    for (const CoverLine& line : layout.lines) {
        const Rgb ink =
            line.role == CoverLine::Role::publisher ? screen_rgb(profile.heading_color) : text;
        int inked = 0;
        for (int y = static_cast<int>(line.baseline - line.ascent);
             y < static_cast<int>(line.baseline); ++y) {
            for (int x = static_cast<int>(line.x); x < static_cast<int>(line.x + line.width); ++x) {
                inked += distance(pixels.at(x, y), ink) <= 6 ? 1 : 0;
            }
        }
        const double box = line.width * line.ascent;
        CHECK_MESSAGE(inked > box * 0.15, line.text);
        CHECK_MESSAGE(inked < box * 0.8, line.text);
        // Each word's first letter starts at the line's left edge.
        bool ink_at_left = false;
        for (int y = static_cast<int>(line.baseline - line.ascent); y < line.baseline; ++y) {
            for (int x = static_cast<int>(line.x) - 2; x < line.x + line.size * 0.15; ++x) {
                ink_at_left = ink_at_left || distance(pixels.at(x, y), ink) <= 60;
            }
        }
        CHECK_MESSAGE(ink_at_left, line.text);
    }

    // Outside the lines: the band's colour on the band, paper below it, the
    // illustration itself above (it is as wide as the cover, so copied
    // pixel for pixel from its top).
    int stray = 0;
    for (int y = 0; y < cover_height; y += 3) {
        for (int x = 0; x < cover_width; x += 3) {
            if (inside_any_line(layout, x, y, 4)) continue;
            if (y >= layout.band_top && y < layout.band_bottom) {
                stray += pixels.at(x, y) == band ? 0 : 1;
            } else if (y >= layout.band_bottom) {
                stray += pixels.at(x, y) == paper ? 0 : 1;
            }
        }
    }
    CHECK(stray == 0);
    CHECK(layout.band_top == 1536);  // 60 % of 2560: the a4-handout's cover.image_height
    const ImageVerdict original =
        judge_image(source_dir / "samples/clinic/images/cover.png", PixelNeed::always);
    REQUIRE(original.decoded);
    const std::string& rows = original.decoded->data;
    for (const auto& [x, y] : {std::pair{0, 0}, {800, 700}, {1599, 1535}, {123, 1000}}) {
        const std::size_t i = (static_cast<std::size_t>(y) * 1600 + x) * 3;
        CHECK(pixels.at(x, y) == Rgb{static_cast<std::uint8_t>(rows[i]),
                                     static_cast<std::uint8_t>(rows[i + 1]),
                                     static_cast<std::uint8_t>(rows[i + 2])});
    }
}

TEST_CASE("the same cover twice is the same bytes, with no time in them") {
    const Profile profile = sample_profile();
    ImageHandle illustration = load_image(source_dir / "samples/clinic/images/cover.png");
    FontSet first_fonts, second_fonts;
    const RenderedCover first = render_cover(profile, illustration.get(), clinic_de, first_fonts);
    const RenderedCover second = render_cover(profile, illustration.get(), clinic_de, second_fonts);
    REQUIRE(!first.png.empty());
    CHECK(first.png == second.png);
    CHECK(first.png.find("tIME") == std::string::npos);
    CHECK(first.png.find("tEXt") == std::string::npos);
    // And a different title is a different picture.
    CoverText other = clinic_de;
    other.title = "Moving Well";
    other.lang = "en";
    FontSet third_fonts;
    CHECK(render_cover(profile, illustration.get(), other, third_fonts).png != first.png);
}

TEST_CASE("a long German title wraps onto balanced lines within the measure") {
    const Profile profile = sample_profile();
    CoverText text = clinic_de;
    text.title =
        "Rückenschmerzen am Arbeitsplatz vorbeugen: Übungen und Ratschläge für Nacken, "
        "Schultern und Lendenwirbelsäule";
    FontSet fonts;
    const RenderedCover cover = render_cover(profile, nullptr, text, fonts);
    REQUIRE(!cover.png.empty());
    keep("long-title.png", cover.png);
    std::vector<const CoverLine*> title;
    for (const CoverLine& line : cover.layout.lines) {
        if (line.role == CoverLine::Role::title) title.push_back(&line);
    }
    REQUIRE(title.size() >= 3);
    CHECK(title.size() <= 4);
    std::string joined;
    double widest = 0;
    for (const CoverLine* line : title) {
        CHECK(line->width <= cover.layout.measure + 0.01);
        CHECK(line->x == title.front()->x);
        widest = std::max(widest, line->width);
        joined += (joined.empty() ? "" : " ") + line->text;
    }
    CHECK(joined == text.title);
    // Balanced: the last line is no lone short word.
    CHECK(title.back()->width > 0.4 * widest);
    // The band grew to hold it and stays clear of the clinic's name.
    const CoverLine& name = cover.layout.lines.back();
    CHECK(cover.layout.band_bottom < name.baseline - name.ascent);

    // A word wider than the measure is set smaller, not cut.
    text.title = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen";
    FontSet more_fonts;
    const RenderedCover word = render_cover(profile, nullptr, text, more_fonts);
    REQUIRE(!word.layout.lines.empty());
    CHECK(word.layout.lines.front().text == text.title);
    CHECK(word.layout.lines.front().width <= word.layout.measure + 0.01);
    CHECK(word.layout.lines[1].role == CoverLine::Role::subtitle);
}

TEST_CASE("without a picture to paint, the cover colour takes its place") {
    const Profile profile = sample_profile();
    const Rgb band = screen_rgb(profile.cover_background);
    // None at all; an SVG (not rasterised); a JPEG (the image module passes
    // JPEGs to the PDF undecoded).
    std::vector<ImageHandle> illustrations = {nullptr,
                                              load_image(test_dir / "unit/image/data/photo.jpg")};
    const fs::path svg = fs::temp_directory_path() / "pamphlet-cover-test.svg";
    {
        std::FILE* file = std::fopen(svg.c_str(), "wb");
        REQUIRE(file != nullptr);
        std::fputs(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
            "<rect width=\"10\" height=\"10\" fill=\"red\"/></svg>",
            file);
        std::fclose(file);
    }
    illustrations.push_back(load_image(svg));
    for (const ImageHandle& illustration : illustrations) {
        FontSet fonts;
        const RenderedCover cover = render_cover(profile, illustration.get(), clinic_de, fonts);
        REQUIRE_MESSAGE(!cover.png.empty(), cover.problem);
        CHECK_FALSE(cover.layout.illustrated);
        const Pixels pixels = decode(cover.png);
        for (const auto& [x, y] : {std::pair{0, 0}, {800, 1000}, {1599, 1500}}) {
            CHECK(pixels.at(x, y) == band);
        }
        CHECK(cover.layout.lines.front().text == "Gesund in");
    }
    fs::remove(svg);
}

TEST_CASE("rows are filled within the canvas, whatever range is asked for") {
    // Rows 20 to 29 of the cover.
    cover_detail::Canvas canvas(5, 10, 20);
    canvas.fill_rows(15, 22, {200, 0, 0});  // starts above the canvas
    canvas.fill_rows(22, 40, {0, 0, 200});  // ends below it
    canvas.fill_rows(25, 25, {9, 9, 9});    // empty
    canvas.fill_rows(40, 50, {9, 9, 9});    // beyond it
    for (int y = 20; y < 30; ++y) {
        for (int x = 0; x < 5; ++x)
            CHECK(canvas.at(x, y) == (y < 22 ? Rgb{200, 0, 0} : Rgb{0, 0, 200}));
    }
}

TEST_CASE("a gray picture with transparency is painted over paper, enlarged to fill") {
    ImageVerdict verdict =
        judge_image(test_dir / "unit/image/data/gray_alpha.png", PixelNeed::always);
    REQUIRE(verdict.decoded);
    REQUIRE(cover_detail::Canvas::can_paint(*verdict.decoded));
    cover_detail::Canvas canvas(64, 100);
    canvas.fill_rows(0, 100, {10, 20, 30});
    canvas.paint_cover_picture(*verdict.decoded, 50, {255, 255, 255});
    // Gray stays gray; below the picture's area nothing was touched.
    for (int y = 0; y < 50; y += 7) {
        for (int x = 0; x < 64; x += 7) {
            const Rgb p = canvas.at(x, y);
            CHECK(p.r == p.g);
            CHECK(p.g == p.b);
        }
    }
    CHECK(canvas.at(5, 50) == Rgb{10, 20, 30});
}

TEST_CASE("a PNG scaled as it is read paints the rows its decoded pixels paint") {
    for (const char* name : {"gradient.png", "gray_alpha.png", "palette_trns.png"}) {
        INFO(name);
        const fs::path file = test_dir / "unit/image/data" / name;
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>()};
        ImageVerdict verdict = judge_image_bytes(bytes, PixelNeed::always);
        REQUIRE(verdict.decoded);
        // Shrunk (box filter) and enlarged (bilinear) both.
        for (const auto& [width, bottom] : {std::pair{7, 5}, {640, 900}}) {
            std::string decoded_rows, streamed;
            cover_detail::cover_picture_rows(
                cover_detail::rows_of(*verdict.decoded), width, bottom, {255, 255, 255},
                [&](const char* row) { decoded_rows.append(row, width * 3); });
            std::optional<cover_detail::PictureRows> rows = cover_detail::streamed_rows(bytes);
            REQUIRE(rows);
            cover_detail::cover_picture_rows(
                std::move(*rows), width, bottom, {255, 255, 255},
                [&](const char* row) { streamed.append(row, width * 3); });
            CHECK(decoded_rows.size() == static_cast<std::size_t>(width) * bottom * 3);
            CHECK(streamed == decoded_rows);
        }
    }
}

TEST_CASE("a picture at the cover's width is copied, only its transparency mixed over paper") {
    // Three pixels a row, four rows, of which the cover shows the top two.
    const Rgb paper{255, 250, 240};
    for (int channels : {1, 2, 3, 4}) {
        INFO("channels " << channels);
        const int color = channels <= 2 ? 1 : 3;
        const bool alpha = channels == 2 || channels == 4;
        std::vector<std::vector<std::uint8_t>> source(4);
        for (int y = 0; y < 4; ++y) {
            for (int x = 0; x < 3; ++x) {
                for (int c = 0; c < color; ++c)
                    source[y].push_back(static_cast<std::uint8_t>(40 * y + 20 * x + 7 * c));
                if (alpha)
                    source[y].push_back(static_cast<std::uint8_t>(x == 0 ? 255 : x == 1 ? 0 : 51));
            }
        }
        cover_detail::PictureRows rows;
        rows.width = 3;
        rows.height = 4;
        rows.channels = channels;
        rows.next = [&source, y = 0]() mutable -> const std::uint8_t* {
            return y < 4 ? source[y++].data() : nullptr;
        };
        std::vector<std::string> painted;
        cover_detail::cover_picture_rows(std::move(rows), 3, 2, paper,
                                         [&](const char* row) { painted.emplace_back(row, 9); });
        REQUIRE(painted.size() == 2);
        const int under[3] = {paper.r, paper.g, paper.b};
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 3; ++x) {
                for (int c = 0; c < 3; ++c) {
                    const int value = 40 * y + 20 * x + 7 * (color == 1 ? 0 : c);
                    // Opaque: the value; clear: the paper; a fifth: (v + 4 paper) / 5.
                    const int expected = !alpha || x == 0 ? value
                                         : x == 1         ? under[c]
                                                          : (value + 4 * under[c] + 2) / 5;
                    CHECK(static_cast<std::uint8_t>(painted[y][x * 3 + c]) == expected);
                }
            }
        }
    }
}
