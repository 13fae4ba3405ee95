// The sample collection's articles as the model holds them: typography,
// merged text, figures, heading ids, one top-level block per line. The
// expected files were written by the converter before its typography became
// a single scan, so any change in what a reader sees shows up here. After an
// intended change, run the test with PAMPHLET_UPDATE_GOLDEN=1 and review the
// diff of tests/unit/markdown/data/samples/.
#include "model_sexpr.hpp"
#include "pamphlet/markdown.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace pamphlet;

namespace {

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string describe(const Article& article) {
    std::string out = "title " + article.title + "\nsummary " + article.summary + "\n";
    if (article.image) out += "image alt " + article.image->alt + "\n";
    for (const Block& block : *article.body) out += test::sexpr(std::vector<Block>{block}) + "\n";
    return out;
}

}  // namespace

TEST_CASE("the sample articles convert as before") {
    const fs::path samples = fs::path(PAMPHLET_SOURCE_DIR) / "samples" / "clinic";
    const fs::path expected_dir = fs::path(PAMPHLET_TEST_DIR) / "unit/markdown/data/samples";
    const bool update = std::getenv("PAMPHLET_UPDATE_GOLDEN") != nullptr;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(samples / "articles"))
        if (entry.path().extension() == ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 8);
    for (const fs::path& file : files) {
        CAPTURE(file.filename().string());
        const std::string name = file.stem().string();  // "fascia.de"
        ArticleInput input;
        input.display_path = file.filename().string();
        input.path = file;
        input.id = name.substr(0, name.find('.'));
        input.lang = name.substr(name.find('.') + 1);
        input.article_ids = std::make_shared<const std::vector<std::string>>(std::vector<std::string>{
            "massage-vs-physiotherapy", "fascia", "stretching", "back-at-the-desk"});
        input.collection_root = samples;
        DiagnosticSink sink;
        const std::optional<Article> article = parse_article(input, read(file), sink);
        REQUIRE(article);
        CHECK(test::codes(sink) == "");
        const std::string actual = describe(*article);
        const fs::path expected_file = expected_dir / (name + ".txt");
        if (update) {
            fs::create_directories(expected_dir);
            std::ofstream(expected_file, std::ios::binary) << actual;
            MESSAGE("updated " << expected_file.string());
            continue;
        }
        REQUIRE_MESSAGE(fs::exists(expected_file), "missing "
                                                       << expected_file.string()
                                                       << "; run with PAMPHLET_UPDATE_GOLDEN=1");
        CHECK(actual == read(expected_file));
    }
}
