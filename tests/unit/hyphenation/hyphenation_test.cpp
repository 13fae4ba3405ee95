#include "exceptions.hpp"
#include "lower_case.hpp"

#include "pamphlet/hyphenation.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace pamphlet;

namespace {

std::filesystem::path shipped_dictionaries() {
    return std::filesystem::path(PAMPHLET_SOURCE_DIR) / "hyphenation";
}

// "Zucker" -> "Zu-cker": the word with a hyphen at every point.
std::string hyphenated(const Hyphenator& hyphenator, const std::string& word,
                       std::string_view lang) {
    std::string out;
    std::size_t last = 0;
    for (std::size_t point : hyphenator.hyphenation_points(word, lang)) {
        REQUIRE(point > last);
        REQUIRE(point < word.size());
        out += word.substr(last, point - last) + "-";
        last = point;
    }
    return out + word.substr(last);
}

std::string without_hyphens(std::string word) {
    std::erase(word, '-');
    return word;
}

struct Fixture {
    explicit Fixture(HyphenationSettings settings = {})
        : hyphenation({shipped_dictionaries()}, std::move(settings)) {}

    // Each expected word, hyphenated by the language's patterns.
    void check(std::string_view lang, const std::vector<std::string>& expected) {
        const Hyphenator* hyphenator = hyphenation.for_language(lang, {}, sink);
        REQUIRE(hyphenator != nullptr);
        for (const std::string& word : expected)
            CHECK(hyphenated(*hyphenator, without_hyphens(word), lang) == word);
    }

    Hyphenation hyphenation;
    DiagnosticSink sink;
};

}  // namespace

TEST_CASE("german words break as TeX's hyph-de-1996 patterns say") {
    Fixture f;
    f.check("de", {"Deutsch-land", "Ar-beits-platz-ergo-no-mie", "Zu-cker", "Rü-cken-schmer-zen",
                   "Phy-sio-the-ra-pie", "Pro-duk-ti-ons-stra-te-gie", "Be-hand-lung",
                   "Wir-bel-säu-le", "Knie-ge-lenk", "Phy-sio-the-ra-peu-tin"});
    CHECK(f.sink.diagnostics().empty());
}

TEST_CASE("english words break as Knuth's US English patterns and exceptions say") {
    Fixture f;
    f.check("en", {"hy-phen-ation", "phys-io-ther-apy", "ther-apy", "treat-ment", "shoul-der",
                   "al-go-rithm", "ex-er-cises"});
    // Knuth's exception list, carried into the dictionary as whole-word patterns.
    f.check("en", {"ta-ble", "present", "as-so-ciate", "ref-or-ma-tion"});
}

TEST_CASE("regional variants use their language's patterns") {
    Fixture f;
    f.check("de-AT", {"Deutsch-land"});
    f.check("de_CH", {"Zu-cker"});
    f.check("en-GB", {"hy-phen-ation"});
    f.check("EN", {"treat-ment"});
    CHECK(f.sink.diagnostics().empty());
}

TEST_CASE("upper-case and umlaut words are lower-cased for the patterns, offsets kept") {
    Fixture f;
    f.check("de", {"Übun-gen", "ÜBUN-GEN", "RÜ-CKEN", "Wir-bel-säu-le", "WIR-BEL-SÄU-LE"});
    const Hyphenator* de = f.hyphenation.for_language("de", {}, f.sink);
    REQUIRE(de != nullptr);
    // Ü is two bytes: the break after "Übun" is after byte 5.
    CHECK(de->hyphenation_points("Übungen", "de") == std::vector<std::size_t>{5});
}

TEST_CASE("the profile's exceptions override the patterns") {
    HyphenationSettings settings;
    settings.exceptions = "  Ar-beits-platz\tthe-rapy Zucker\nPHYSIO-THERAPIE ";
    Fixture f(settings);
    // Patterns alone give Ar-beits-platz too; the exception changes nothing there.
    f.check("de", {"Ar-beits-platz", "Zucker", "Physio-therapie", "Ar-beits-platz-ergo-no-mie"});
    f.check("en", {"the-rapy", "hy-phen-ation"});
    // Exceptions are looked up in lower case, so they apply to any spelling.
    f.check("de", {"PHYSIO-THERAPIE", "ZUCKER"});
}

TEST_CASE("minimums: word length, characters before and after a hyphen") {
    SUBCASE("the languages' defaults: German 2/2, English 2/3 as in TeX") {
        Fixture f;
        // Four letters are too short (min_word 5); English needs three
        // characters after the last hyphen, so not pro-ject-ed.
        f.check("de", {"Tage", "Lie-be"});
        f.check("en", {"pro-jected", "hap-pen"});
        const Hyphenator* en = f.hyphenation.for_language("en", {}, f.sink);
        REQUIRE(en != nullptr);
        CHECK(hyphenated(*en, "rated", "en") == "rated");
    }
    SUBCASE("words shorter than min_word are left whole") {
        HyphenationSettings settings;
        settings.min_word = 7;
        Fixture f(settings);
        f.check("de", {"Liebe", "Zucker", "Schul-ter"});
    }
    SUBCASE("an exception shorter than min_word still breaks its word") {
        HyphenationSettings settings;
        settings.min_word = 7;
        settings.exceptions = "Bü-ro Ü-be";
        Fixture f(settings);
        f.check("de", {"Bü-ro", "BÜ-RO", "Ü-be", "Liebe", "Büros"});
    }
    SUBCASE("left and right minimums from the profile") {
        HyphenationSettings settings;
        settings.left_min = 3;
        settings.right_min = 4;
        Fixture f(settings);
        f.check("de", {"Phy-sio-the-rapie", "Deutsch-land", "Arbeits-platz-ergo-nomie"});
        f.check("en", {"hyphen-ation", "phys-io-therapy"});
    }
}

TEST_CASE("the same word is hyphenated once and answered alike") {
    Fixture f;
    const Hyphenator* de = f.hyphenation.for_language("de", {}, f.sink);
    REQUIRE(de != nullptr);
    const auto first = de->hyphenation_points("Rückenschmerzen", "de");
    CHECK(de->hyphenation_points("Rückenschmerzen", "de") == first);
    CHECK(f.hyphenation.for_language("de-DE", {}, f.sink) == de);
}

TEST_CASE("a language without patterns is reported once and not hyphenated") {
    Fixture f;
    const SourceSpan where = SourceSpan::whole("articles/bonjour.md");
    CHECK(f.hyphenation.for_language("fr", where, f.sink) == nullptr);
    CHECK(f.hyphenation.for_language("fr-CA", where, f.sink) == nullptr);
    CHECK(f.hyphenation.for_language("fr", where, f.sink) == nullptr);
    REQUIRE(f.sink.diagnostics().size() == 1);
    const Diagnostic& d = f.sink.diagnostics().front();
    CHECK(d.severity == Severity::warning);
    CHECK(d.code == "no-hyphenation-patterns");
    CHECK(d.message.find("no hyphenation patterns for language 'fr'") == 0);
    CHECK(d.span.file == "articles/bonjour.md");
}

TEST_CASE("missing dictionary files are reported, not fatal") {
    Hyphenation hyphenation({std::filesystem::path(PAMPHLET_TEST_DIR) / "no-such-folder"}, {});
    DiagnosticSink sink;
    CHECK(hyphenation.for_language("de", {}, sink) == nullptr);
    REQUIRE(sink.diagnostics().size() == 1);
    CHECK(sink.diagnostics().front().message.find("hyph_de_1996.dic") != std::string::npos);
}

TEST_CASE("primary language subtags") {
    CHECK(primary_language("de-AT") == "de");
    CHECK(primary_language("EN_gb") == "en");
    CHECK(primary_language("de") == "de");
    CHECK(primary_language("") == "");
}

TEST_CASE("lower case without a locale") {
    using hyphenation::lower_case;
    CHECK(lower_case(U'A') == U'a');
    CHECK(lower_case(U'Ä') == U'ä');
    CHECK(lower_case(U'Ö') == U'ö');
    CHECK(lower_case(U'Ü') == U'ü');
    CHECK(lower_case(U'ß') == U'ß');
    CHECK(lower_case(U'ẞ') == U'ß');
    CHECK(lower_case(U'×') == U'×');
    CHECK(lower_case(U'Ł') == U'ł');
    CHECK(lower_case(U'Ŝ') == U'ŝ');
    CHECK(lower_case(U'Ÿ') == U'ÿ');
    CHECK(lower_case(U'Ž') == U'ž');
    CHECK(lower_case(U'ĸ') == U'ĸ');
    const hyphenation::LoweredWord w = hyphenation::lower_case_word("İSTANBUL");
    CHECK(w.text == "istanbul");
    CHECK(w.original_ends.front() == 2);
    CHECK(w.lowered_ends.front() == 1);
}

TEST_CASE("exception lists") {
    const hyphenation::Exceptions e =
        hyphenation::parse_exceptions("Phy-sio-the-ra-pie -odd- dou--ble whole");
    CHECK(e.at("physiotherapie") == std::vector<std::size_t>{3, 6, 9, 11});
    CHECK(e.at("odd").empty());
    CHECK(e.at("double") == std::vector<std::size_t>{3});
    CHECK(e.at("whole").empty());
    CHECK(e.size() == 4);
}

TEST_CASE("patterns shared by documents are loaded once, and hyphenate alike on any thread") {
    HyphenationPatterns shared;
    const auto files = hyphenation_pattern_files({shipped_dictionaries()});
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "hyph_de_1996.dic");
    CHECK(files[1].filename() == "hyph_en_US.dic");
    CHECK(shared.load(files[0]) == shared.load(files[0]));
    CHECK(shared.load(shipped_dictionaries() / "no-such.dic") == nullptr);

    // Two documents with their own settings over one set of patterns.
    HyphenationSettings narrow;
    narrow.left_min = 4;
    Hyphenation first({shipped_dictionaries()}, {}, &shared);
    Hyphenation second({shipped_dictionaries()}, narrow, &shared);
    DiagnosticSink sink;
    const Hyphenator* a = first.for_language("de", {}, sink);
    const Hyphenator* b = second.for_language("de", {}, sink);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(hyphenated(*a, "Arbeitsplatz", "de") == "Ar-beits-platz");
    CHECK(hyphenated(*b, "Arbeitsplatz", "de") == "Arbeits-platz");

    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([&, t] {
            Hyphenation own({shipped_dictionaries()}, {}, &shared);
            DiagnosticSink own_sink;
            const Hyphenator* h = own.for_language("de", {}, own_sink);
            for (int i = 0; i < 200; ++i) results[t] = hyphenated(*h, "Physiotherapiepraxis", "de");
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::string& result : results) CHECK(result == results.front());
    CHECK(sink.diagnostics().empty());
}
