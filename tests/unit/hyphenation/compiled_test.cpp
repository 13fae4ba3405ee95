#include "compiled.hpp"
#include "pattern_hyphenator.hpp"

#include "pamphlet/base/files.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace pamphlet;
using namespace pamphlet::hyphenation;

namespace {

std::filesystem::path shipped(const char* name) {
    return std::filesystem::path(PAMPHLET_SOURCE_DIR) / "hyphenation" / name;
}

std::string text_or_empty(const char* s) { return s == nullptr ? std::string("<null>") : s; }

// Two HyphenDict chains are the same automaton: every level's settings,
// every state's strings, fallback and transitions.
void check_same(const HyphenDict* a, const HyphenDict* b) {
    int level = 0;
    for (; a != nullptr && b != nullptr; a = a->nextlevel, b = b->nextlevel, ++level) {
        CAPTURE(level);
        CHECK(a->lhmin == b->lhmin);
        CHECK(a->rhmin == b->rhmin);
        CHECK(a->clhmin == b->clhmin);
        CHECK(a->crhmin == b->crhmin);
        CHECK(a->utf8 == b->utf8);
        CHECK(std::strcmp(a->cset, b->cset) == 0);
        REQUIRE(a->nohyphenl == b->nohyphenl);
        REQUIRE((a->nohyphen == nullptr) == (b->nohyphen == nullptr));
        if (a->nohyphen != nullptr) {
            const char* x = a->nohyphen;
            const char* y = b->nohyphen;
            for (int i = 0; i <= a->nohyphenl; ++i) {
                CHECK(std::strcmp(x, y) == 0);
                x += std::strlen(x) + 1;
                y += std::strlen(y) + 1;
            }
        }
        REQUIRE(a->num_states == b->num_states);
        int differing = 0;
        for (int i = 0; i < a->num_states; ++i) {
            const HyphenState& s = a->states[i];
            const HyphenState& t = b->states[i];
            bool same = text_or_empty(s.match) == text_or_empty(t.match) &&
                        text_or_empty(s.repl) == text_or_empty(t.repl) &&
                        s.fallback_state == t.fallback_state && s.num_trans == t.num_trans;
            if (s.repl != nullptr)
                same = same && s.replindex == t.replindex && s.replcut == t.replcut;
            for (int k = 0; same && k < s.num_trans; ++k)
                same = s.trans[k].ch == t.trans[k].ch && s.trans[k].new_state == t.trans[k].new_state;
            if (!same) ++differing;
        }
        CHECK(differing == 0);
    }
    CHECK(a == nullptr);
    CHECK(b == nullptr);
}

}  // namespace

TEST_CASE("every shipped pattern file is compiled in, and is the automaton libhyphen loads") {
    const std::vector<const char*> files = {"hyph_de_1996.dic", "hyph_en_US.dic"};
    REQUIRE(compiled::dictionaries().size() == files.size());
    for (const char* name : files) {
        CAPTURE(name);
        const std::optional<std::string> bytes = read_file(shipped(name));
        REQUIRE(bytes);
        const compiled::Dictionary* tables = compiled::find(*bytes);
        REQUIRE(tables != nullptr);
        CHECK(tables->file_name == name);

        const std::shared_ptr<const Dictionary> fast = Dictionary::load(shipped(name));
        REQUIRE(fast);
        CHECK(fast->compiled());
        HyphenDict* slow = hnj_hyphen_load(shipped(name).c_str());
        REQUIRE(slow != nullptr);
        check_same(fast->get(), slow);
        hnj_hyphen_free(slow);
    }
}

TEST_CASE("a pattern file that is not one of the shipped ones is loaded by libhyphen") {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "pamphlet-compiled-test";
    std::filesystem::create_directories(dir);
    const std::filesystem::path file = dir / "hyph_de_1996.dic";
    {
        // A one-pattern German dictionary: a hyphen between every "a" and "b".
        std::ofstream out(file, std::ios::binary);
        out << "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\n";
    }
    const std::shared_ptr<const Dictionary> dictionary = Dictionary::load(file);
    REQUIRE(dictionary);
    CHECK_FALSE(dictionary->compiled());
    const PatternHyphenator hyphenator(dictionary, Minimums{1, 1, 1}, {});
    CHECK(hyphenator.hyphenation_points("abab", "de") == std::vector<std::size_t>{1, 3});
    // The same bytes as a shipped file, under any name, are the compiled tables.
    std::filesystem::copy_file(shipped("hyph_en_US.dic"), dir / "renamed.dic",
                               std::filesystem::copy_options::overwrite_existing);
    const std::shared_ptr<const Dictionary> renamed = Dictionary::load(dir / "renamed.dic");
    REQUIRE(renamed);
    CHECK(renamed->compiled());
    CHECK_FALSE(Dictionary::load(dir / "missing.dic"));
    std::filesystem::remove_all(dir);
}
