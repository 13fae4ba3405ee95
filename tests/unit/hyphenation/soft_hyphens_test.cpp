#include "pamphlet/hyphenation.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace pamphlet;

namespace {

// Soft hyphens shown as "|".
std::string shown(std::string text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        if (text.compare(pos, 2, "\u00AD") == 0) {
            out += '|';
            pos += 2;
        } else {
            out += text[pos++];
        }
    }
    return out;
}

struct Fixture {
    Fixture() : hyphenation({std::filesystem::path(PAMPHLET_SOURCE_DIR) / "hyphenation"}, {}) {}
    std::string soft(std::string_view text, std::string_view lang = "de") {
        const Hyphenator* hyphenator = hyphenation.for_language(lang, {}, sink);
        REQUIRE(hyphenator != nullptr);
        return shown(with_soft_hyphens(text, *hyphenator, lang));
    }
    Hyphenation hyphenation;
    DiagnosticSink sink;
};

}  // namespace

TEST_CASE("soft hyphens go where the paragraph engine would hyphenate") {
    Fixture f;
    CHECK(f.soft("Physiotherapie") == "Phy|sio|the|ra|pie");
    CHECK(f.soft("Die Rückenschmerzen lassen nach.") == "Die Rü|cken|schmer|zen las|sen nach.");
    // Punctuation around a word stays outside it.
    CHECK(f.soft("„Behandlung“,") == "„Be|hand|lung“,");
    // English patterns and English minimums (three letters after the last hyphen).
    CHECK(f.soft("physiotherapy", "en") == "phys|io|ther|apy");
}

TEST_CASE("a word the author already broke keeps only that break") {
    Fixture f;
    CHECK(f.soft("Physiotherapie-Praxis") == "Physiotherapie-Praxis");
    CHECK(f.soft("Behandlung/Therapie") == "Behandlung/Therapie");
    CHECK(f.soft("Be\u00ADhandlung") == "Be|handlung");
    CHECK(f.soft("Covid19-Impfung") == "Covid19-Impfung");
    // A break counts only inside the word, not in the punctuation around it.
    CHECK(f.soft("Rückenschmerzen-") == "Rü|cken|schmer|zen-");
    CHECK(f.soft("–Rückenschmerzen–,") == "–Rü|cken|schmer|zen–,");
    CHECK(f.soft("(Rücken‐)schmerzen") == "(Rücken‐)schmerzen");
}

TEST_CASE("white space, no-break spaces and short words are kept as they are") {
    Fixture f;
    CHECK(f.soft("") == "");
    CHECK(f.soft("  a  b\n") == "  a  b\n");
    CHECK(f.soft("10\u00A0Minuten Dehnung") == "10\u00A0Mi|nu|ten Deh|nung");
    CHECK(f.soft("Haus") == "Haus");  // shorter than the minimum word
    // Words of ASCII letters alone (taken whole as their core) beside
    // others, of every length.
    CHECK(f.soft("a ab Dehnung, Dehnungen x") == "a ab Deh|nung, Deh|nun|gen x");
    CHECK(f.soft("stretching", "en") == "stretch|ing");
}
