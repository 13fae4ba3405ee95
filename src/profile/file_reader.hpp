// Applying one profile file's YAML to a Profile: walking its nested maps
// against the schema and reporting keys and values that don't fit.
#pragma once

#include "checks.hpp"
#include "schema.hpp"

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/yaml.hpp"

#include <string>
#include <string_view>

namespace pamphlet::profile {

// The top-level directive naming the profile a file builds on. Not a schema
// key: it says where the values come from rather than being one of them.
inline constexpr std::string_view extends_directive = "extends";

// Writes the keys of one file over whatever `profile` already holds (the
// defaults, or the values of the profiles it extends), remembering where
// each key was written. `extends` is left to the caller.
class FileReader {
public:
    FileReader(Profile& profile, DiagnosticSink& sink) : profile_(profile), sink_(sink) {}

    void apply_root(const yaml::Node& root);

    // The keys this file wrote, at the span of their values.
    const WrittenKeys& written() const { return written_; }

private:
    void apply_map(const yaml::Node& map, const std::string& prefix);
    void apply_group(const std::string& path, const yaml::Node& value);
    void apply_value(const KeyBinding& binding, const yaml::Node& name, const yaml::Node& value);
    void report_unknown(const yaml::Node& key, const std::string& prefix);
    void remember_font_place(const KeyBinding& binding, const SourceSpan& span);
    void apply_font_list(const KeyBinding& binding, const yaml::Node& list);

    Profile& profile_;
    DiagnosticSink& sink_;
    WrittenKeys written_;
};

// "a string 'x'", "a map": the found side of "expected ..., found ..." messages.
std::string describe(const yaml::Node& node);

}  // namespace pamphlet::profile
