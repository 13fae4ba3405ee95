// Pattern files compiled into pamphlet when it is built, as TeX dumps its
// patterns into a format file and Typst embeds its tries: libhyphen loads
// each shipped hyph_*.dic at build time (pamphlet-compile-hyphenation), and
// its state machine is written out as tables. At run time a dictionary is
// put together over those tables in well under a millisecond, where
// hnj_hyphen_load takes ~40 ms for the German patterns (56,000 states, each
// built through a hash table of strings). libhyphen still does all the
// hyphenating; only its load is done ahead of time.
//
// A pattern file found at run time is used compiled only when its bytes are
// the ones compiled (same size and SHA-256); any other file is loaded by
// libhyphen, so the hyphenation folder stays the authority.
#pragma once

#include "pamphlet/base/large_blocks.hpp"

#include <hyphen.h>

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace pamphlet::hyphenation::compiled {

// One state of libhyphen's automaton, with its strings as offsets into the
// dictionary's string pool (-1: none) and its transitions as a range of the
// dictionary's transition table.
struct State {
    int match;
    int repl;
    signed char replindex;
    signed char replcut;
    int fallback_state;
    int first_transition;
    int transitions;
};

// One level of a libhyphen dictionary (it chains two: the compound level and
// the patterns).
struct Level {
    char lhmin, rhmin, clhmin, crhmin;
    int utf8;
    int nohyphen;       // offset into the pool, -1: none
    int nohyphen_size;  // bytes, the NULs between its entries included
    int nohyphenl;
    int cset;  // offset into the pool
    int first_state;
    int states;
};

struct Dictionary {
    std::string_view file_name;  // "hyph_de_1996.dic"
    std::size_t file_size;
    std::string_view sha256;  // of the file, hex
    std::span<const Level> levels;
    const State* states;
    const HyphenTrans* transitions;
    const char* pool;
};

// Every dictionary compiled into this build (generated source).
std::span<const Dictionary> dictionaries();

// The compiled dictionary whose source had these bytes, or nullptr.
const Dictionary* find(std::string_view file_bytes);

// libhyphen's HyphenDict chain over a compiled dictionary's tables. The
// tables are only read (libhyphen never writes to a loaded dictionary), so
// the strings and transitions stay in the program's read-only data; only the
// state array, which holds pointers, is built (2.2 MB for German, in large
// blocks: base/large_blocks.hpp).
class Automaton {
public:
    explicit Automaton(const Dictionary& compiled);
    Automaton(const Automaton&) = delete;
    Automaton& operator=(const Automaton&) = delete;
    HyphenDict* get() { return levels_.data(); }

private:
    std::vector<HyphenDict> levels_;
    UnzeroedLargeVector<HyphenState> states_;  // every field of every state is set
};

}  // namespace pamphlet::hyphenation::compiled
