// The profiles in layouts/: each loads cleanly, and each keeps the promises
// its comments make.
#include "pamphlet/profile.hpp"
#include "profile_fixtures.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

using namespace pamphlet;
using namespace pamphlet::test;
namespace fs = std::filesystem;

namespace {

Profile load_shipped(const std::string& id) {
    SourceFiles sources;
    DiagnosticSink sink;
    auto profile = load_profile(id, real_paths(), sources, sink);
    INFO(format_diagnostics(sink, &sources));
    REQUIRE(profile);
    CHECK(sink.diagnostics().empty());
    return *profile;
}

// WCAG 2 contrast ratio of an RGB colour on white paper.
double contrast_on_white(const Color& c) {
    REQUIRE(c.space == Color::Space::rgb);
    auto linear = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const double luminance =
        0.2126 * linear(c.v[0]) + 0.7152 * linear(c.v[1]) + 0.0722 * linear(c.v[2]);
    return 1.05 / (luminance + 0.05);
}

}  // namespace

TEST_CASE("every shipped layout loads without a diagnostic") {
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(source_dir / "layouts"))
        if (entry.path().extension() == ".yaml") ids.push_back(entry.path().stem().string());
    std::sort(ids.begin(), ids.end());
    CHECK(ids.size() >= 5);
    for (const auto& id : ids) {
        CAPTURE(id);
        Profile profile = load_shipped(id);
        CHECK(profile.id == id);
        CHECK_FALSE(profile.name.empty());
        CHECK_FALSE(profile.description.empty());
    }
    auto listed = list_profiles(real_paths());
    CHECK(listed.size() == ids.size());
    for (const auto& info : listed) {
        CAPTURE(info.id);
        CHECK_FALSE(info.name.empty());
        CHECK_FALSE(info.description.empty());
    }
}

TEST_CASE("letter-handout: the A4 handout's design on US Letter") {
    Profile letter = load_shipped("letter-handout");
    Profile a4 = load_shipped("a4-handout");
    CHECK(letter.page_size.name == "letter");
    CHECK(letter.page_width() == doctest::Approx(8.5 * 72));
    const double a4_measure = a4.page_width() - a4.margin_inner - a4.margin_outer;
    const double letter_measure = letter.page_width() - letter.margin_inner - letter.margin_outer;
    CHECK(letter_measure == doctest::Approx(a4_measure).epsilon(0.01));
    CHECK(letter.text_size == a4.text_size);
    CHECK(letter.text_leading == a4.text_leading);
    CHECK(letter.body_regular.path == a4.body_regular.path);
    CHECK(letter.heading_color == a4.heading_color);
    CHECK(letter.cover_enabled);
}

TEST_CASE("a5-booklet: facing A5 pages imposed for saddle stitching, no bleed") {
    Profile booklet = load_shipped("a5-booklet");
    CHECK(booklet.page_size.name == "A5");
    CHECK(booklet.facing);
    CHECK(booklet.imposition == Imposition::booklet);
    CHECK(booklet.bleed == 0);
    CHECK(booklet.cover_enabled);
    CHECK(booklet.margin_inner <= booklet.margin_outer);
    CHECK(booklet.text_size == doctest::Approx(10));
    const double measure = booklet.page_width() - booklet.margin_inner - booklet.margin_outer;
    CHECK(measure == doctest::Approx(110 * mm));
}

TEST_CASE("large-print: big, ragged, unhyphenated, high contrast") {
    Profile large = load_shipped("large-print");
    CHECK(large.page_size.name == "A4");
    CHECK(large.text_size >= 16);
    CHECK(large.text_leading >= 1.4 * large.text_size);
    CHECK(large.text_align == TextAlign::left);
    CHECK_FALSE(large.hyphenate);
    CHECK(contrast_on_white(large.text_color) > 15);
    CHECK(contrast_on_white(large.heading_color) > 7);
    CHECK(contrast_on_white(large.muted_color) > 7);
    CHECK(contrast_on_white(large.link_color) > 7);
    CHECK(large.h1_size > large.h2_size);
    CHECK(large.h2_size > large.h3_size);
    CHECK(large.h3_size > large.text_size);
    for (double size : {large.caption_size, large.code_size, large.footer_size, large.byline_size})
        CHECK(size >= 12);
    Profile handout = load_shipped("a4-handout");
    const double measure = large.page_width() - large.margin_inner - large.margin_outer;
    const double handout_measure =
        handout.page_width() - handout.margin_inner - handout.margin_outer;
    // Fewer characters a line: the measure grows less than the type.
    CHECK(measure / large.text_size < 0.8 * handout_measure / handout.text_size);
}
