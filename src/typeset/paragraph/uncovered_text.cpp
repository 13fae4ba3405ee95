#include "paragraph/uncovered_text.hpp"

#include "paragraph/itemize.hpp"

#include "pamphlet/base/utf8.hpp"
#include "pamphlet/scripts.hpp"

#include <algorithm>

namespace pamphlet::typeset {

namespace {

// Letters of a script read best as they are ("漢字"); symbols and emoji
// are listed with their code points, since a reader may not show them.
std::string list_chars(const std::vector<char32_t>& chars, bool letters) {
    constexpr std::size_t shown_letters = 12, shown_symbols = 5;
    const std::size_t shown = letters ? shown_letters : shown_symbols;
    std::string list;
    for (std::size_t i = 0; i < chars.size() && i < shown; ++i) {
        if (letters) {
            utf8::append(list, chars[i]);
        } else {
            list += (i == 0 ? "" : ", ") + describe_char(chars[i]);
        }
    }
    if (chars.size() > shown) list += " and " + std::to_string(chars.size() - shown) + " more";
    return list;
}

}  // namespace

void UncoveredText::add(char32_t c, const std::string& script, const SourceSpan& at,
                        bool replaced) {
    auto [found, inserted] = index_.try_emplace({at.file, script}, groups_.size());
    if (inserted) groups_.push_back(Group{script, at, {}, true});
    Group& group = groups_[found->second];
    if (std::find(group.chars.begin(), group.chars.end(), c) == group.chars.end())
        group.chars.push_back(c);
    group.all_replaced = group.all_replaced && replaced;
}

void UncoveredText::report(std::string_view profile_id, DiagnosticSink& sink) {
    for (const Group& group : groups_) {
        const std::size_t count = group.chars.size();
        const bool one = count == 1;
        const std::string name = script_name(group.script);
        const bool emoji = group.script == script_emoji;
        const bool symbols = group.script == script_common || group.script == script_inherited;
        const bool letters = !emoji && !symbols;

        std::string what = std::to_string(count) + " ";
        if (emoji) {
            what += "emoji";
        } else if (symbols) {
            what += one ? "symbol" : "symbols";
        } else {
            what += (one ? "character of " : "characters of ") + name + " script";
        }
        std::string message = what + " (" + list_chars(group.chars, letters) + ") " +
                              (one ? "is" : "are") + " in no font of " +
                              (profile_id.empty() ? std::string("the profile")
                                                  : "profile '" + std::string(profile_id) + "'");
        message += group.all_replaced ? std::string(one ? "; the PDF shows '\uFFFD' in its place"
                                                        : "; the PDF shows '\uFFFD' in their place")
                                      : std::string(one ? "; it is left out of the PDF"
                                                        : "; they are left out of the PDF");
        const std::string covering = emoji     ? "with emoji"
                                     : symbols ? (one ? "that has it" : "that has them")
                                               : "that covers " + name;
        message += "; add a TrueType font " + covering + " (e.g. " +
                   script_font_hint(symbols ? std::string(script_common) : group.script) +
                   ") to 'fonts.fallback'";
        sink.warning(group.first, "uncovered-script", message);
    }
    groups_.clear();
    index_.clear();
}

}  // namespace pamphlet::typeset
