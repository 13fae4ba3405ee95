#include "exceptions.hpp"

#include "lower_case.hpp"

namespace pamphlet::hyphenation {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void add_exception(std::string_view written, Exceptions& out) {
    const LoweredWord lowered = lower_case_word(written);
    std::string word;
    std::vector<std::size_t> breaks;
    std::size_t characters = 0, begin = 0;
    for (std::size_t i = 0; i < lowered.characters(); ++i) {
        const std::string_view c(lowered.text.data() + begin, lowered.lowered_ends[i] - begin);
        begin = lowered.lowered_ends[i];
        if (c == "-") {
            if (characters > 0 && (breaks.empty() || breaks.back() != characters))
                breaks.push_back(characters);
            continue;
        }
        word += c;
        ++characters;
    }
    if (!breaks.empty() && breaks.back() == characters) breaks.pop_back();
    if (!word.empty()) out[word] = std::move(breaks);
}

}  // namespace

Exceptions parse_exceptions(std::string_view list) {
    Exceptions out;
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && is_space(list[i])) ++i;
        const std::size_t start = i;
        while (i < list.size() && !is_space(list[i])) ++i;
        if (i > start) add_exception(list.substr(start, i - start), out);
    }
    return out;
}

}  // namespace pamphlet::hyphenation
