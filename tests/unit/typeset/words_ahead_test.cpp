// Words prepared ahead on another thread (prepare_words, as the words-ahead
// thread runs it over an article's paragraphs): the paragraph then asks the
// hyphenator for nothing the thread did not, shapes only its spaces and
// hyphens, and is set exactly as without it.
#include "document/words_ahead.hpp"
#include "paragraph/paragraph.hpp"
#include "paragraph/paragraph_nodes.hpp"
#include "typeset/line_text.hpp"

#include "pamphlet/hyphenation.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <thread>

using namespace pamphlet;
using namespace pamphlet::typeset;

namespace {

const std::filesystem::path source_dir = PAMPHLET_SOURCE_DIR;

// The German hyphenator, noting every word it is asked about (from any thread).
class Recorder final : public Hyphenator {
public:
    explicit Recorder(const Hyphenator& real) : real_(real) {}
    void find_points(std::string_view word, std::string_view lang,
                     std::vector<std::size_t>& points) const override {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            asked_.insert(std::string(word));
        }
        real_.find_points(word, lang, points);
    }
    std::set<std::string> take() {
        const std::lock_guard<std::mutex> lock(mutex_);
        return std::exchange(asked_, {});
    }

private:
    const Hyphenator& real_;
    mutable std::mutex mutex_;
    mutable std::set<std::string> asked_;
};

struct Fixture {
    FontSet fonts;
    DiagnosticSink sink;
    Hyphenation hyphenation{{source_dir / "hyphenation"}, {}};
    const Hyphenator* german = hyphenation.for_language("de", {}, sink);
    TextStyle style = body_style();

    TextStyle body_style() {
        std::string error;
        const auto charis = fonts.load(source_dir / "fonts" / "CharisSIL-Regular.ttf", error);
        REQUIRE_MESSAGE(charis.has_value(), error);
        TextStyle s;
        s.font = *charis;
        s.size = 10;
        return s;
    }

    ParagraphSpec spec(const std::string& text, const Hyphenator& hyphenator) const {
        ParagraphSpec p;
        p.pieces.push_back({text, style, SourceSpan::at("a.md", 3, 1), -1});
        p.lang = "de";
        p.measure = 160;
        p.hyphenator = &hyphenator;
        return p;
    }
};

// Sentence punctuation, „quotes“, a slash between words, written hyphens,
// a soft hyphen, an address, a number, no-break spaces and a line break.
const std::string text =
    "Die Faszien umhüllen Muskeln, Organe und Knochen: „Bindegewebsstrukturen“ "
    "verbinden Rücken-/Schulterbereich und/oder Oberschenkelmuskulatur (siehe "
    "www.physiotherapie-lindenhof.example). Regel\u00ADmäßige Dehnübungen, etwa "
    "3\u00A0Minuten täglich, helfen Hand- und Fußpflegepraxen ebenso wie\n"
    "Schreibtischarbeitenden mit Nackenverspannungen.";

}  // namespace

TEST_CASE("a paragraph finds known every word prepared ahead on another thread") {
    Fixture f;
    REQUIRE(f.german != nullptr);
    Recorder recorder(*f.german);

    // Set once without anything prepared, in a set of fonts of its own.
    Fixture plain;
    const SetParagraph expected =
        set_paragraph(plain.spec(text, *plain.german), plain.fonts, plain.sink);

    const std::unique_ptr<FontSet::Lookahead> shaper = f.fonts.lookahead();
    std::thread ahead([&] { prepare_words(text, f.style, "de", *shaper, &recorder); });
    ahead.join();
    const std::set<std::string> prepared = recorder.take();
    CHECK(prepared.contains("Bindegewebsstrukturen"));
    CHECK(prepared.contains("Oberschenkelmuskulatur"));
    CHECK_FALSE(prepared.contains("Rücken-/Schulterbereich"));  // it brings its own breaks

    const std::size_t shaped_before = f.fonts.stats().shaped;
    const SetParagraph set = set_paragraph(f.spec(text, recorder), f.fonts, f.sink);
    // Only the space, the no-break space and the hyphen, which the paragraph
    // shapes one glyph at a time.
    CHECK(f.fonts.stats().shaped - shaped_before <= 3);
    for (const std::string& word : recorder.take()) {
        CAPTURE(word);
        CHECK(prepared.contains(word));
    }

    REQUIRE(set.lines.size() == expected.lines.size());
    for (std::size_t i = 0; i < set.lines.size(); ++i) {
        CAPTURE(i);
        CHECK(line_text(set.lines[i]) == line_text(expected.lines[i]));
        CHECK(set.lines[i].adjustment_ratio == expected.lines[i].adjustment_ratio);
        CHECK(set.lines[i].hyphenated == expected.lines[i].hyphenated);
    }
}

TEST_CASE("a word the face does not cover whole is left to the paragraph") {
    Fixture f;
    const std::unique_ptr<FontSet::Lookahead> shaper = f.fonts.lookahead();
    CHECK(shaper->shape(f.style.font, "Knochen", "de", ""));
    CHECK_FALSE(shaper->shape(f.style.font, "Knochen\u4E00", "de", ""));  // no CJK in Charis
    CHECK_FALSE(shaper->shape(f.style.font + 1, "Knochen", "de", ""));    // no such font
    const std::size_t shaped_before = f.fonts.stats().shaped;
    f.fonts.shape(f.style.font, "Knochen", "de", "");
    CHECK(f.fonts.stats().shaped == shaped_before);
}

TEST_CASE("the words ahead leave to the typesetter the paragraphs it is near or past") {
    TypesetterProgress progress;
    CHECK_FALSE(progress.near_or_past(0, 0));  // nothing begun yet
    progress.begun(0, 0);
    CHECK(progress.near_or_past(0, 0));  // being set
    CHECK(progress.near_or_past(0, 1));  // next: too near
    CHECK_FALSE(progress.near_or_past(0, 2));
    CHECK_FALSE(progress.near_or_past(1, 0));
    progress.begun(2, 5);
    CHECK(progress.near_or_past(1, 40));  // an article it has passed
    CHECK(progress.near_or_past(2, 6));
    CHECK_FALSE(progress.near_or_past(2, 7));
    CHECK_FALSE(progress.near_or_past(3, 0));
}
