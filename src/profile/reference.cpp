// `pamphlet profiles --keys` and the README's key table, both from the schema.
#include "schema.hpp"

#include "pamphlet/base/strings.hpp"
#include "pamphlet/profile.hpp"

#include <algorithm>

namespace pamphlet {
namespace {

std::string type_column(const profile::KeyBinding& binding) {
    const ProfileKey& key = *binding.key;
    std::string type{type_name(key.type)};
    if (key.type == ProfileType::Choice) return join(profile::choices_of(key), "|");
    if (binding.range)
        type += " " + std::string(binding.range->min_text) + " to " +
                std::string(binding.range->max_text);
    return type;
}

std::string default_column(const ProfileKey& key) {
    return key.default_value.empty() ? "(empty)" : std::string(key.default_value);
}

std::string_view top_group(std::string_view path) {
    return path.substr(0, path.find('.'));
}

std::string markdown_cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

// Words of `text` on lines of at most `width` bytes, each prefixed by `indent`.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    std::string line;
    while (!text.empty()) {
        auto space = text.find(' ');
        std::string_view word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += std::string(indent) + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + std::string(word);
    }
    if (!line.empty()) out += std::string(indent) + line + "\n";
    return out;
}

std::string markdown_reference() {
    std::string out = "| Key | Type | Default | Description |\n|---|---|---|---|\n";
    for (const auto& binding : profile::key_bindings()) {
        const ProfileKey& key = *binding.key;
        out += "| `" + std::string(key.path) + "` | " + markdown_cell(type_column(binding)) +
               " | " +
               (key.default_value.empty() ? std::string("(empty)")
                                          : "`" + markdown_cell(key.default_value) + "`") +
               " | " + markdown_cell(key.help) + " |\n";
    }
    return out;
}

std::string text_reference() {
    const auto& bindings = profile::key_bindings();
    std::size_t key_width = 0;
    std::size_t type_width = 0;
    for (const auto& binding : bindings) {
        key_width = std::max(key_width, binding.key->path.size());
        type_width = std::max(type_width, type_column(binding).size());
    }
    auto pad = [](std::string s, std::size_t width) {
        s.resize(std::max(s.size(), width), ' ');
        return s;
    };
    std::string out;
    std::string_view group;
    for (const auto& binding : bindings) {
        const ProfileKey& key = *binding.key;
        if (!out.empty() && top_group(key.path) != group) out += "\n";
        group = top_group(key.path);
        out += pad(std::string(key.path), key_width + 2) +
               pad(type_column(binding), type_width + 2) + default_column(key) + "\n";
        out += wrap(key.help, 76, "    ");
    }
    return out;
}

}  // namespace

std::string profile_keys_reference(bool markdown) {
    return markdown ? markdown_reference() : text_reference();
}

}  // namespace pamphlet
