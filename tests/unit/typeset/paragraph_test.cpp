#include "paragraph/paragraph.hpp"
#include "typeset/line_text.hpp"
#include "paragraph/uncovered_text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace pamphlet;
using namespace pamphlet::typeset;

namespace {

const std::filesystem::path fonts_dir = std::filesystem::path(PAMPHLET_SOURCE_DIR) / "fonts";

struct Fixture {
    FontSet fonts;
    DiagnosticSink sink;
    int charis = load("CharisSIL-Regular.ttf");
    int dejavu = load("DejaVuSans.ttf");

    int load(const char* name) {
        std::string error;
        const auto index = fonts.load(fonts_dir / name, error);
        REQUIRE_MESSAGE(index.has_value(), error);
        return *index;
    }

    TextStyle style(double size = 10) const {
        TextStyle s;
        s.font = charis;
        s.fallbacks = {dejavu};
        s.size = size;
        return s;
    }

    ParagraphSpec spec(std::string text, double measure, Alignment align = Alignment::justify) {
        ParagraphSpec p;
        p.pieces.push_back({std::move(text), style(), SourceSpan::at("a.md", 3, 1), -1});
        p.lang = "de";
        p.measure = measure;
        p.align = align;
        return p;
    }
};

double glyph_extent(const SetLine& line) {
    double end = 0;
    for (const GlyphRun& run : line.runs) {
        double x = run.x;
        for (const PlacedGlyph& g : run.glyphs) x += g.advance;
        end = std::max(end, x);
    }
    return end;
}

bool has_notdef(const SetParagraph& paragraph) {
    for (const SetLine& line : paragraph.lines) {
        for (const GlyphRun& run : line.runs) {
            for (const PlacedGlyph& g : run.glyphs) {
                if (g.id == 0) return true;
            }
        }
    }
    return false;
}

const std::string sample =
    "Die Physiotherapie hilft bei Rückenschmerzen, nach Operationen und bei vielen "
    "chronischen Beschwerden. In unserer Praxis behandeln wir Patientinnen und Patienten "
    "aller Altersgruppen mit manueller Therapie, Krankengymnastik und gezielten Übungen für "
    "zu Hause. Ein Befund steht am Anfang jeder Behandlung: Wir fragen nach Ihren "
    "Beschwerden, untersuchen die Beweglichkeit und die Kraft und besprechen mit Ihnen die "
    "Ziele der Therapie. Die Übungen sollen Ihnen helfen, im Alltag wieder beweglicher zu "
    "werden, und sie sollen Rückfällen vorbeugen.";

}  // namespace

TEST_CASE("justified lines fill the measure exactly; the last line is ragged") {
    Fixture f;
    ParagraphSpec spec = f.spec(sample, 240);
    spec.first_line_indent = 12;
    const SetParagraph p = set_paragraph(spec, f.fonts, f.sink);
    REQUIRE(p.lines.size() >= 4);
    CHECK(f.sink.size() == 0);
    std::string all;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const SetLine& line = p.lines[i];
        CAPTURE(line_text(line));
        if (i + 1 < p.lines.size()) {
            CHECK(std::abs(line.width - 240) < 0.01);
            CHECK(std::abs(glyph_extent(line) - 240) < 0.01);
            CHECK(line.adjustment_ratio >= -1);
        } else {
            CHECK(line.width < 240);
            CHECK(line.adjustment_ratio == 0);
        }
        CHECK(line.ascent > 7);
        CHECK(line.descent > 1);
        CHECK(line_text(line).front() != ' ');
        CHECK(line_text(line).back() != ' ');
        all += (all.empty() ? "" : " ") + line_text(line);
    }
    CHECK(p.lines[0].runs[0].x == 12);
    CHECK(all == sample);  // every character, spaces as glyphs, nothing lost
}

TEST_CASE("margin kerning and font expansion: punctuation hangs, letters widen a little") {
    Fixture f;
    ParagraphSpec spec = f.spec("„" + sample + "“", 200);
    spec.params.protrusion = true;
    spec.params.font_expansion = 0.02;
    const SetParagraph p = set_paragraph(spec, f.fonts, f.sink);
    REQUIRE(p.lines.size() >= 6);
    CHECK(f.sink.size() == 0);
    CHECK(p.lines[0].runs[0].x < -1);  // the opening quote hangs into the left margin
    bool hung = false, expanded = false;
    std::string all;
    for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
        const SetLine& line = p.lines[i];
        const std::string text = line_text(line);
        CAPTURE(text);
        const char last = text.back();
        if (last == ',' || last == '.' || last == '-' || last == ':') {
            // Light marks hang into the right margin, by less than their width.
            CHECK(glyph_extent(line) > 201);
            CHECK(glyph_extent(line) < 204);
            hung = true;
        } else {
            CHECK(glyph_extent(line) == doctest::Approx(200).epsilon(1e-6));
        }
        for (const GlyphRun& run : line.runs) {
            CHECK(run.horizontal_scale >= 0.98 - 1e-9);
            CHECK(run.horizontal_scale <= 1.02 + 1e-9);
            expanded = expanded || run.horizontal_scale != 1;
        }
    }
    CHECK(hung);
    CHECK(expanded);
    for (const SetLine& line : p.lines) all += (all.empty() ? "" : " ") + line_text(line);
    CHECK(all.find("Physiotherapie") != std::string::npos);

    // Ragged text keeps its letters as they are.
    spec.align = Alignment::left;
    for (const SetLine& line : set_paragraph(spec, f.fonts, f.sink).lines) {
        for (const GlyphRun& run : line.runs) CHECK(run.horizontal_scale == 1);
    }
}

TEST_CASE("ligatures survive and their clusters map back to the characters") {
    Fixture f;
    const SetParagraph p = set_paragraph(f.spec("The office staff", 300), f.fonts, f.sink);
    REQUIRE(p.lines.size() == 1);
    const GlyphRun& run = p.lines[0].runs.at(0);
    CHECK(run.text == "The office staff");
    bool found_ffi = false;
    for (std::size_t i = 0; i + 1 < run.glyphs.size(); ++i) {
        const std::uint32_t from = run.glyphs[i].cluster, to = run.glyphs[i + 1].cluster;
        if (run.text.substr(from, to - from) == "ffi") found_ffi = true;
    }
    CHECK(found_ffi);
    CHECK(run.glyphs.size() < run.text.size());
}

TEST_CASE("no-break spaces never break; explicit hyphens, dashes and URLs may") {
    Fixture f;
    std::string text;
    for (int i = 0; i < 30; ++i) text += "Seite\u00A0" + std::to_string(i) + " ";
    const SetParagraph tied = set_paragraph(f.spec(text, 120), f.fonts, f.sink);
    REQUIRE(tied.lines.size() > 5);
    for (const SetLine& line : tied.lines) {
        const std::string t = line_text(line);
        CHECK(t.find("Seite") == 0);
        CHECK(t.ends_with("Seite") == false);
    }

    const SetParagraph hyphen = set_paragraph(
        f.spec("Wir sind eine Physiotherapie-Praxis in der Stadt", 130), f.fonts, f.sink);
    REQUIRE(hyphen.lines.size() >= 2);
    CHECK(line_text(hyphen.lines[0]).ends_with("Physiotherapie-"));
    CHECK(line_text(hyphen.lines[1]).starts_with("Praxis"));
    CHECK_FALSE(hyphen.lines[0].hyphenated);

    const SetParagraph dash =
        set_paragraph(f.spec("Termine Montag–Freitag nach Vereinbarung", 75), f.fonts, f.sink);
    for (const SetLine& line : dash.lines) CHECK_FALSE(line_text(line).starts_with("–"));

    ParagraphSpec url = f.spec("Mehr unter ", 120);
    url.pieces.push_back({"https://example.org/physiotherapie/uebungen/ruecken", f.style(),
                          SourceSpan::at("a.md", 4, 1), 0});
    const SetParagraph link = set_paragraph(url, f.fonts, f.sink);
    REQUIRE(link.lines.size() >= 2);
    for (std::size_t i = 0; i + 1 < link.lines.size(); ++i) {
        const SetLine& line = link.lines[i];
        CAPTURE(line_text(line));
        CHECK(std::abs(line.width - 120) < 0.01);
        CHECK_FALSE(line.hyphenated);
        REQUIRE(link.lines[i + 1].links.size() == 1);
        CHECK(link.lines[i + 1].links[0].link == 0);
        if (line_text(line).ends_with("/")) CHECK(link.lines[i + 1].links[0].x0 == 0);
    }
    CHECK(line_text(link.lines[0]).ends_with("/"));
    CHECK(link.lines.back().links.at(0).x1 == doctest::Approx(link.lines.back().width));
    CHECK(f.sink.size() == 0);
}

TEST_CASE("forced line breaks") {
    Fixture f;
    const SetParagraph p = set_paragraph(
        f.spec("Praxis am Markt\nMarktplatz 3\n12345 Musterstadt", 300), f.fonts, f.sink);
    REQUIRE(p.lines.size() == 3);
    CHECK(line_text(p.lines[1]) == "Marktplatz 3");
    CHECK(p.lines[0].adjustment_ratio == 0);
}

TEST_CASE("characters the face lacks come from the fallback; missing ones are reported") {
    Fixture f;
    REQUIRE_FALSE(f.fonts.has_glyph(f.charis, U'\U0001F600'));
    REQUIRE(f.fonts.has_glyph(f.dejavu, U'\U0001F600'));
    const SetParagraph p = set_paragraph(
        f.spec("gut \U0001F600 und \u4E00 oder \u4E00\u4E8C schlecht", 300), f.fonts, f.sink);
    REQUIRE(p.lines.size() == 1);
    bool fallback_used = false;
    for (const GlyphRun& run : p.lines[0].runs) {
        if (run.font == f.dejavu) fallback_used = fallback_used || run.text == "\U0001F600";
    }
    CHECK(fallback_used);
    CHECK_FALSE(has_notdef(p));
    // Nothing vanishes: each missing character shows as U+FFFD.
    CHECK(line_text(p.lines[0]) == "gut \U0001F600 und \uFFFD oder \uFFFD\uFFFD schlecht");
    REQUIRE(f.sink.size() == 1);  // once per script
    const Diagnostic& d = f.sink.diagnostics()[0];
    CHECK(d.code == "uncovered-script");
    CHECK(d.severity == Severity::warning);
    CHECK(d.message ==
          "2 characters of Han script (\u4E00\u4E8C) are in no font of the profile; the PDF "
          "shows '\uFFFD' in their place; add a TrueType font that covers Han (e.g. Noto Sans "
          "SC, TC or JP) to 'fonts.fallback'");
    // At the first of them: "gut 😀 und " is 13 bytes.
    CHECK(d.span.begin.line == 3);
    CHECK(d.span.begin.column == 14);
}

TEST_CASE("missing characters are reported once per article and script, wherever they are") {
    Fixture f;
    UncoveredText uncovered;
    ParagraphSpec first = f.spec(
        "Arzt \u0627\u0644\u0637\u0628\u064A\u0628\u060C und Stern "
        "\U0001FA7A \u2B58",
        400);
    ParagraphSpec second = f.spec("wieder \u0627\u0644\u0637\u0628\u064A\u0628", 400);
    second.pieces[0].span = SourceSpan::at("a.md", 9, 5);
    ParagraphSpec other_article = f.spec("\u062F", 400);
    other_article.pieces[0].span = SourceSpan::at("b.md", 1, 1);
    // Fonts without Arabic or the stethoscope emoji.
    for (ParagraphSpec* spec : {&first, &second, &other_article})
        spec->pieces[0].style.fallbacks = {};
    set_paragraph(first, f.fonts, f.sink, &uncovered);
    set_paragraph(second, f.fonts, f.sink, &uncovered);
    set_paragraph(other_article, f.fonts, f.sink, &uncovered);
    CHECK(f.sink.size() == 0);  // not before the document is set
    uncovered.report("a4-handout", f.sink);
    CHECK(uncovered.empty());
    std::vector<std::string> lines;
    for (const Diagnostic& d : f.sink.diagnostics())
        lines.push_back(d.span.file + ":" + std::to_string(d.span.begin.line) + ":" +
                        std::to_string(d.span.begin.column) + ": " + d.message);
    // The Arabic comma (a common character) goes with the Arabic letters.
    const std::vector<std::string> expected{
        "a.md:3:6: 6 characters of Arabic script (\u0627\u0644\u0637\u0628\u064A\u060C) are "
        "in no font of profile 'a4-handout'; the PDF shows '\uFFFD' in their place; add a "
        "TrueType font that covers Arabic (e.g. Noto Naskh Arabic) to 'fonts.fallback'",
        "a.md:3:31: 1 emoji (U+1FA7A '\U0001FA7A') is in no font of profile 'a4-handout'; the "
        "PDF shows '\uFFFD' in its place; add a TrueType font with emoji (e.g. Noto Emoji) to "
        "'fonts.fallback'",
        "a.md:3:36: 1 symbol (U+2B58 '\u2B58') is in no font of profile 'a4-handout'; the PDF "
        "shows '\uFFFD' in its place; add a TrueType font that has it (e.g. Noto Sans Symbols "
        "2) to 'fonts.fallback'",
        "b.md:1:1: 1 character of Arabic script (\u062F) is in no font of profile "
        "'a4-handout'; the PDF shows '\uFFFD' in its place; add a TrueType font that covers "
        "Arabic (e.g. Noto Naskh Arabic) to 'fonts.fallback'",
    };
    CHECK(lines == expected);
}

TEST_CASE("a word longer than the measure is broken inside, with a warning, and nothing is lost") {
    Fixture f;
    const SetParagraph p =
        set_paragraph(f.spec("Die Donaudampfschifffahrtsgesellschaftskapitänsmütze ist weg", 80),
                      f.fonts, f.sink);
    REQUIRE(p.lines.size() >= 3);
    std::string all;
    for (const SetLine& line : p.lines) {
        CAPTURE(line_text(line));
        CHECK(glyph_extent(line) <= 80.01);  // nothing runs into the margin
        std::string text = line_text(line);
        if (line.hyphenated) {
            REQUIRE(text.ends_with("-"));
            text.pop_back();
            all += text;
        } else {
            all += text + " ";
        }
    }
    CHECK(all == "Die Donaudampfschifffahrtsgesellschaftskapitänsmütze ist weg ");
    REQUIRE(f.sink.size() == 1);
    CHECK(f.sink.diagnostics()[0].code == "overlong-word");
    CHECK(f.sink.diagnostics()[0].message ==
          "word longer than the measure: 'Donaudampfschifffahrtsgesellschaftskapitänsmütze' is "
          "broken where the line ends, wherever that falls");
}

namespace {

// Allows a break between any two letters of words longer than 5 bytes.
class EveryLetter final : public Hyphenator {
public:
    void find_points(std::string_view word, std::string_view,
                     std::vector<std::size_t>& points) const override {
        points.clear();
        if (word.size() <= 5) return;
        for (std::size_t i = 2; i + 2 < word.size(); ++i) {
            if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) points.push_back(i);
        }
    }
};

}  // namespace

TEST_CASE("a hyphenator's points become breaks with a hyphen when the first pass fails") {
    Fixture f;
    EveryLetter hyphenator;
    ParagraphSpec spec = f.spec(sample, 110);
    spec.hyphenator = &hyphenator;
    const SetParagraph p = set_paragraph(spec, f.fonts, f.sink);
    int hyphenated = 0;
    for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
        const SetLine& line = p.lines[i];
        CHECK(std::abs(line.width - 110) < 0.01);
        if (line.hyphenated) {
            ++hyphenated;
            CHECK(line.runs.back().text.ends_with("-"));
        }
    }
    CHECK(hyphenated > 0);
}

TEST_CASE("ragged and centred setting leave the spaces at their natural width") {
    Fixture f;
    for (Alignment align : {Alignment::left, Alignment::right, Alignment::center}) {
        const SetParagraph p = set_paragraph(f.spec(sample, 200, align), f.fonts, f.sink);
        REQUIRE(p.lines.size() > 3);
        const double space = f.fonts.shape(f.charis, " ", "de", "")[0].x_advance * 10.0 / 2048;
        for (const SetLine& line : p.lines) {
            CHECK(line.width <= 200.01);
            for (const GlyphRun& run : line.runs) {
                for (const PlacedGlyph& g : run.glyphs) {
                    if (run.text[g.cluster] == ' ' && &g != break_space(line))
                        CHECK(g.advance == doctest::Approx(space));
                }
            }
            if (align == Alignment::right) CHECK(line.width == doctest::Approx(200));
            if (align == Alignment::left) CHECK(line.runs[0].x == 0);
        }
    }
}

TEST_CASE("shaping cache and the speed of breaking a long article") {
    Fixture f;
    const ShapingStats before = f.fonts.stats();
    set_paragraph(f.spec(sample, 240), f.fonts, f.sink);
    const ShapingStats one = f.fonts.stats();
    const double hit_rate =
        1.0 - static_cast<double>(one.shaped - before.shaped) / (one.requests - before.requests);
    MESSAGE("shaping cache hit rate on one paragraph: "
            << hit_rate * 100 << " % of " << one.requests - before.requests << " requests");
    set_paragraph(f.spec(sample, 180), f.fonts, f.sink);
    CHECK(f.fonts.stats().shaped == one.shaped);  // the same words again: all cached

    // The sample clinic's articles (about 6,800 words, German and English),
    // front matter dropped and Markdown markup stripped crudely: the words
    // and paragraph lengths of a real brochure.
    std::vector<std::pair<std::string, std::string>> paragraphs;  // lang, text
    std::size_t words = 0;
    const auto articles = std::filesystem::path(PAMPHLET_SOURCE_DIR) / "samples/clinic/articles";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(articles)) {
        if (entry.path().extension() == ".md") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 8);
    for (const auto& file : files) {
        const std::string lang = file.stem().extension().string().substr(1);
        std::ifstream in(file);
        std::string line, paragraph;
        int fences = 0;
        auto flush = [&] {
            if (!paragraph.empty()) paragraphs.emplace_back(lang, paragraph);
            paragraph.clear();
        };
        while (std::getline(in, line)) {
            if (line == "---" && fences < 2) {
                ++fences;
                continue;
            }
            if (fences < 2) continue;
            if (line.empty()) {
                flush();
                continue;
            }
            for (char& c : line) {
                if (c == '#' || c == '*' || c == '_' || c == '[' || c == ']' || c == '>') c = ' ';
            }
            std::istringstream tokens(line);
            std::string word;
            while (tokens >> word) {
                paragraph += (paragraph.empty() ? "" : " ") + word;
                ++words;
            }
        }
        flush();
    }
    REQUIRE(words > 5000);

    FontSet cold;
    std::string error;
    const int charis = *cold.load(fonts_dir / "CharisSIL-Regular.ttf", error);
    const int dejavu = *cold.load(fonts_dir / "DejaVuSans.ttf", error);
    auto spec_for = [&](const std::pair<std::string, std::string>& p) {
        ParagraphSpec spec;
        TextStyle style;
        style.font = charis;
        style.fallbacks = {dejavu};
        spec.pieces.push_back({p.second, style, {}, -1});
        spec.lang = p.first;
        spec.measure = 240;
        spec.params.emergency_stretch = 20;
        return spec;
    };
    std::size_t lines = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& p : paragraphs) lines += set_paragraph(spec_for(p), cold, f.sink).lines.size();
    const auto middle = std::chrono::steady_clock::now();
    const ShapingStats first_run = cold.stats();
    for (const auto& p : paragraphs) set_paragraph(spec_for(p), cold, f.sink);
    const auto end = std::chrono::steady_clock::now();
    CHECK(cold.stats().shaped == first_run.shaped);
    using ms = std::chrono::duration<double, std::milli>;
    MESSAGE(paragraphs.size() << " paragraphs, " << words << " words, " << lines << " lines: "
                              << ms(middle - start).count() << " ms with a cold shaping cache, "
                              << ms(end - middle).count() << " ms warm; cache hit rate "
                              << 100.0 * (1.0 - static_cast<double>(first_run.shaped) /
                                                    first_run.requests)
                              << " % of " << first_run.requests << " requests");
    CHECK(lines > 400);

    // The worst case for the breaker: all of it as one paragraph.
    std::pair<std::string, std::string> everything{"en", {}};
    for (const auto& p : paragraphs) everything.second += p.second + " ";
    const auto one_start = std::chrono::steady_clock::now();
    const std::size_t one_lines = set_paragraph(spec_for(everything), cold, f.sink).lines.size();
    const auto one_end = std::chrono::steady_clock::now();
    MESSAGE("as one paragraph: " << one_lines << " lines in " << ms(one_end - one_start).count()
                                 << " ms");
    CHECK(one_lines >= lines / 2);
    CHECK_FALSE(has_notdef(set_paragraph(spec_for(paragraphs.front()), cold, f.sink)));
}

TEST_CASE("a word that changes style mid-word still breaks normally around it") {
    // Regression: "**Sinnesorgan**: In den ..." in a list item used to leave
    // "Sie sind ein" alone on a fully stretched line.
    Fixture f;
    ParagraphSpec p;
    p.lang = "de";
    p.measure = 370;
    TextStyle bold = f.style();
    bold.font = f.load("CharisSIL-Bold.ttf");
    p.pieces = {
        {"Sie sind ein ", f.style(), {}, -1},
        {"Sinnesorgan", bold, {}, -1},
        {": In den Faszien stecken zahlreiche Nervenendigungen, die u.\u202Fa. Informationen "
         "über Bewegung, Spannung und Lage des Körpers liefern – und auch Schmerz melden können.",
         f.style(),
         {},
         -1}};
    for (double size : {10.0, 10.5, 11.0}) {
        for (double measure = 340; measure <= 400; measure += 2) {
            for (auto& piece : p.pieces) piece.style.size = size;
            p.measure = measure;
            SetParagraph set = set_paragraph(p, f.fonts, f.sink);
            REQUIRE(set.lines.size() >= 2);
            INFO(size << "pt on " << measure << "pt: " << line_text(set.lines[0]));
            CHECK(line_text(set.lines[0]).find("Sinnesorgan") != std::string::npos);
        }
    }
}

TEST_CASE("no line begins with a dash; the space before one stretches but does not break") {
    Fixture f;
    const std::string text =
        "Die Übungen stärken den Rücken – und sie helfen im Alltag. Wer täglich übt, merkt den "
        "Unterschied — schon nach wenigen Wochen. Kniebeugen  – langsam und kontrolliert – "
        "entlasten die Achse Knie–Hüfte spürbar.";
    int after_dash = 0, inside_word = 0;
    for (double measure = 80; measure <= 260; measure += 1) {
        const SetParagraph p = set_paragraph(f.spec(text, measure), f.fonts, f.sink);
        for (std::size_t i = 0; i < p.lines.size(); ++i) {
            const SetLine& line = p.lines[i];
            const std::string t = line_text(line);
            CAPTURE(measure);
            CAPTURE(t);
            CHECK_FALSE(t.starts_with("–"));
            CHECK_FALSE(t.starts_with("—"));
            after_dash += t.ends_with(" –") || t.ends_with(" —");
            inside_word += t.ends_with("Knie–");
            if (i + 1 == p.lines.size()) continue;
            // Justified: every space of the line, the one before a dash too,
            // takes its share of the stretch or shrink.
            std::vector<double> spaces;
            for (const GlyphRun& run : line.runs) {
                for (const PlacedGlyph& g : run.glyphs) {
                    if (run.text[g.cluster] == ' ' && &g != break_space(line))
                        spaces.push_back(g.advance);
                }
            }
            for (double space : spaces) CHECK(space == doctest::Approx(spaces.front()));
        }
    }
    CHECK(after_dash > 10);  // the break moves to after the dash
    CHECK(inside_word > 0);  // a dash inside a word still breaks after it
    CHECK(f.sink.size() == 0);

    // A word too long for any line breaks after any letter, but not before its dash.
    DiagnosticSink overlong;
    for (double measure = 40; measure <= 120; measure += 1) {
        const SetParagraph p = set_paragraph(
            f.spec("Donaudampfschifffahrtsgesellschaftskapitän—Mütze", measure), f.fonts, overlong);
        for (const SetLine& line : p.lines) {
            CAPTURE(measure);
            CHECK_FALSE(line_text(line).starts_with("—"));
        }
    }
}

TEST_CASE("looseness: the least bad breaks with one line more or one fewer") {
    Fixture f;
    EveryLetter hyphenator;
    const std::string text = sample + " " + sample + " " + sample + " " + sample;
    bool longer = false, shorter = false;
    for (double measure = 200; measure <= 320; measure += 20) {
        CAPTURE(measure);
        ParagraphSpec spec = f.spec(text, measure);
        spec.hyphenator = &hyphenator;
        const SetParagraph best = set_paragraph(spec, f.fonts, f.sink);
        REQUIRE(best.lines.size() >= 6);
        for (int looseness : {1, -1}) {
            CAPTURE(looseness);
            spec.params.looseness = looseness;
            const SetParagraph p = set_paragraph(spec, f.fonts, f.sink);
            const auto wanted = static_cast<std::size_t>(static_cast<int>(best.lines.size()) + looseness);
            if (p.lines.size() != wanted) continue;  // no such breaks: the nearest count
            (looseness > 0 ? longer : shorter) = true;
            for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
                CHECK(std::abs(p.lines[i].width - measure) < 0.01);  // still justified
                CHECK(p.lines[i].overflow == 0);
                // Looser (tighter) than the best, as the count says.
                if (looseness > 0) CHECK(p.lines[i].adjustment_ratio > -1);
            }
        }
    }
    CHECK(longer);
    CHECK(shorter);
}

TEST_CASE("struck-out text has a line through it, spaces between its words included") {
    Fixture f;
    ParagraphSpec spec = f.spec("Das ", 400, Alignment::left);
    TextStyle struck = f.style();
    struck.struck = true;
    spec.pieces.push_back({"alte Programm", struck, SourceSpan::at("a.md", 3, 5), -1});
    spec.pieces.push_back({" und das neue", f.style(), SourceSpan::at("a.md", 3, 20), -1});
    const SetParagraph p = set_paragraph(spec, f.fonts, f.sink);
    REQUIRE(p.lines.size() == 1);
    const SetLine& line = p.lines[0];
    REQUIRE(line.strikes.size() == 1);
    const LineStrike& strike = line.strikes[0];
    // From "alte" to "Programm": as wide as the struck words set alone.
    ParagraphSpec alone = f.spec("alte Programm", 400, Alignment::left);
    const double width = set_paragraph(alone, f.fonts, f.sink).lines.at(0).width;
    CHECK(strike.x1 - strike.x0 == doctest::Approx(width));
    CHECK(strike.x0 > 0);
    // Through the small letters, thinner than a quarter of their height.
    const FontMetrics& m = f.fonts.metrics(f.charis);
    const double x_height = m.x_height * 10 / m.units_per_em;
    CHECK(strike.y > x_height / 4);
    CHECK(strike.y < x_height);
    CHECK(strike.thickness > 0);
    CHECK(strike.thickness < x_height / 4);
}

TEST_CASE("a line that breaks at a space ends in that space, of no advance") {
    // pdfTeX's \pdfinterwordspaceon: a reader of the text (a tagged PDF's
    // structure) hears "you wonder", not "youwonder".
    Fixture f;
    EveryLetter hyphenator;
    ParagraphSpec spec = f.spec(sample, 110);
    spec.hyphenator = &hyphenator;
    const SetParagraph p = set_paragraph(spec, f.fonts, f.sink);
    REQUIRE(p.lines.size() > 4);
    int at_space = 0, hyphenated = 0;
    std::string all;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const SetLine& line = p.lines[i];
        CAPTURE(line_text(line));
        const bool last = i + 1 == p.lines.size();
        // Not after the breaker's hyphen (the word goes on), not at the end.
        CHECK((break_space(line) != nullptr) == (!last && !line.hyphenated));
        at_space += break_space(line) != nullptr;
        hyphenated += line.hyphenated;
        if (!last) CHECK(glyph_extent(line) == doctest::Approx(110).epsilon(1e-9));
        std::string text;
        for (const GlyphRun& run : line.runs) text += run.text;
        if (line.hyphenated) text.pop_back();  // the breaker's hyphen
        all += text;
    }
    CHECK(at_space > 2);
    CHECK(hyphenated > 0);
    CHECK(all == sample);  // the runs' characters read the paragraph as written

    // A forced break inside the paragraph, too; none after the last line.
    const SetParagraph address = set_paragraph(
        f.spec("Praxis am Markt\nMarktplatz 3\n12345 Musterstadt\n", 300), f.fonts, f.sink);
    REQUIRE(address.lines.size() == 3);
    CHECK(break_space(address.lines[0]) != nullptr);
    CHECK(break_space(address.lines[1]) != nullptr);
    CHECK(break_space(address.lines[2]) == nullptr);
    CHECK(address.lines[1].width == doctest::Approx(glyph_extent(address.lines[1])));
}
