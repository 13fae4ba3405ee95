// The bodies a collection lets go to stay within its memory budget, read
// again when a writer asks (Edition::body): the file is read, checked to be
// the one loaded, parsed and its links checked again, all without a word
// (the load said everything once).
#pragma once

#include "links.hpp"

#include "pamphlet/markdown.hpp"
#include "pamphlet/model.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pamphlet {

class BodyReader final : public ArticleReader {
public:
    // `article` (by id) is to be read again from `input`, whose text was `text`.
    void remember(const std::string& id, ArticleInput input, std::string_view text);
    // Once the edition has all its articles: their sections, for the links
    // (the loader checks the bodies it holds against the same tables).
    const EditionLinks& link(const Edition& edition) { return links_.emplace(edition); }
    bool empty() const { return sources_.empty(); }
    // Something the inputs point to (the load's own image store) that must
    // live as long as bodies may be read again.
    void keep_alive(std::shared_ptr<const void> thing) { keep_alive_ = std::move(thing); }

    ArticleBody read(const Article& article, DiagnosticSink& sink) const override;

    // The same, with the link checker's warnings said to `links_sink`: how
    // the loader checks the links of a body it did not keep.
    ArticleBody read(const Article& article, DiagnosticSink& sink,
                     DiagnosticSink& links_sink) const;

private:
    struct Source {
        ArticleInput input;
        std::size_t size = 0;
        std::size_t hash = 0;
    };
    std::optional<EditionLinks> links_;
    std::map<std::string, Source> sources_;  // article id -> where its body comes from
    std::shared_ptr<const void> keep_alive_;
};

}  // namespace pamphlet
