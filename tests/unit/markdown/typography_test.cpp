// Typography tables: input as typed on a keyboard -> what the reader sees.
// NBSP is U+00A0, NNBSP U+202F (narrow no-break space).
#include "model_sexpr.hpp"
#include "pamphlet/markdown.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using pamphlet::apply_typography;
using pamphlet::test::body;

namespace {

void check_table(std::string_view lang,
                 const std::vector<std::pair<std::string, std::string>>& rows) {
    for (const auto& [typed, shown] : rows) {
        CAPTURE(typed);
        CHECK(apply_typography(typed, lang) == shown);
    }
}

}  // namespace

TEST_CASE("German quotes and apostrophes") {
    check_table("de", {
                          {R"("Hallo")", "„Hallo“"},
                          {R"(Er sagte: "Komm!")", "Er sagte: „Komm!“"},
                          {R"("Sie sagte 'nein' und ging.")", "„Sie sagte ‚nein‘ und ging.“"},
                          {R"("'Innen' außen")", "„‚Innen‘ außen“"},
                          {R"(("Klammer") [‘x’])", "(„Klammer“) [‘x’]"},
                          {R"(geht's, wie's)", "geht’s, wie’s"},
                          {R"(Andreas' Buch)", "Andreas’ Buch"},
                          {R"(in den '90ern)", "in den ’90ern"},
                          {R"(Wort -- "Zitat")", "Wort – „Zitat“"},
                      });
}

TEST_CASE("English quotes and apostrophes") {
    check_table("en", {
                          {R"("Hello")", "“Hello”"},
                          {R"("She said 'no' and left.")", "“She said ‘no’ and left.”"},
                          {R"(it's, don't, the 90's)", "it’s, don’t, the 90’s"},
                          {R"(the dogs' bowls)", "the dogs’ bowls"},
                          {R"('90s music)", "’90s music"},
                      });
    // Other languages take the English style.
    CHECK(apply_typography(R"("Bonjour")", "fr") == "“Bonjour”");
    CHECK(apply_typography(R"("Hallo")", "de-AT") == "„Hallo“");
}

TEST_CASE("dashes and ellipses") {
    check_table("de", {
                          {"1990--2000", "1990–2000"},
                          {"Warte---jetzt", "Warte—jetzt"},
                          {"Dehnen - nicht federn", "Dehnen – nicht federn"},
                          {"-5 Grad, a-b, - Liste", "-5\u00A0Grad, a-b, - Liste"},
                          {"Und dann...", "Und dann…"},
                          {"----", "—-"},
                      });
}

TEST_CASE("German non-breaking spaces") {
    check_table(
        "de",
        {
            {"z. B. Dehnen", "z.\u202FB. Dehnen"},
            {"d. h. täglich, u. a. hier, i. d. R. nicht",
             "d.\u202Fh. täglich, u.\u202Fa. hier, i.\u202Fd.\u202FR. nicht"},
            {"u. v. m. und z. Zt. oder o. ä.",
             "u.\u202Fv.\u202Fm. und z.\u202FZt. oder o.\u202Fä."},
            {"S. 4, Nr. 5, Abb. 2, ca. 20", "S.\u00A04, Nr.\u00A05, Abb.\u00A02, ca.\u00A020"},
            {"Dr. Meier und Prof. Schmidt", "Dr.\u00A0Meier und Prof.\u00A0Schmidt"},
            {"ca. zwanzig, Nr. eins", "ca. zwanzig, Nr. eins"},
            {"20 % und 5 ‰, 37 °C", "20\u00A0% und 5\u00A0‰, 37\u00A0°C"},
            {"3 x täglich 10 Minuten, 2 Mal", "3\u00A0x täglich 10\u00A0Minuten, 2\u00A0Mal"},
            {"5 km, 200 g, 1,5 l, 30 Sek. Pause",
             "5\u00A0km, 200\u00A0g, 1,5\u00A0l, 30\u00A0Sek. Pause"},
            {"5 Minis, 3 malen, 4 mal", "5 Minis, 3 malen, 4 mal"},
            {"20 €", "20\u00A0€"},
        });
}

TEST_CASE("English non-breaking spaces") {
    check_table("en", {
                          {"see p. 4 and Fig. 2", "see p.\u00A04 and Fig.\u00A02"},
                          {"Dr. Smith", "Dr.\u00A0Smith"},
                          {"e. g. this", "e.\u202Fg. this"},
                          {"10 minutes, 3 times, 5 km, 20 %",
                           "10\u00A0minutes, 3\u00A0times, 5\u00A0km, 20\u00A0%"},
                          {"10 mice", "10 mice"},
                          // German abbreviations mean nothing in English.
                          {"z. B. S. 4", "z. B. S. 4"},
                      });
}

TEST_CASE("typography across a paragraph's inlines, never inside code") {
    CHECK(body(R"("Hallo *Welt*" und *"Welt"*)") ==
          R"((p "„Hallo " (em "Welt") "“ und " (em "„Welt“")))");
    CHECK(body(R"("**fett**" sagt `"code" -- ...` "danach")") ==
          R"((p "„" (strong "fett") "“ sagt " (code "\"code\" -- ...") " „danach“"))");
    CHECK(body(R"(`a`'s)", "en") == R"((p (code "a") "’s"))");
    CHECK(body("\"Zeile\neins\"") == R"((p "„Zeile" (soft) "eins“"))");
    CHECK(body("```\n\"x\" -- ...\n```") == R"((pre "\"x\" -- ...\n"))");
    CHECK(body("[\"Link\"](https://example.org) z. B. 5 %") ==
          R"((p (a ext:https://example.org "„Link“") " z.\u202fB. 5\u00a0%"))");
    CHECK(body("## \"Titel\" -- Teil 2\n\n> \"Zitat\"") ==
          R"((h2#titel-teil-2 "„Titel“ – Teil 2") (quote (p "„Zitat“")))");
}

TEST_CASE("dashes and ellipses come first: what they take, no other rule sees") {
    check_table("de", {
                          {"-----", "—–"},
                          {"......", "……"},
                          {"....", "…."},
                          {"5 -- 6", "5 – 6"},
                          {"a - -b", "a - -b"},
                          {"Dann... - nicht", "Dann… – nicht"},
                          // A dash opens a quote; an ellipsis is not the
                          // abbreviation's or the unit's period.
                          {R"(Wort --"Zitat")", "Wort –„Zitat“"},
                          {R"("- ja")", "„- ja“"},
                          {"S... 4", "S… 4"},
                          {"30 Sek... Pause", "30 Sek… Pause"},
                          {"z. B... und", "z. B… und"},
                          {"Dr. Meier... Dr.... X", "Dr.\u00A0Meier… Dr…. X"},
                      });
    check_table("en", {
                          {"a---'b'", "a—‘b’"},
                          {"'Tis", "‘Tis"},
                          {"10 °F", "10\u00A0°F"},
                          {"approx. 5 kg", "approx.\u00A05\u00A0kg"},
                          {"Mr. Smith and mr. smith", "Mr.\u00A0Smith and mr. smith"},
                      });
}

TEST_CASE("ill-formed UTF-8 given to typography comes out as U+FFFD") {
    CHECK(apply_typography("a\xFF\"b\"", "en") == "a\uFFFD”b”");
}

TEST_CASE("typography rules reach across inlines and line ends") {
    CHECK(body("Dehnen -\nnicht federn") == R"((p "Dehnen –" (soft) "nicht federn"))");
    CHECK(body("Dr. *Meier* und 5 *km*") ==
          R"((p "Dr.\u00a0" (em "Meier") " und 5\u00a0" (em "km")))");
    CHECK(body("z.\nB. so") == R"((p "z." (soft) "B. so"))");
    CHECK(body("*--*-") == R"((p (em "–") "-"))");
    CHECK(body("`x`--'y'", "en") == R"((p (code "x") "–‘y’"))");
}
