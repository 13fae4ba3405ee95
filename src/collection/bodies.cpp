#include "bodies.hpp"

#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"

#include <functional>

namespace pamphlet {

namespace {

// Whether the text read again is the text loaded: within one process,
// std::hash and the size tell an edited file from the same one.
std::size_t text_hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

void BodyReader::remember(const std::string& id, std::string_view text,
                          std::vector<LinkRecord> links) {
    sources_[id] = Source{text.size(), text_hash(text)};
    links_of_[id] = std::move(links);
}

void BodyReader::report_links(const Article& article, DiagnosticSink& sink) const {
    const auto found = links_of_.find(article.id);
    if (found != links_of_.end() && links_) links_->report(article, found->second, sink);
}

ArticleBody BodyReader::read(const Article& article, DiagnosticSink& sink) const {
    const auto found = sources_.find(article.id);
    if (found == sources_.end()) return make_body({});
    const Source& source = found->second;
    const ArticleInput input = files_->input(article.id, article.lang);
    const FileRead file = read_file_limited(input.path, limits::text_file_bytes);
    if (!file.ok() || file.bytes.size() != source.size || text_hash(file.bytes) != source.hash) {
        sink.error(article.span, "article-changed",
                   "the file changed (or went away) while pamphlet was building; build again");
        return nullptr;
    }
    DiagnosticSink quiet;
    ArticleBody again = parse_article_body(input, file.bytes, quiet);
    if (!again) {
        sink.error(article.span, "article-changed",
                   "the file reads differently than when the build began; build again");
        return nullptr;
    }
    return links_ ? links_->check(article, again, quiet) : again;
}

}  // namespace pamphlet
