#include "pamphlet/job.hpp"

#include "handout.hpp"

#include "pamphlet/base/dates.hpp"
#include "pamphlet/collection.hpp"
#include "pamphlet/epub.hpp"
#include "pamphlet/pdf.hpp"
#include "pamphlet/typeset.hpp"

#include <charconv>
#include <cstdlib>

namespace fs = std::filesystem;

namespace pamphlet {
namespace {

struct PendingOutput {
    fs::path path;
    std::string bytes;
    std::optional<TypesetStats> stats;  // PDFs, when asked for
};

constexpr long long zip_epoch = 315532800;  // 1980-01-01T00:00:00Z

}  // namespace

std::optional<long long> build_timestamp(const Collection& collection, DiagnosticSink& sink) {
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
        long long t = 0;
        std::string_view s(env);
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), t);
        if (ec != std::errc{} || p != s.data() + s.size() || t < 0) {
            sink.error({}, "invalid-source-date-epoch",
                       "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '" +
                           std::string(s) + "'");
            return std::nullopt;
        }
        return t;
    }
    if (auto t = parse_iso_date(collection.date)) return *t;
    std::optional<long long> newest;
    for (const auto& e : collection.editions)
        for (const auto& a : e.articles)
            if (auto t = parse_iso_date(a.date); t && (!newest || *t > *newest)) newest = t;
    return newest ? *newest : zip_epoch;
}

BuildResult run_build(const BuildRequest& request, const ProfilePaths& paths, SourceFiles& sources,
                      DiagnosticSink& sink) {
    BuildResult result;
    result.exit_code = 1;
    if (paths.layout_dirs.empty()) {
        sink.error({}, "no-data-dir",
                   "cannot find pamphlet's layouts/ and fonts/ folders; set PAMPHLET_DATA_DIR");
        return result;
    }
    std::vector<std::string> profile_names = request.profiles;
    if (profile_names.empty()) profile_names.push_back("a4-handout");
    std::vector<Profile> profiles;
    for (const auto& name : profile_names)
        if (auto p = load_profile(name, paths, sources, sink)) profiles.push_back(std::move(*p));

    CollectionOptions options;
    options.languages = request.languages;
    auto collection = load_collection(request.collection, options, sources, sink);
    if (!collection || sink.has_errors()) return result;
    auto timestamp = build_timestamp(*collection, sink);
    if (!timestamp) return result;

    std::vector<OutputFormat> formats = request.formats;
    if (formats.empty()) formats = {OutputFormat::epub, OutputFormat::pdf};

    const bool handout = !request.articles.empty();
    std::vector<std::string> handout_ids;
    if (handout) {
        auto selected = select_handout_articles(*collection, request.articles, sink);
        if (!selected) return result;
        handout_ids = std::move(*selected);
    }

    // Everything is made in memory first: an error anywhere means nothing is
    // written, so a bad edit never costs the clinic its last good files.
    const std::string generator = "pamphlet " + std::string(pamphlet_version());
    std::vector<PendingOutput> outputs;
    for (const auto& full_edition : collection->editions) {
        std::optional<Edition> cut;
        if (handout) {
            cut = handout_edition(*collection, full_edition, handout_ids, sink);
            if (cut->articles.empty()) continue;  // each was reported missing
        }
        const Edition& edition = cut ? *cut : full_edition;
        // A handout's files are named after its articles, beside the brochure's.
        const std::string suffix = handout ? handout_suffix(handout_ids) : std::string();
        const std::string stem = collection->id + "-" + edition.lang;
        for (OutputFormat format : formats) {
            if (format == OutputFormat::epub) {
                // The book takes its fonts and colours from the first profile.
                EpubOptions epub{*timestamp, generator};
                if (auto bytes = write_epub(*collection, edition, profiles.front(), epub, sink))
                    outputs.push_back({request.out_dir / (stem + suffix + ".epub"),
                                       std::move(*bytes), std::nullopt});
            } else if (format == OutputFormat::pdf) {
                for (const Profile& profile : profiles) {
                    TypesetOptions typeset{*timestamp, generator, paths.hyphenation_dirs};
                    typeset.handout = handout;
                    TypesetStats stats;
                    auto document = typeset_edition(*collection, edition, profile, typeset, sink,
                                                    request.stats ? &stats : nullptr);
                    if (!document) continue;
                    if (!request.impose) document->print.impose_booklet = false;
                    if (auto bytes = write_pdf(*document, sink)) {
                        outputs.push_back(
                            {request.out_dir / (stem + "-" + profile.id + suffix + ".pdf"),
                             std::move(*bytes), std::nullopt});
                        if (request.stats) outputs.back().stats = stats;
                    }
                }
            }
        }
    }
    if (handout && outputs.empty() && !sink.has_errors()) {
        sink.error(collection->file_span(), "empty-handout",
                   "no language built has any of the articles asked for; nothing to write");
    }
    if (sink.has_errors()) return result;

    std::error_code ec;
    fs::create_directories(request.out_dir, ec);
    if (ec) {
        sink.error(SourceSpan::whole(request.out_dir.string()), "output-dir",
                   "cannot create the output folder: " + ec.message());
        return result;
    }
    for (const auto& out : outputs) {
        if (auto error = write_file_atomically(out.path, out.bytes)) {
            sink.error(SourceSpan::whole(out.path.string()), "write-failed", *error);
            continue;
        }
        result.written.push_back(out.path);
        if (out.stats) result.stats.push_back({out.path, *out.stats});
    }
    result.exit_code = sink.has_errors() ? 1 : 0;
    return result;
}

}  // namespace pamphlet
