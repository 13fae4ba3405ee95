// Characters no font of the profile has. They are gathered over a whole
// document and reported once per article and script, at the first one, with
// the script's name and a font that would cover it: "2 characters of Han
// script (漢字) are in no font of profile 'a4-handout'; ...". The PDF shows
// a replacement mark in their place, so no text vanishes unnoticed.
#pragma once

#include "pamphlet/diagnostics.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pamphlet::typeset {

class UncoveredText {
public:
    // `c` of `script` (an ISO 15924 tag, see pamphlet/scripts.hpp) found at
    // `at`; `replaced` when the page shows a replacement mark for it.
    void add(char32_t c, const std::string& script, const SourceSpan& at, bool replaced);

    // One warning ("uncovered-script") per article file and script, in the
    // order they were first met; then forgets them. `profile_id` names the
    // profile whose fonts lack them (empty: "the profile").
    void report(std::string_view profile_id, DiagnosticSink& sink);

    bool empty() const { return groups_.empty(); }

private:
    struct Group {
        std::string script;
        SourceSpan first;
        std::vector<char32_t> chars;  // distinct, in order of appearance
        bool all_replaced = true;
    };
    std::vector<Group> groups_;
    std::map<std::pair<std::string, std::string>, std::size_t> index_;  // (file, script) -> group
};

}  // namespace pamphlet::typeset
