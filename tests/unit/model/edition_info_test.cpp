#include "pamphlet/edition_info.hpp"

#include <doctest/doctest.h>

using namespace pamphlet;

namespace {

Article article(std::string id, std::string author, std::vector<std::string> tags) {
    Article a;
    a.id = std::move(id);
    a.author = std::move(author);
    a.tags = std::move(tags);
    return a;
}

Collection clinic() {
    Collection c;
    c.id = "clinic";
    c.title.by_lang = {{"de", "Gesund bleiben"}, {"en", "Staying well"}};
    c.subtitle.any = "Patient information";
    c.publisher.name = "Physiotherapie Lindenhof";
    c.rights.by_lang = {{"en", "All rights reserved"}};
    c.date = "2024-03-01";
    return c;
}

}  // namespace

TEST_CASE("a book's authors are its articles' authors, the clinic its publisher") {
    const Collection collection = clinic();
    Edition edition;
    edition.lang = "en";
    edition.articles = {article("a", "Jana Feld", {"back", "desk"}),
                        article("b", "Mo Berger", {"fascia", "back"}),
                        article("c", "Jana Feld", {}), article("d", "", {"stretching"})};
    const EditionInfo info = edition_info(collection, edition);
    CHECK(info.identifier == "urn:pamphlet:clinic:en");
    CHECK(info.title == "Staying well");
    CHECK(info.subtitle == "Patient information");
    CHECK(info.lang == "en");
    CHECK(info.authors == std::vector<std::string>{"Jana Feld", "Mo Berger"});
    CHECK(info.publisher == "Physiotherapie Lindenhof");
    CHECK(info.rights == "All rights reserved");
    CHECK(info.date == "2024-03-01");
    CHECK(info.keywords == std::vector<std::string>{"back", "desk", "fascia", "stretching"});
}

TEST_CASE("the edition's own title and identifier win; without authors the clinic is the author") {
    const Collection collection = clinic();
    Edition edition;
    edition.lang = "de";
    edition.identifier = "urn:isbn:9783000000000";
    edition.title = "Rücken";
    edition.subtitle = "Übungen";
    edition.articles = {article("a", "", {})};
    const EditionInfo info = edition_info(collection, edition);
    CHECK(info.identifier == "urn:isbn:9783000000000");
    CHECK(info.title == "Rücken");
    CHECK(info.subtitle == "Übungen");
    CHECK(info.authors == std::vector<std::string>{"Physiotherapie Lindenhof"});
    CHECK(info.rights == "All rights reserved");  // the only language given
    CHECK(info.keywords.empty());
}
