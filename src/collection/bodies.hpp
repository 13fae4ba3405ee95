// The bodies a collection lets go to stay within its memory budget, read
// again when a writer asks (Edition::body): the file is read, checked to be
// the one loaded, parsed and its links checked again, all without a word
// (the load said everything once, the links' from their records).
#pragma once

#include "links.hpp"

#include "pamphlet/base/confine.hpp"
#include "pamphlet/markdown.hpp"
#include "pamphlet/model.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

// Where a collection's article files are, and what their ArticleInputs
// share: an article's input is made from its id and language when it is
// needed, so that a collection of thousands of articles does not hold one
// (with two paths) for each.
struct ArticleFiles {
    std::filesystem::path dir;  // the collection folder
    std::string display_dir;    // the folder as diagnostics name it ("": the current one)
    std::shared_ptr<const std::vector<std::string>> article_ids;  // shared by every input
    ImageStore* images = nullptr;
    Confinement confinement;  // the collection folder, every article's images inside it

    // "articles/ID.LANG.md"
    static std::string relative(const std::string& id, const std::string& lang) {
        return "articles/" + id + "." + lang + ".md";
    }
    // A file of the collection as diagnostics name it.
    std::string display(const std::string& relative) const {
        return display_dir.empty() ? relative : display_dir + "/" + relative;
    }
    ArticleInput input(const std::string& id, const std::string& lang) const {
        const std::string rel = relative(id, lang);
        return ArticleInput{display(rel), dir / rel,   id,    lang,
                            article_ids,  dir,        images, &confinement};
    }
};

class BodyReader final : public ArticleReader {
public:
    explicit BodyReader(std::shared_ptr<const ArticleFiles> files) : files_(std::move(files)) {}
    // `article` (by id) is to be read again from its file, whose text was
    // `text`; `links` are its link_records, kept until forget_links().
    void remember(const std::string& id, std::string_view text, std::vector<LinkRecord> links);
    // Once the edition has all its articles: their sections, for the links
    // (the loader checks the bodies it holds against the same tables).
    const EditionLinks& link(const Edition& edition) { return links_.emplace(edition); }
    bool empty() const { return sources_.empty(); }
    // Something the inputs point to (the load's own image store) that must
    // live as long as bodies may be read again.
    void keep_alive(std::shared_ptr<const void> thing) { keep_alive_ = std::move(thing); }

    ArticleBody read(const Article& article, DiagnosticSink& sink) const override;

    // What the link checker says of a body let go, from the links it was
    // remembered with (the file is not read again for it): how the loader
    // checks the links of a body it did not keep. Then forget_links(), once
    // every body's are said.
    void report_links(const Article& article, DiagnosticSink& sink) const;
    void forget_links() { std::map<std::string, std::vector<LinkRecord>>().swap(links_of_); }

private:
    // What the file held when it was loaded (its place follows from the article).
    struct Source {
        std::size_t size = 0;
        std::size_t hash = 0;
    };
    std::shared_ptr<const ArticleFiles> files_;
    std::optional<EditionLinks> links_;
    std::map<std::string, Source> sources_;  // article id -> what its file held
    std::map<std::string, std::vector<LinkRecord>> links_of_;  // article id -> its links
    std::shared_ptr<const void> keep_alive_;
};

}  // namespace pamphlet
