#include "pamphlet/edition_info.hpp"

#include <algorithm>

namespace pamphlet {

namespace {

void add_unique(std::vector<std::string>& values, const std::string& value) {
    if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
        values.push_back(value);
    }
}

}  // namespace

EditionInfo edition_info(const Collection& collection, const Edition& edition) {
    EditionInfo info;
    info.identifier = edition.identifier.empty()
                          ? "urn:pamphlet:" + collection.id + ":" + edition.lang
                          : edition.identifier;
    info.title = edition.title.empty() ? collection.title.get(edition.lang) : edition.title;
    info.subtitle =
        edition.subtitle.empty() ? collection.subtitle.get(edition.lang) : edition.subtitle;
    info.lang = edition.lang;
    for (const Article& article : edition.articles) add_unique(info.authors, article.author);
    if (info.authors.empty()) add_unique(info.authors, collection.publisher.name);
    info.publisher = collection.publisher.name;
    if (!collection.rights.empty()) info.rights = collection.rights.get(edition.lang);
    info.date = collection.date;
    for (const Article& article : edition.articles)
        for (const std::string& tag : article.tags) add_unique(info.keywords, tag);
    return info;
}

}  // namespace pamphlet
