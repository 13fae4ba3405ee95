// The navigation documents, written as they are made: the same bytes as
// the tree serialise_xml writes, and what a reader needs in them.
#include "navigation.hpp"
#include "stylesheet.hpp"
#include "xml_writer.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <string>
#include <vector>

using namespace pamphlet::epub;

namespace {

std::vector<TocEntry> sample_toc() {
    std::vector<TocEntry> toc;
    toc.push_back({"Faszien – das unsichtbare Netz",
                   "text/fascia.xhtml",
                   {{"Was sind Faszien?", "text/fascia.xhtml#was", {}},
                    {"Übungen & „Tipps“ <kurz>",
                     "text/fascia.xhtml#uebungen",
                     {{"Dritte Ebene", "text/fascia.xhtml#drei", {}}}}}});
    toc.push_back({"", "text/empty.xhtml", {}});  // an empty label: <a …></a>
    toc.push_back({"Impressum", "text/colophon.xhtml", {}});
    return toc;
}

}  // namespace

TEST_CASE("nav.xhtml written as it is made is the tree's serialisation, byte for byte") {
    const std::vector<Landmark> landmarks = {{"toc", "Inhalt", "nav.xhtml#toc"},
                                             {"bodymatter", "Beginn", "text/fascia.xhtml"}};
    const std::vector<TocEntry> pages = {{"1", "text/fascia.xhtml#page-1", {}},
                                         {"2", "text/fascia.xhtml#page-2", {}}};
    for (const auto& toc : {sample_toc(), std::vector<TocEntry>{}}) {
        CHECK(
            navigation_text(toc, landmarks, pages, "de") ==
            serialize_xml(*navigation_document(toc, landmarks, pages, "de").xml, XmlFlavor::xhtml));
        CHECK(navigation_text(toc, {}, {}, "en") ==
              serialize_xml(*navigation_document(toc, {}, {}, "en").xml, XmlFlavor::xhtml));
    }
}

TEST_CASE("toc.ncx numbers every point in reading order and says the depth") {
    const std::string ncx = ncx_text(sample_toc(), "urn:uuid:1", "Gesund & munter", "de");
    pugi::xml_document doc;
    REQUIRE(doc.load_string(ncx.c_str()));
    const pugi::xml_node root = doc.child("ncx");
    CHECK(std::string(root.child("docTitle").child("text").text().get()) == "Gesund & munter");
    CHECK(std::string(root.child("head")
                          .find_child_by_attribute("meta", "name", "dtb:depth")
                          .attribute("content")
                          .value()) == "3");
    std::vector<std::string> order;
    for (const pugi::xpath_node& point : doc.select_nodes("//navPoint")) {
        order.push_back(point.node().attribute("playOrder").value() + std::string(" ") +
                        point.node().child("navLabel").child("text").text().get());
    }
    CHECK(order == std::vector<std::string>{"1 Faszien – das unsichtbare Netz",
                                            "2 Was sind Faszien?", "3 Übungen & „Tipps“ <kurz>",
                                            "4 Dritte Ebene", "5 ", "6 Impressum"});
    CHECK(ncx.find("<content src=\"text/fascia.xhtml#drei\"/>") != std::string::npos);
}

TEST_CASE("the sample of a navigation document needs the same characters in the same faces") {
    FaceUsage whole{}, sample{};
    const std::vector<TocEntry> toc = sample_toc();
    collect_face_usage(*navigation_document(toc, {}, {}, "de").xml, whole);
    collect_face_usage(*navigation_sample(toc, "de").xml, sample);
    CHECK(sample == whole);
}
