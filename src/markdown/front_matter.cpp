#include "front_matter.hpp"

#include "pamphlet/base/dates.hpp"
#include "pamphlet/yaml.hpp"
#include "targets.hpp"

namespace pamphlet {
namespace {

std::string_view without_trailing_blanks(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line;
}

const std::vector<std::string> front_matter_keys{"title", "summary",   "author", "date",
                                                 "image", "image_alt", "tags",   "url"};

}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text,
                                                   const std::string& display_path,
                                                   DiagnosticSink& sink) {
    auto line_at = [&](std::size_t start) {
        const auto nl = text.find('\n', start);
        return text.substr(start, nl == std::string_view::npos ? text.size() - start : nl - start);
    };
    if (without_trailing_blanks(line_at(0)) != "---") {
        sink.error(SourceSpan::at(display_path, 1, 1), "missing-front-matter",
                   "an article must start with a front matter: a '---' line, YAML with at least "
                   "'title: ...', and a closing '---' line");
        return std::nullopt;
    }
    const std::size_t yaml_start = std::min(line_at(0).size() + 1, text.size());
    std::size_t start = yaml_start;
    int line = 2;
    while (start < text.size()) {
        const std::string_view current = line_at(start);
        const std::string_view fence = without_trailing_blanks(current);
        const std::size_t next = std::min(start + current.size() + 1, text.size());
        if (fence == "---" || fence == "...") {
            return FrontMatterSplit{text.substr(yaml_start, start - yaml_start), text.substr(next),
                                    line};
        }
        start = next;
        ++line;
    }
    sink.error(SourceSpan{display_path, {1, 1}, {1, 4}}, "unclosed-front-matter",
               "the front matter opened here is never closed by a '---' line");
    return std::nullopt;
}

bool read_front_matter(std::string_view yaml_text, const ArticleInput& input, Article& article,
                       DiagnosticSink& sink) {
    const std::size_t errors_before = sink.error_count();
    auto root = yaml::parse(yaml_text, input.display_path, sink, 2);
    if (!root) return false;
    if (!root->is_map()) {
        sink.error(root->span, "front-matter-not-map",
                   "the front matter must be a map of keys such as 'title: ...', found " +
                       std::string(root->kind_name()));
        return false;
    }
    yaml::check_keys(*root, front_matter_keys, "front matter", sink);

    if (const yaml::Node* title = root->find("title")) {
        if (auto s = yaml::as_string(*title, "title", sink)) {
            if (s->empty())
                sink.error(title->span, "empty-title", "the article's 'title' is empty");
            article.title = apply_typography(*s, input.lang);
        }
    } else {
        sink.error(root->span, "missing-title",
                   "the front matter has no 'title'; every article needs one");
    }
    if (const yaml::Node* summary = root->find("summary"))
        if (auto s = yaml::as_string(*summary, "summary", sink))
            article.summary = apply_typography(*s, input.lang);
    if (const yaml::Node* author = root->find("author"))
        if (auto s = yaml::as_string(*author, "author", sink)) article.author = *s;
    if (const yaml::Node* date = root->find("date")) {
        if (auto s = yaml::as_string(*date, "date", sink)) {
            if (is_iso_date(*s))
                article.date = *s;
            else
                sink.error(date->span, "invalid-date",
                           "'date' must be a day written as YYYY-MM-DD, e.g. 2024-03-18; found '" +
                               *s + "'");
        }
    }
    if (const yaml::Node* tags = root->find("tags"))
        if (auto list = yaml::as_string_list(*tags, "tags", sink, true)) article.tags = *list;
    if (const yaml::Node* url = root->find("url")) {
        if (auto s = yaml::as_string(*url, "url", sink)) {
            if (s->starts_with("http://") || s->starts_with("https://"))
                article.url = *s;
            else
                sink.error(url->span, "invalid-url",
                           "'url' must be a web address starting with http:// or https://; "
                           "found '" +
                               *s + "'");
        }
    }
    std::optional<std::string> alt;
    const yaml::Node* alt_node = root->find("image_alt");
    if (alt_node) alt = yaml::as_string(*alt_node, "image_alt", sink);
    if (const yaml::Node* image = root->find("image")) {
        if (auto src = yaml::as_string(*image, "image", sink)) {
            if (auto target = resolve_image(*src, input, image->span, sink)) {
                article.image = ArticleImage{
                    std::move(*target), alt ? apply_typography(*alt, input.lang) : "", image->span};
            }
            if (!alt_node || (alt && alt->empty()))
                sink.warning(image->span, "missing-alt",
                             "the front matter 'image' has no 'image_alt'; describe the image "
                             "for readers who cannot see it");
        }
    }
    return sink.error_count() == errors_before;
}

}  // namespace pamphlet
