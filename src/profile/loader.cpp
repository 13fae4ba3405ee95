// Loading a layout profile: its file and, through `extends`, the profiles it
// builds on, applied from the farthest ancestor down; then its fonts, then
// the checks of keys against each other on the merged result.
#include "checks.hpp"
#include "file_reader.hpp"
#include "folders.hpp"
#include "font_files.hpp"
#include "lookup.hpp"
#include "schema.hpp"

#include "pamphlet/base/files.hpp"
#include "pamphlet/base/limits.hpp"
#include "pamphlet/profile.hpp"
#include "pamphlet/yaml.hpp"

#include <functional>
#include <string>
#include <system_error>
#include <vector>

namespace pamphlet {
namespace profile {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> font_dirs_for(const fs::path& profile_file, const ProfilePaths& paths) {
    fs::path folder = profile_file.parent_path();
    std::vector<fs::path> dirs{folder.empty() ? fs::path(".") : folder};
    dirs.insert(dirs.end(), paths.font_dirs.begin(), paths.font_dirs.end());
    return dirs;
}

// Gives the Font keys `wanted` accepts their files from `dirs`; `written`
// says where a profile named each, so a missing file points at that line.
void resolve_fonts(Profile& profile, const std::vector<fs::path>& dirs,
                   const ProfileFolders& allowed, const WrittenKeys& written,
                   const SourceSpan& fallback, DiagnosticSink& sink,
                   const std::function<bool(std::string_view)>& wanted) {
    auto resolve = [&](FontFile& font, const KeyBinding& binding) {
        if (font.name.empty()) return;  // already reported
        auto it = written.find(binding.key->path);
        const SourceSpan& span = font.span.has_file()  ? font.span
                                 : it != written.end() ? it->second
                                                       : fallback;
        if (auto path = resolve_font(font.name, binding.key->path, dirs, allowed, span, sink))
            font.path = *path;
    };
    for (const auto& binding : key_bindings()) {
        if (!wanted(binding.key->path)) continue;
        if (binding.key->type == ProfileType::Font)
            resolve(profile.*std::get<FontFile Profile::*>(binding.member), binding);
        if (binding.key->type == ProfileType::FontList)
            for (FontFile& font :
                 profile.*std::get<std::vector<FontFile> Profile::*>(binding.member))
                resolve(font, binding);
    }
}

// Reads a profile file and, before it, the chain of profiles it extends.
// Each file writes its keys over its parent's values and resolves the fonts
// it names from its own folder; the spans of the keys merge down the chain,
// so a later check blames the file that set a value last.
class ChainReader {
public:
    ChainReader(const ProfilePaths& paths, const ProfileFolders& allowed, SourceFiles& sources,
                DiagnosticSink& sink)
        : paths_(paths), allowed_(allowed), sources_(sources), sink_(sink) {}

    // `named_at`: where `file` was asked for, for a file that cannot be read.
    void read(const fs::path& file, const SourceSpan& named_at, Profile& profile) {
        const std::string shown = file.generic_string();
        const FileRead read = read_file_limited(file, limits::text_file_bytes);
        if (!read.ok()) {
            const SourceSpan& span = named_at.has_file() ? named_at : SourceSpan::whole(shown);
            if (read.problem == FileRead::Problem::too_large)
                sink_.error(span, "file-too-large",
                            "profile file " + shown + " " +
                                describe_problem(read, limits::text_file_bytes) +
                                "; it is not read");
            else
                sink_.error(span, "read-error",
                            read.problem == FileRead::Problem::missing
                                ? "profile file " + shown + " does not exist"
                                : "cannot read profile file " + shown + ": it " +
                                      describe_problem(read, limits::text_file_bytes));
            return;
        }
        sources_.add(shown, read.bytes);
        auto root = yaml::parse(read.bytes, shown, sink_);
        if (!root) return;

        chain_.push_back(Link{file.stem().string(), file_identity(file)});
        if (root->is_map())
            for (const auto& [key, value] : root->entries)
                if (key.value == extends_directive) read_parent(key, value, file, profile);

        FileReader reader(profile, sink_);
        reader.apply_root(*root);
        const WrittenKeys& own = reader.written();
        resolve_fonts(profile, font_dirs_for(file, paths_), allowed_, own, SourceSpan::whole(shown),
                      sink_, [&](std::string_view path) { return own.find(path) != own.end(); });
        for (const auto& [path, span] : own) written_.insert_or_assign(path, span);
        chain_.pop_back();
        profile.chain.push_back(file);
    }

    // Every key any file of the chain wrote, at the place that wrote it last.
    const WrittenKeys& written() const { return written_; }

private:
    struct Link {
        std::string id;
        fs::path identity;
    };

    void read_parent(const yaml::Node& key, const yaml::Node& value, const fs::path& child,
                     Profile& profile) {
        if (!value.is_scalar() || value.value.empty()) {
            sink_.error(value.is_null() ? key.span : value.span, "wrong-type",
                        "expected the name of a profile or the path of a .yaml file for "
                        "'extends', found " +
                            describe(value));
            return;
        }
        auto parent = find_profile(value.value, paths_, child.parent_path(), value.span, sink_);
        if (!parent) return;
        // Checked before the file is opened: its content would otherwise
        // show up in the YAML errors it is bound to cause.
        if (std::string why = allowed_.refusal(*parent); !why.empty()) {
            sink_.error(value.span, "outside-profile",
                        "'extends' names '" + value.value + "', which" + why);
            return;
        }
        const fs::path identity = file_identity(*parent);
        for (std::size_t i = 0; i < chain_.size(); ++i) {
            if (chain_[i].identity != identity) continue;
            report_loop(i, value.span);
            return;
        }
        read(*parent, value.span, profile);
    }

    // The chain from chain_[first] on comes back to chain_[first].
    void report_loop(std::size_t first, const SourceSpan& span) {
        const std::string& id = chain_[first].id;
        std::string message = "profile '" + id + "' extends itself";
        if (chain_.size() - first > 1) {
            message += " through ";
            for (std::size_t i = first; i < chain_.size(); ++i) message += chain_[i].id + " -> ";
            message += id;
        }
        sink_.error(span, "extends-loop", message);
    }

    const ProfilePaths& paths_;
    const ProfileFolders& allowed_;
    SourceFiles& sources_;
    DiagnosticSink& sink_;
    std::vector<Link> chain_;
    WrittenKeys written_;
};

}  // namespace
}  // namespace profile

std::optional<Profile> load_profile(std::string_view name_or_path, const ProfilePaths& paths,
                                    SourceFiles& sources, DiagnosticSink& sink) {
    const std::size_t errors_before = sink.error_count();
    auto file = profile::find_profile(name_or_path, paths, {}, SourceSpan{}, sink);
    if (!file) return std::nullopt;

    Profile result = profile::defaults();
    const profile::ProfileFolders allowed(*file, paths);
    profile::ChainReader chain(paths, allowed, sources, sink);
    chain.read(*file, SourceSpan{}, result);
    result.id = file->stem().string();
    result.file = *file;

    // Fonts no file of the chain names are the defaults, looked up beside
    // the profile that was asked for.
    const profile::WrittenKeys& written = chain.written();
    const SourceSpan whole_file = SourceSpan::whole(file->generic_string());
    profile::resolve_fonts(
        result, profile::font_dirs_for(*file, paths), allowed, written, whole_file, sink,
        [&](std::string_view path) { return written.find(path) == written.end(); });

    // Geometry checks on values that already failed would only repeat them.
    if (sink.error_count() == errors_before)
        profile::check_consistency(result, written, whole_file, sink);
    if (sink.error_count() != errors_before) return std::nullopt;
    return result;
}

std::optional<Profile> default_profile(const ProfilePaths& paths, DiagnosticSink& sink) {
    const std::size_t errors_before = sink.error_count();
    Profile result = profile::defaults();
    result.id = "default";
    profile::resolve_fonts(result, paths.font_dirs, profile::ProfileFolders(paths), {},
                           SourceSpan{}, sink, [](std::string_view) { return true; });
    if (sink.error_count() == errors_before)
        profile::check_consistency(result, {}, SourceSpan{}, sink);
    if (sink.error_count() != errors_before) return std::nullopt;
    return result;
}

}  // namespace pamphlet
