// Fuzz target: one article file (front matter and Markdown) in a small
// collection -> model -> EPUB and PDF, in memory. What `pamphlet build`
// does with an article, less the writing of files.
#include "fuzz_support.hpp"

#include "pamphlet/collection.hpp"

#include <optional>
#include <string_view>

using namespace pamphlet;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Profile& profile = fuzz::handout_profile();
    const std::filesystem::path dir = fuzz::scratch_dir() / "collection";
    fuzz::write_collection(dir, std::string_view(reinterpret_cast<const char*>(data), size));

    DiagnosticSink sink;
    SourceFiles sources;
    // Without keep_going, as a plain build: an article with errors is not typeset.
    std::optional<Collection> collection = load_collection(dir, {}, sources, sink);
    if (!collection) {
        fuzz::check(sink.has_errors(), "no collection, and no error to say why");
        return 0;
    }
    for (const Edition& edition : collection->editions)
        if (edition.lang == "en") fuzz::write_outputs(*collection, edition, profile, sink);
    return 0;
}
