#include "names.hpp"

namespace pamphlet::epub {

std::string safe_stem(std::string_view text, std::string_view fallback) {
    std::string stem;
    for (char c : text) {
        bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
        if (safe) {
            stem += c;
        } else if (!stem.empty() && stem.back() != '-') {
            stem += '-';
        }
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    return stem.empty() ? std::string(fallback) : stem;
}

std::string UniqueNames::claim(std::string_view stem, std::string_view extension) {
    std::string name = std::string(stem) + std::string(extension);
    for (int n = 2; taken_.count(name) != 0; ++n) {
        name = std::string(stem) + "-" + std::to_string(n) + std::string(extension);
    }
    taken_.insert(name);
    return name;
}

}  // namespace pamphlet::epub
