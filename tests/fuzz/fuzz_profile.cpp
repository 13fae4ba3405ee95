// Fuzz target: a layout profile (layouts/*.yaml) as a user writes one. A
// profile that loads lays out and writes a small collection as PDF and
// EPUB: the values it lets through are what the typesetter must cope with.
#include "fuzz_support.hpp"

#include "pamphlet/collection.hpp"
#include "pamphlet/profile.hpp"

#include <cstdio>
#include <optional>
#include <string_view>

using namespace pamphlet;

namespace {

const Collection& small_collection() {
    static const Collection collection = [] {
        const std::filesystem::path dir = fuzz::scratch_dir() / "collection";
        fuzz::write_collection(dir, fuzz::plain_article);
        DiagnosticSink sink;
        SourceFiles sources;
        std::optional<Collection> loaded = load_collection(dir, {}, sources, sink);
        if (!loaded) std::fputs(format_diagnostics(sink).c_str(), stderr);
        fuzz::check(loaded.has_value(), "the fuzz targets' own collection does not load");
        return std::move(*loaded);
    }();
    return collection;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Collection& collection = small_collection();
    // In a folder of its own, where a profile looks for fonts first.
    const std::filesystem::path file = fuzz::scratch_dir() / "profile" / "fuzzed.yaml";
    fuzz::write_bytes(file, std::string_view(reinterpret_cast<const char*>(data), size));

    DiagnosticSink sink;
    SourceFiles sources;
    std::optional<Profile> profile =
        load_profile(file.string(), fuzz::source_paths(), sources, sink);
    if (!profile) {
        fuzz::check(sink.has_errors(), "no profile, and no error to say why");
        return 0;
    }
    fuzz::write_outputs(collection, collection.editions.front(), *profile, sink);
    return 0;
}
