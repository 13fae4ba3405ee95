#include "compiled.hpp"

#include "pamphlet/digest.hpp"

#include <cstring>

namespace pamphlet::hyphenation::compiled {

const Dictionary* find(std::string_view file_bytes) {
    for (const Dictionary& dictionary : dictionaries()) {
        // The size first: hashing is only worth it for a likely match.
        if (dictionary.file_size == file_bytes.size() &&
            dictionary.sha256 == sha256_hex(file_bytes))
            return &dictionary;
    }
    return nullptr;
}

Automaton::Automaton(const Dictionary& compiled) {
    // libhyphen's structures take non-const pointers but its hyphenating
    // functions only read through them.
    const auto text = [&](int offset) {
        return offset < 0 ? nullptr : const_cast<char*>(compiled.pool + offset);
    };
    std::size_t state_count = 0;
    for (const Level& level : compiled.levels) state_count += static_cast<std::size_t>(level.states);
    states_.resize(state_count);
    for (std::size_t i = 0; i < state_count; ++i) {
        const State& from = compiled.states[i];
        HyphenState& to = states_[i];
        to.match = text(from.match);
        to.repl = text(from.repl);
        to.replindex = from.replindex;
        to.replcut = from.replcut;
        to.fallback_state = from.fallback_state;
        to.num_trans = from.transitions;
        to.trans = from.transitions == 0
                       ? nullptr
                       : const_cast<HyphenTrans*>(compiled.transitions + from.first_transition);
    }
    levels_.resize(compiled.levels.size());
    for (std::size_t i = 0; i < levels_.size(); ++i) {
        const Level& from = compiled.levels[i];
        HyphenDict& to = levels_[i];
        std::memset(&to, 0, sizeof to);
        to.lhmin = from.lhmin;
        to.rhmin = from.rhmin;
        to.clhmin = from.clhmin;
        to.crhmin = from.crhmin;
        to.nohyphen = text(from.nohyphen);
        to.nohyphenl = from.nohyphenl;
        to.num_states = from.states;
        std::strncpy(to.cset, compiled.pool + from.cset, sizeof to.cset - 1);
        to.utf8 = from.utf8;
        to.states = states_.data() + from.first_state;
        to.nextlevel = i + 1 < levels_.size() ? &levels_[i + 1] : nullptr;
    }
}

}  // namespace pamphlet::hyphenation::compiled
