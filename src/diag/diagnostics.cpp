#include "pamphlet/diagnostics.hpp"

#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/base/utf8.hpp"

#include <algorithm>
#include <mutex>
#include <ostream>
#include <unordered_set>

namespace pamphlet {

namespace {

struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The interned names: a node-based set, so that a name never moves once
// made. Only ever grows, by one entry per distinct file named in a run.
struct Names {
    std::mutex mutex;
    std::unordered_set<std::string, NameHash, std::equal_to<>> set;
};

Names& names() {
    static Names* n = new Names;  // never destroyed: spans may outlive main's locals
    return *n;
}

}  // namespace

FileName::FileName(std::string_view name) {
    if (name.empty()) return;
    Names& n = names();
    std::lock_guard lock(n.mutex);
    auto it = n.set.find(name);
    if (it == n.set.end()) it = n.set.emplace(name).first;
    name_ = &*it;
}

std::ostream& operator<<(std::ostream& out, const FileName& name) { return out << name.str(); }

const std::string& FileName::empty_name() {
    static const std::string empty;
    return empty;
}

SourceSpan SourceSpan::shifted(int lines, int first_line_columns) const {
    SourceSpan s = *this;
    auto move = [&](SourcePos& p) {
        if (p.line <= 0) return;
        if (p.line == 1) p.column += first_line_columns;
        p.line += lines;
    };
    move(s.begin);
    move(s.end);
    return s;
}

void DiagnosticSink::report(Diagnostic d) {
    if (d.severity == Severity::error) ++errors_;
    if (d.severity == Severity::warning) ++warnings_;
    items_.push_back(std::move(d));
}

void DiagnosticSink::take_all(DiagnosticSink&& other) {
    for (Diagnostic& d : other.items_) report(std::move(d));
    other = DiagnosticSink{};
}

void DiagnosticSink::error(SourceSpan span, std::string code, std::string message) {
    report(Diagnostic{Severity::error, std::move(code), std::move(message), std::move(span), {}});
}

void DiagnosticSink::warning(SourceSpan span, std::string code, std::string message) {
    report(Diagnostic{Severity::warning, std::move(code), std::move(message), std::move(span), {}});
}

struct SourceFiles::Lazy {
    std::mutex mutex;
    // Where each file named by place is, as a plain string (a path's parts
    // would cost a collection of thousands of articles more than their
    // names); empty when it is where its name says.
    std::map<std::string, std::string> places;
    std::map<std::string, std::string> texts;  // read so far
};

SourceFiles::SourceFiles() : lazy_(std::make_unique<Lazy>()) {}
SourceFiles::~SourceFiles() = default;
SourceFiles::SourceFiles(SourceFiles&&) noexcept = default;
SourceFiles& SourceFiles::operator=(SourceFiles&&) noexcept = default;

void SourceFiles::add(const std::string& file, std::string text) {
    files_[file] = std::move(text);
}

void SourceFiles::add_file(const std::string& file, std::filesystem::path path) {
    if (!lazy_) lazy_ = std::make_unique<Lazy>();  // moved from, then used again
    std::lock_guard lock(lazy_->mutex);
    lazy_->texts.erase(file);
    std::string& place = lazy_->places[file];
    place = path.native() == file ? std::string() : path.native();
}

void SourceFiles::take_all(SourceFiles&& other) {
    for (auto& [file, text] : other.files_) files_[file] = std::move(text);
    other.files_.clear();
    if (!other.lazy_) return;
    if (!lazy_) lazy_ = std::make_unique<Lazy>();
    std::scoped_lock lock(lazy_->mutex, other.lazy_->mutex);
    for (auto& [file, place] : other.lazy_->places) {
        lazy_->texts.erase(file);
        lazy_->places[file] = std::move(place);
    }
    for (auto& [file, text] : other.lazy_->texts) lazy_->texts[file] = std::move(text);
    other.lazy_->places.clear();
    other.lazy_->texts.clear();
}

const std::string* SourceFiles::text(const std::string& file) const {
    if (auto it = files_.find(file); it != files_.end()) return &it->second;
    if (!lazy_) return nullptr;  // moved from
    std::lock_guard lock(lazy_->mutex);
    if (auto it = lazy_->texts.find(file); it != lazy_->texts.end()) return &it->second;
    const auto place = lazy_->places.find(file);
    if (place == lazy_->places.end()) return nullptr;
    const std::filesystem::path where(place->second.empty() ? place->first : place->second);
    FileRead read = read_file_limited(where, limits::text_file_bytes);
    if (!read.ok()) return nullptr;
    return &lazy_->texts.emplace(file, std::move(read.bytes)).first->second;
}

std::optional<std::string_view> SourceFiles::line(const std::string& file, int line) const {
    const std::string* t = text(file);
    if (!t || line <= 0) return std::nullopt;
    std::string_view rest = *t;
    for (int i = 1; i < line; ++i) {
        auto nl = rest.find('\n');
        if (nl == std::string_view::npos) return std::nullopt;
        rest.remove_prefix(nl + 1);
    }
    auto nl = rest.find('\n');
    std::string_view l = rest.substr(0, nl);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

namespace {

std::string location(const SourceSpan& span) {
    if (!span.has_file()) return "pamphlet";
    std::string s = span.file;
    if (span.begin.line > 0) {
        s += ':' + std::to_string(span.begin.line);
        if (span.begin.column > 0) s += ':' + std::to_string(span.begin.column);
    }
    return s;
}

// A source line as it may be shown on a terminal: control characters become
// spaces, bytes that are not UTF-8 become U+FFFD (a byte for a byte would
// move the caret, but a terminal shows either as one column).
std::string printable(std::string_view line) {
    std::string out;
    utf8::for_each(line, [&](char32_t c) { utf8::append(out, c < 0x20 || c == 0x7F ? U' ' : c); });
    return out;
}

// The source line and a caret line under the span.
void append_excerpt(std::string& out, const SourceSpan& span, const SourceFiles* sources) {
    if (!sources || span.begin.line <= 0 || span.begin.column <= 0) return;
    auto line = sources->line(span.file, span.begin.line);
    if (!line) return;
    std::string shown = printable(*line);
    out += "  " + shown + "\n  ";
    // Columns are bytes; the caret must land under the right character, so
    // count only UTF-8 lead bytes before it.
    // One space per character before the column (a stray byte is a character).
    bool valid = true;
    for (std::size_t i = 0; i < line->size() && static_cast<int>(i) < span.begin.column - 1;) {
        utf8::decode(*line, i, valid);
        out += ' ';
    }
    int width = 1;
    if (span.end.line == span.begin.line && span.end.column > span.begin.column)
        width = span.end.column - span.begin.column;
    int remaining = static_cast<int>(line->size()) - (span.begin.column - 1);
    width = std::clamp(width, 1, std::max(1, remaining));
    out += '^';
    for (int i = 1; i < width; ++i) {
        std::size_t byte = static_cast<std::size_t>(span.begin.column - 1 + i);
        if (byte < line->size() && (static_cast<unsigned char>((*line)[byte]) & 0xC0) == 0x80)
            continue;
        out += '~';
    }
    out += '\n';
}

}  // namespace

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::note:
            return "note";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d, const SourceFiles* sources) {
    std::string out =
        location(d.span) + ": " + std::string(severity_name(d.severity)) + ": " + d.message + "\n";
    append_excerpt(out, d.span, sources);
    for (const auto& n : d.notes) {
        out += location(n.span) + ": note: " + n.message + "\n";
        append_excerpt(out, n.span, sources);
    }
    return out;
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
    // Optimal string alignment distance: insertions, deletions, substitutions
    // and transpositions of neighbours ("titel" -> "title") each cost one.
    auto distance = [](std::string_view a, std::string_view b) {
        const std::size_t w = b.size() + 1;
        std::vector<std::size_t> d((a.size() + 1) * w);
        for (std::size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
        for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            for (std::size_t j = 1; j <= b.size(); ++j) {
                std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
                std::size_t v = std::min(
                    {d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = std::min(v, d[(i - 2) * w + j - 2] + 1);
                d[i * w + j] = v;
            }
        }
        return d[a.size() * w + b.size()];
    };
    std::optional<std::string> best;
    std::size_t best_d = 0;
    for (const auto& c : candidates) {
        std::size_t d = distance(word, c);
        if (!best || d < best_d) {
            best = c;
            best_d = d;
        }
    }
    // A typo changes at most about a third of a word.
    if (!best || best_d == 0 || best_d > std::max<std::size_t>(1, word.size() / 3))
        return std::nullopt;
    return best;
}

std::string format_diagnostics(const DiagnosticSink& sink, const SourceFiles* sources) {
    std::string out;
    for (const auto& d : sink.diagnostics()) out += format_diagnostic(d, sources);
    return out;
}

}  // namespace pamphlet
