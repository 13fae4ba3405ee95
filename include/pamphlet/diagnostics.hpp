// Diagnostics are values: every user-facing problem becomes a Diagnostic with a
// source span, collected in a DiagnosticSink and printed by the CLI. User
// mistakes never travel as exceptions across module boundaries.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet {

// 1-based line and column; column counts bytes of UTF-8 as editors with
// byte columns do (GCC, clang). 0 means "unknown".
struct SourcePos {
    int line = 0;
    int column = 0;
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

// The name of a file as diagnostics show it, interned: every span of a file
// shares one copy of its name (a model holds a span per inline and a page
// one per glyph run, so a copied path each would cost more than the text).
// Names live as long as the process; copying is copying a pointer; equal
// names are the same object. Safe to make and read on any thread.
class FileName {
public:
    FileName() = default;
    FileName(std::string_view name);
    FileName(const std::string& name) : FileName(std::string_view(name)) {}
    FileName(const char* name) : FileName(std::string_view(name)) {}
    const std::string& str() const { return name_ != nullptr ? *name_ : empty_name(); }
    operator const std::string&() const { return str(); }
    operator std::string_view() const { return str(); }
    bool empty() const { return name_ == nullptr; }
    const char* c_str() const { return str().c_str(); }
    std::size_t size() const { return str().size(); }
    // Against a FileName, a std::string or a literal alike.
    friend bool operator==(const FileName& a, std::string_view b) { return a.str() == b; }
    friend bool operator<(const FileName& a, const FileName& b) { return a.str() < b.str(); }
    friend std::string operator+(const FileName& a, std::string_view b) {
        std::string s = a.str();
        s += b;
        return s;
    }
    friend std::string operator+(std::string_view a, const FileName& b) {
        std::string s(a);
        s += b.str();
        return s;
    }

    friend std::ostream& operator<<(std::ostream& out, const FileName& name);

private:
    static const std::string& empty_name();
    const std::string* name_ = nullptr;
};

// A place in a user's file. `file` is the path as shown to the user.
struct SourceSpan {
    FileName file;
    SourcePos begin;
    SourcePos end;

    static SourceSpan at(FileName file, int line, int column) {
        return SourceSpan{file, {line, column}, {line, column}};
    }
    static SourceSpan whole(FileName file) { return SourceSpan{file, {}, {}}; }
    bool has_file() const { return !file.empty(); }
    bool has_position() const { return begin.line > 0; }
    // Same file, moved down by `lines` (front matter offsets and the like).
    SourceSpan shifted(int lines, int first_line_columns = 0) const;
    friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

enum class Severity { note, warning, error };

struct DiagnosticNote {
    SourceSpan span;
    std::string message;
};

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;  // stable identifier, e.g. "unknown-key"; tests match on it
    std::string message;
    SourceSpan span;
    std::vector<DiagnosticNote> notes;
};

// Collects diagnostics of one run. Not thread-safe; one sink per job.
class DiagnosticSink {
public:
    void report(Diagnostic d);
    // Every diagnostic of `other`, in its order, after these (a stage run on
    // another thread reports into a sink of its own).
    void take_all(DiagnosticSink&& other);
    void error(SourceSpan span, std::string code, std::string message);
    void warning(SourceSpan span, std::string code, std::string message);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return warnings_; }
    const std::vector<Diagnostic>& diagnostics() const { return items_; }
    // Diagnostics reported since `mark` (a previous size()).
    std::size_t size() const { return items_.size(); }

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
};

// The text of every file read in a run, so that a diagnostic can show the
// offending line with a caret under it.
// A file may instead be named with its place on disk, and is read only when
// a diagnostic shows one of its lines: a collection of thousands of articles
// does not keep their texts for the few that get a message.
class SourceFiles {
public:
    SourceFiles();
    ~SourceFiles();
    SourceFiles(const SourceFiles&) = delete;
    SourceFiles& operator=(const SourceFiles&) = delete;
    SourceFiles(SourceFiles&&) noexcept;
    SourceFiles& operator=(SourceFiles&&) noexcept;
    void add(const std::string& file, std::string text);
    void add_file(const std::string& file, std::filesystem::path path);
    const std::string* text(const std::string& file) const;
    // The files of `other` added to these (a stage run on another thread
    // names its files in a SourceFiles of its own).
    void take_all(SourceFiles&& other);
    // Line `line` (1-based) without its newline, or nullopt.
    std::optional<std::string_view> line(const std::string& file, int line) const;

private:
    struct Lazy;
    std::map<std::string, std::string> files_;
    std::unique_ptr<Lazy> lazy_;  // files named by place, and their texts once read
};

// "file:line:col: error: message", followed (when the source is known) by the
// source line and a caret, then the notes.
std::string format_diagnostic(const Diagnostic& d, const SourceFiles* sources = nullptr);
// Every diagnostic of the sink, formatted, in the order reported.
std::string format_diagnostics(const DiagnosticSink& sink, const SourceFiles* sources = nullptr);
// "error", "warning", "note".
std::string_view severity_name(Severity s);

// The candidate closest to `word` by edit distance, when it is close enough to
// be a plausible typo ("did you mean").
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

}  // namespace pamphlet
