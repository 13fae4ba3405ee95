// Where words break, seen on real text: addresses break only after their
// separators, words joined by a slash are hyphenated each on its own, the
// ellipsis hangs only a little into the margin, and a written hyphen at a
// line's end counts as a hyphen.
#include "paragraph/paragraph.hpp"
#include "typeset/line_text.hpp"
#include "tex.hpp"

#include "pamphlet/hyphenation.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace pamphlet;
using namespace pamphlet::typeset;

namespace {

const std::filesystem::path source_dir = PAMPHLET_SOURCE_DIR;

struct Fixture {
    FontSet fonts;
    DiagnosticSink sink;
    Hyphenation hyphenation{{source_dir / "hyphenation"}, {}};
    int charis = load("CharisSIL-Regular.ttf");

    int load(const char* name) {
        std::string error;
        const auto index = fonts.load(source_dir / "fonts" / name, error);
        REQUIRE_MESSAGE(index.has_value(), error);
        return *index;
    }

    ParagraphSpec spec(std::string text, double measure) {
        TextStyle style;
        style.font = charis;
        style.size = 10;
        ParagraphSpec p;
        p.pieces.push_back({std::move(text), style, SourceSpan::at("a.md", 3, 1), -1});
        p.lang = "de";
        p.measure = measure;
        p.hyphenator = hyphenation.for_language("de", {}, sink);
        REQUIRE(p.hyphenator != nullptr);
        return p;
    }
};

bool ends_with_separator(const std::string& text) {
    return !text.empty() && std::string_view("/.-@").find(text.back()) != std::string_view::npos;
}

// The lines joined again: without a space where a line ended inside a word.
std::string joined(const SetParagraph& p) {
    std::string all;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const std::string text = line_text(p.lines[i]);
        all += text;
        if (i + 1 < p.lines.size() && !ends_with_separator(text)) all += " ";
    }
    return all;
}

}  // namespace

TEST_CASE("addresses, paths and dotted names break only after / . - @, with no hyphen added") {
    Fixture f;
    // Short words around them, which the patterns leave whole.
    const std::string text =
        "Bei subkeys.pgp.net, in /usr/lib/menu/applications/physiotherapie, per "
        "praxis.anmeldung@physiotherapie-lindenhof.example und bei "
        "www.physiotherapie-lindenhof.example/rueckenschmerzen/uebungen.";
    for (double measure : {100.0, 115.0, 130.0, 150.0}) {
        CAPTURE(measure);
        const SetParagraph p = set_paragraph(f.spec(text, measure), f.fonts, f.sink);
        REQUIRE(p.lines.size() >= 3);
        for (const SetLine& line : p.lines) {
            CAPTURE(line_text(line));
            CHECK_FALSE(line.hyphenated);
            CHECK_FALSE(line_text(line).starts_with("/"));
        }
        CHECK(joined(p) == text);  // every break after a separator or at a space
    }
}

TEST_CASE("an address keeps two characters on either side of a break") {
    Fixture f;
    std::string text;
    for (int i = 0; i < 12; ++i) text += "10 km/h z.B. ";
    text.pop_back();
    const SetParagraph p = set_paragraph(f.spec(text, 45), f.fonts, f.sink);
    for (const SetLine& line : p.lines) {
        CAPTURE(line_text(line));
        CHECK_FALSE(line_text(line).ends_with("km/"));
        CHECK_FALSE(line_text(line).ends_with("z."));
    }
}

TEST_CASE("words joined by a slash are hyphenated each on its own, and break after the slash") {
    Fixture f;
    // The patterns on the whole token gave "un-d/o-der".
    const std::string text =
        "Bewegung und/oder Entspannung: Physiotherapeuten/Physiotherapeutinnen "
        "beraten Patienten/Patientinnen zu Sicherheits-/Arbeitsschuhen.";
    bool broke_after_slash = false, hyphenated_part = false;
    for (double measure = 50; measure <= 160; measure += 5) {
        CAPTURE(measure);
        const SetParagraph p = set_paragraph(f.spec(text, measure), f.fonts, f.sink);
        for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
            const std::string line = line_text(p.lines[i]);
            CAPTURE(line);
            CHECK_FALSE(line.ends_with("un-"));
            CHECK_FALSE(line.ends_with("/o-"));
            CHECK_FALSE(line.ends_with("/-"));
            CHECK_FALSE(line_text(p.lines[i + 1]).starts_with("/"));
            if (line.ends_with("/")) {
                broke_after_slash = true;
                CHECK_FALSE(p.lines[i].hyphenated);
            }
            // The second part of a slashed word breaks by the patterns.
            if (line.ends_with("/Physio-") || line.ends_with("/Patien-") ||
                line.ends_with("/Physiothera-"))
                hyphenated_part = true;
        }
        std::string all = joined(p);
        // A hyphen the breaker added is not part of the text.
        CHECK(all.size() >= text.size());
    }
    CHECK(broke_after_slash);
    CHECK(hyphenated_part);
}

TEST_CASE("the ellipsis hangs only a small share of its width into the margin") {
    Fixture f;
    std::string text;
    for (int i = 0; i < 40; ++i) text += "und so weiter… ";
    text.pop_back();
    ParagraphSpec spec = f.spec(text, 150);
    spec.params.protrusion = true;
    const SetParagraph p = set_paragraph(spec, f.fonts, f.sink);
    int ending_in_ellipsis = 0;
    for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
        const SetLine& line = p.lines[i];
        if (!line_text(line).ends_with("…")) continue;
        ++ending_in_ellipsis;
        double end = 0;
        for (const GlyphRun& run : line.runs) {
            double x = run.x;
            for (const PlacedGlyph& g : run.glyphs) x += g.advance;
            end = std::max(end, x);
        }
        // About as far as a full stop hangs (0.7 of its width), not 0.7 of
        // the three dots' (7 pt at 10 pt).
        CHECK(end - 150 > 0.5);
        CHECK(end - 150 < 2.5);
    }
    CHECK(ending_in_ellipsis > 0);
}

TEST_CASE("lines ending in a written hyphen count toward the limit of hyphens in a row") {
    Fixture f;
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += "Hand- und Fußpflege, Sicherheits- und Arbeitsschuhe, Ober- und Unterkiefer, "
                "Vor- und Nachsorge, Physiotherapie-Praxis und Kranken- oder Pflegekasse. ";
    text.pop_back();
    auto longest_run = [&](int limit, double measure) {
        ParagraphSpec spec = f.spec(text, measure);
        spec.params.max_hyphen_run = limit;
        // Any line that is not overfull will do before the final pass,
        // which ignores the limit.
        spec.params.tolerance = infinitely_bad;
        const SetParagraph p = set_paragraph(spec, f.fonts, f.sink);
        int run = 0, longest = 0;
        for (const SetLine& line : p.lines) {
            const bool hyphen = line_text(line).ends_with("-");
            CHECK(line.ends_in_hyphen == hyphen);
            run = hyphen ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        return longest;
    };
    int unlimited = 0;
    for (double measure = 200; measure <= 320; measure += 10) {
        CAPTURE(measure);
        unlimited = std::max(unlimited, longest_run(0, measure));
        CHECK(longest_run(1, measure) <= 1);
    }
    CHECK(unlimited >= 2);  // the text does tempt the breaker
}
