// Diagnostics are values: every user-facing problem becomes a Diagnostic with a
// source span, collected in a DiagnosticSink and printed by the CLI. User
// mistakes never travel as exceptions across module boundaries.
#pragma once

#include <cstddef>
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

// A place in a user's file. `file` is the path as shown to the user.
struct SourceSpan {
    std::string file;
    SourcePos begin;
    SourcePos end;

    static SourceSpan at(std::string file, int line, int column) {
        return SourceSpan{std::move(file), {line, column}, {line, column}};
    }
    static SourceSpan whole(std::string file) { return SourceSpan{std::move(file), {}, {}}; }
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
class SourceFiles {
public:
    void add(const std::string& file, std::string text);
    const std::string* text(const std::string& file) const;
    // Line `line` (1-based) without its newline, or nullopt.
    std::optional<std::string_view> line(const std::string& file, int line) const;

private:
    std::map<std::string, std::string> files_;
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
