#include "manifest.hpp"

#include "pamphlet/digest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace pamphlet {

namespace {

json position_json(const SourceSpan& span) {
    json out = json::object();
    out["file"] = span.has_file() ? json(span.file) : json(nullptr);
    out["line"] = span.has_position() ? json(span.begin.line) : json(nullptr);
    out["column"] =
        span.has_position() && span.begin.column > 0 ? json(span.begin.column) : json(nullptr);
    return out;
}

json diagnostic_object(const Diagnostic& d) {
    json out = json::object();
    out["severity"] = std::string(severity_name(d.severity));
    out["code"] = d.code;
    out.update(position_json(d.span));
    out["message"] = d.message;
    if (!d.notes.empty()) {
        json notes = json::array();
        for (const DiagnosticNote& note : d.notes) {
            json n = position_json(note.span);
            n["message"] = note.message;
            notes.push_back(std::move(n));
        }
        out["notes"] = std::move(notes);
    }
    return out;
}

SourceSpan span_from(const json& object) {
    SourceSpan span;
    if (object.contains("file") && object["file"].is_string())
        span.file = object["file"].get<std::string>();
    if (object.contains("line") && object["line"].is_number_integer())
        span.begin.line = span.end.line = object["line"].get<int>();
    if (object.contains("column") && object["column"].is_number_integer())
        span.begin.column = span.end.column = object["column"].get<int>();
    return span;
}

Diagnostic diagnostic_from(const json& object) {
    Diagnostic d;
    const std::string severity = object.at("severity").get<std::string>();
    d.severity = severity == "error"     ? Severity::error
                 : severity == "warning" ? Severity::warning
                                         : Severity::note;
    d.code = object.at("code").get<std::string>();
    d.message = object.at("message").get<std::string>();
    d.span = span_from(object);
    if (object.contains("notes"))
        for (const json& note : object["notes"])
            d.notes.push_back({span_from(note), note.at("message").get<std::string>()});
    return d;
}

const char* format_name(OutputFormat format) {
    return format == OutputFormat::epub ? "epub" : "pdf";
}

json job_object(const JobReport& job, const fs::path& folder) {
    json out = json::object();
    out["id"] = job.id;
    fs::path shown = folder.empty() ? job.output : job.output.lexically_relative(folder);
    if (shown.empty()) shown = job.output;
    out["output"] = shown.generic_string();
    out["status"] = std::string(job_status_name(job.status));
    out["lang"] = job.lang;
    out["format"] = format_name(job.format);
    out["profile"] = job.profile;
    out["articles"] = job.articles;
    out["inputs"] = job.inputs;
    const bool has_file = job.status == JobStatus::written || job.status == JobStatus::unchanged;
    out["sha256"] = has_file ? json(job.sha256) : json(nullptr);
    out["bytes"] = has_file ? json(job.bytes) : json(nullptr);
    out[job.format == OutputFormat::pdf ? "pages" : "spine_items"] =
        has_file ? json(job.pages) : json(nullptr);
    // Milliseconds are all a person reads, and all that stays comparable.
    out["seconds"] = static_cast<double>(std::llround(job.seconds * 1000)) / 1000;
    json diagnostics = json::array();
    for (const Diagnostic& d : job.diagnostics) diagnostics.push_back(diagnostic_object(d));
    out["diagnostics"] = std::move(diagnostics);
    return out;
}

std::string shard_text(const Shard& shard) {
    return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

}  // namespace

std::string_view job_status_name(JobStatus status) {
    switch (status) {
        case JobStatus::written:
            return "written";
        case JobStatus::unchanged:
            return "unchanged";
        case JobStatus::failed:
            return "failed";
        case JobStatus::skipped:
            return "skipped";
        case JobStatus::pending:
            return "pending";
    }
    return "skipped";
}

std::string diagnostic_json(const Diagnostic& d, std::string_view job) {
    json out = diagnostic_object(d);
    if (!job.empty()) out["job"] = std::string(job);
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string job_json(const JobReport& job) {
    json out = job_object(job, job.output.parent_path());
    out["pamphlet"] = std::string(pamphlet_version());
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace job {

std::string manifest_line(const JobReport& job, const ManifestContext& context) {
    json out = job_object(job, context.folder);
    out["pamphlet"] = std::string(pamphlet_version());
    out["plan"] = context.plan;
    out["planned"] = context.planned;
    out["shard"] = shard_text(context.shard);
    out["current"] = true;
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

// One manifest line back, or a message saying what is wrong with it.
struct ParsedLine {
    json object;
    std::string error;
    int column = 0;
};

ParsedLine parse_line(const std::string& line) {
    ParsedLine parsed;
    try {
        parsed.object = json::parse(line);
    } catch (const json::parse_error& e) {
        parsed.error = "not JSON";
        parsed.column = static_cast<int>(e.byte);
        return parsed;
    }
    static const char* const required[] = {"id",      "output", "status", "lang",     "format",
                                           "inputs",  "sha256", "bytes",  "pamphlet", "plan",
                                           "planned", "shard",  "current"};
    if (!parsed.object.is_object()) {
        parsed.error = "not a JSON object";
        return parsed;
    }
    for (const char* key : required) {
        if (!parsed.object.contains(key)) {
            parsed.error = std::string("no '") + key + "'";
            return parsed;
        }
    }
    return parsed;
}

JobReport job_from(const json& object, const fs::path& folder) {
    JobReport job;
    job.id = object.at("id").get<std::string>();
    job.output = folder / object.at("output").get<std::string>();
    const std::string status = object.at("status").get<std::string>();
    for (JobStatus s :
         {JobStatus::written, JobStatus::unchanged, JobStatus::failed, JobStatus::skipped})
        if (status == job_status_name(s)) job.status = s;
    job.lang = object.at("lang").get<std::string>();
    job.format =
        object.at("format").get<std::string>() == "pdf" ? OutputFormat::pdf : OutputFormat::epub;
    if (object.contains("profile")) job.profile = object["profile"].get<std::string>();
    if (object.contains("articles"))
        job.articles = object["articles"].get<std::vector<std::string>>();
    job.inputs = object.at("inputs").get<std::string>();
    if (object["sha256"].is_string()) job.sha256 = object["sha256"].get<std::string>();
    if (object["bytes"].is_number_integer()) job.bytes = object["bytes"].get<long long>();
    for (const char* key : {"pages", "spine_items"})
        if (object.contains(key) && object[key].is_number_integer())
            job.pages = object[key].get<int>();
    if (object.contains("seconds") && object["seconds"].is_number())
        job.seconds = object["seconds"].get<double>();
    if (object.contains("diagnostics"))
        for (const json& d : object["diagnostics"]) job.diagnostics.push_back(diagnostic_from(d));
    return job;
}

}  // namespace

std::map<std::string, RecordedJob> read_manifest(const fs::path& file, DiagnosticSink& sink) {
    std::map<std::string, RecordedJob> jobs;
    std::ifstream in(file, std::ios::binary);
    if (!in) return jobs;
    const std::string shown = file.generic_string();
    auto distrust = [&](int line, int column, const std::string& why) {
        sink.warning(SourceSpan::at(shown, line, column), "manifest-ignored",
                     why + "; the manifest is ignored and every output is made again");
        jobs.clear();
        return jobs;
    };
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        ParsedLine parsed = parse_line(line);
        if (!parsed.error.empty())
            return distrust(number, std::max(parsed.column, 1),
                            "not a pamphlet manifest line (" + parsed.error + ")");
        const std::string version = parsed.object["pamphlet"].is_string()
                                        ? parsed.object["pamphlet"].get<std::string>()
                                        : std::string("?");
        if (version != pamphlet_version())
            return distrust(number, 1,
                            "written by pamphlet " + version + ", this is pamphlet " +
                                std::string(pamphlet_version()));
        try {
            JobReport job = job_from(parsed.object, file.parent_path());
            const std::string id = job.id;
            if (!jobs.emplace(id, RecordedJob{std::move(job), line}).second)
                return distrust(number, 1, "job '" + id + "' is listed twice");
        } catch (const json::exception& e) {
            return distrust(number, 1,
                            std::string("a field has the wrong type (") + e.what() + ")");
        }
    }
    return jobs;
}

std::optional<std::string> write_manifest(const fs::path& file, const std::vector<JobReport>& jobs,
                                          const ManifestContext& context,
                                          const std::map<std::string, RecordedJob>& previous) {
    std::string text;
    std::set<std::string> ids;
    for (const JobReport& job : jobs) {
        text += manifest_line(job, context);
        text += '\n';
        ids.insert(job.id);
    }
    for (const auto& [id, recorded] : previous) {
        std::error_code ec;
        if (ids.count(id) != 0 || !fs::is_regular_file(recorded.job.output, ec)) continue;
        json object = json::parse(recorded.line);  // read by read_manifest: valid
        object["current"] = false;
        text += object.dump(-1, ' ', false, json::error_handler_t::replace);
        text += '\n';
    }
    return write_file_atomically(file, text);
}

}  // namespace job

std::optional<std::string> merge_manifests(const std::vector<fs::path>& files,
                                           DiagnosticSink& sink) {
    struct Seen {
        std::string file;
        int line = 0;
        json object;
    };
    std::map<std::string, Seen> jobs;
    std::string plan, plan_file;
    std::size_t planned = 0;
    int shard_count = 0;
    std::set<int> shards_with_jobs;
    std::size_t other_builds = 0;
    const std::size_t errors_before = sink.error_count();
    for (const fs::path& file : files) {
        const std::string shown = file.generic_string();
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            sink.error(SourceSpan::whole(shown), "manifest-unreadable", "cannot read the file");
            continue;
        }
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (line.empty()) continue;
            job::ParsedLine parsed = job::parse_line(line);
            const SourceSpan at = SourceSpan::at(shown, number, std::max(parsed.column, 1));
            if (!parsed.error.empty()) {
                sink.error(at, "manifest-corrupt",
                           "not a pamphlet manifest line (" + parsed.error + ")");
                break;
            }
            const json& object = parsed.object;
            // Lines other builds left in the same folder are not this build's.
            if (object["current"] != true) {
                ++other_builds;
                continue;
            }
            std::string line_plan, id, shard;
            std::size_t line_planned = 0;
            try {
                line_plan = object["plan"].get<std::string>();
                line_planned = object["planned"].get<std::size_t>();
                id = object["id"].get<std::string>();
                shard = object["shard"].get<std::string>();
            } catch (const nlohmann::json::exception& e) {
                sink.error(at, "manifest-corrupt",
                           std::string("a field has the wrong type (") + e.what() + ")");
                break;
            }
            if (plan.empty()) {
                plan = line_plan;
                plan_file = shown;
                planned = line_planned;
            } else if (line_plan != plan || line_planned != planned) {
                sink.error(at, "manifest-other-build",
                           "this manifest is from another build than " + plan_file +
                               " (other collection, languages, profiles, formats or articles)");
                break;
            }
            const auto slash = shard.find('/');
            if (slash != std::string::npos) {
                shards_with_jobs.insert(std::atoi(shard.c_str()));
                shard_count = std::atoi(shard.c_str() + slash + 1);
            }
            auto [known, inserted] = jobs.try_emplace(id, Seen{shown, number, object});
            if (!inserted) {
                Diagnostic d;
                d.code = "manifest-duplicate-job";
                d.span = at;
                d.message = "job '" + id + "' is in two manifests";
                d.notes.push_back(
                    {SourceSpan::at(known->second.file, known->second.line, 1), "it is also here"});
                sink.report(std::move(d));
            }
        }
    }
    if (sink.error_count() == errors_before && jobs.size() != planned) {
        std::string message = std::to_string(planned - std::min(planned, jobs.size())) + " of " +
                              std::to_string(planned) +
                              " planned jobs are in none of these manifests";
        std::vector<std::string> absent;
        for (int k = 0; k < shard_count; ++k)
            if (shards_with_jobs.count(k) == 0)
                absent.push_back(std::to_string(k) + "/" + std::to_string(shard_count));
        if (!absent.empty()) {
            message += " (no job of shard";
            message += absent.size() == 1 ? " " : "s ";
            for (std::size_t i = 0; i < absent.size(); ++i)
                message += (i == 0 ? "" : ", ") + absent[i];
            message += ")";
        }
        sink.error(SourceSpan::whole(plan_file), "manifest-missing-jobs", message);
    }
    if (sink.error_count() > errors_before) return std::nullopt;
    // Equal counts and the plan's own digest over the ids and inputs: the
    // very jobs planned, each made from the inputs of this build.
    Sha256 hash;
    for (const auto& [id, seen] : jobs) {
        hash.update(id);
        hash.update(" ");
        hash.update(seen.object.value("inputs", std::string()));
        hash.update("\n");
    }
    if (!jobs.empty() && hash.hex_digest() != plan) {
        sink.error(SourceSpan::whole(plan_file), "manifest-other-build",
                   "the jobs of these manifests are not the ones their build planned "
                   "(a shard's manifest from an earlier run?)");
        return std::nullopt;
    }
    if (other_builds > 0) {
        sink.report({Severity::note,
                     "manifest-other-lines",
                     std::to_string(other_builds) +
                         " lines of other builds into the same folders (\"current\": false) "
                         "are left out",
                     SourceSpan{},
                     {}});
    }
    std::string merged;
    for (const auto& [id, seen] : jobs) {
        merged += seen.object.dump(-1, ' ', false, json::error_handler_t::replace);
        merged += '\n';
    }
    return merged;
}

}  // namespace pamphlet
