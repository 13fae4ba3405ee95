// Fuzz target: YAML as pamphlet reads it from authors, twice per input:
// as collection.yaml (with two small articles; a collection that loads is
// written as EPUB and PDF, since its titles, publisher and cover end up in
// both) and as an article's front matter.
#include "fuzz_support.hpp"

#include "pamphlet/collection.hpp"
#include "pamphlet/markdown.hpp"

#include <optional>
#include <string>
#include <string_view>

using namespace pamphlet;

namespace {

void load_as_collection_yaml(std::string_view yaml) {
    const std::filesystem::path dir = fuzz::scratch_dir() / "collection";
    fuzz::write_collection(dir, fuzz::plain_article);
    fuzz::write_bytes(dir / "collection.yaml", yaml);

    DiagnosticSink sink;
    SourceFiles sources;
    std::optional<Collection> collection = load_collection(dir, {}, sources, sink);
    if (!collection) {
        fuzz::check(sink.has_errors(), "no collection, and no error to say why");
        return;
    }
    if (!collection->editions.empty()) {
        fuzz::write_outputs(*collection, collection->editions.front(), fuzz::handout_profile(),
                            sink);
    }
}

void parse_as_front_matter(std::string_view yaml) {
    const std::filesystem::path dir = fuzz::scratch_dir() / "collection";
    std::string text = "---\n";
    text += yaml;
    text += "\n---\n\nThe body.\n";
    ArticleInput input{"articles/first.en.md",
                       dir / "articles" / "first.en.md",
                       "first",
                       "en",
                       std::make_shared<const std::vector<std::string>>(
                           std::vector<std::string>{"first", "second"})};
    DiagnosticSink sink;
    std::optional<Article> article = parse_article(input, text, sink);
    fuzz::check(article.has_value() || sink.has_errors(), "no article, and no error to say why");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view yaml(reinterpret_cast<const char*>(data), size);
    load_as_collection_yaml(yaml);
    parse_as_front_matter(yaml);
    return 0;
}
