// The article collection on disk (collection.yaml + articles/ID.LANG.md) ->
// Collection with one Edition per language.
#pragma once

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/model.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet {

// How much memory of article bodies a collection holds by default: the
// bodies of about 550 articles of a clinic's size (5.6 KB of Markdown each,
// a parsed body about 19 KB; 12 MiB held 447 while an inline took 272
// bytes). Beyond it, bodies are read again when written, and memory stays
// flat.
inline constexpr std::size_t default_held_bodies_bytes = std::size_t{10} << 20;
class ImageStore;  // pamphlet/image.hpp

struct CollectionOptions {
    // Build only these languages (empty: all the collection's languages).
    std::vector<std::string> languages;
    // Errors in an article file do not fail the load: the article is listed
    // in Collection::broken_articles and the rest of the collection is
    // returned. Errors in collection.yaml still do.
    bool keep_going = false;
    // Article files are read and parsed on this many threads (the outcome,
    // diagnostics included, is the same for any number).
    int threads = 1;
    // The article bodies held in memory, in bytes (model_bytes): the first
    // articles' bodies are kept, the rest let go once read, checked and
    // reported on, and read again by each writer that needs them
    // (Edition::body). A build's memory so depends on its largest article,
    // not on the number of articles. 0 holds none.
    std::size_t held_bodies_bytes = default_held_bodies_bytes;
    // Where the images are loaded and judged (each file once); without one,
    // a store of the load's own. The assets outlive either; a store given
    // here must outlive the collection (its let-go bodies load from it).
    ImageStore* images = nullptr;
};

// Reads and validates the whole collection. Every problem found is reported
// (not just the first); nullopt when there were errors (with keep_going:
// errors outside the article files).
std::optional<Collection> load_collection(const std::filesystem::path& dir,
                                          const CollectionOptions& options, SourceFiles& sources,
                                          DiagnosticSink& sink);

// The Markdown file of `article`, one of `collection`'s:
// ROOT/articles/ID.LANG.md (made when asked rather than held per article).
std::filesystem::path article_file(const Collection& collection, const Article& article);

// A name-based (version 5, SHA-1) UUID for `name`, as "urn:uuid:...": the
// stable dc:identifier of an edition that has none of its own.
std::string name_based_urn_uuid(std::string_view name);

}  // namespace pamphlet
