// File names inside the book: safe for every reading system (ASCII letters,
// digits, '-' and '_') and unique, assigned in a fixed order so the same
// input always gets the same names.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace pamphlet::epub {

// "Knie Übung (1)" -> "Knie-bung-1"; `fallback` when nothing is left.
std::string safe_stem(std::string_view text, std::string_view fallback);

class UniqueNames {
public:
    // Reserves names that generated ones must not take.
    void reserve(std::string name) { taken_.insert(std::move(name)); }
    // `stem + extension`, or `stem-2 + extension`, `stem-3 ...` when taken.
    std::string claim(std::string_view stem, std::string_view extension);

private:
    std::set<std::string> taken_;
};

}  // namespace pamphlet::epub
