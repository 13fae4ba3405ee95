// What a book says about itself, the same in every format: the EPUB's
// package metadata and the PDF's document information and XMP are written
// from one EditionInfo, so the two cannot drift apart.
#pragma once

#include "pamphlet/model.hpp"

#include <string>
#include <vector>

namespace pamphlet {

struct EditionInfo {
    std::string identifier;  // the edition's, else "urn:pamphlet:<collection>:<lang>"
    std::string title;       // the edition's, else the collection's
    std::string subtitle;    // likewise; may be empty
    std::string lang;        // BCP 47
    // The articles' authors, each once, in article order: the book's
    // creators. The clinic when no article names one.
    std::vector<std::string> authors;
    std::string publisher;  // the clinic; may be empty
    std::string rights;     // may be empty
    std::string date;       // the collection's publication date (YYYY-MM-DD), or empty
    // The articles' tags, each once, in article order.
    std::vector<std::string> keywords;
};

// The metadata of `edition` (of `collection`): a handout's edition, which
// holds some of the articles, names their authors and tags only.
EditionInfo edition_info(const Collection& collection, const Edition& edition);

}  // namespace pamphlet
