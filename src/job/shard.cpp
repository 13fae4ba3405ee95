// `--shard K/N` and `--shard auto`: which share of the jobs this process runs.
#include "pamphlet/job.hpp"

#include <charconv>

namespace pamphlet {

namespace {

// A whole number written as digits only, or nullopt.
std::optional<int> whole_number(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

ShardChoice checked(std::optional<int> index, std::optional<int> count, const std::string& origin) {
    ShardChoice choice;
    if (!index || !count) {
        choice.error = origin + ": the shard index and count must be whole numbers";
    } else if (*count < 1) {
        choice.error = origin + ": the shard count must be at least 1";
    } else if (*index >= *count) {
        choice.error = origin + ": shard " + std::to_string(*index) + " of " +
                       std::to_string(*count) + " does not exist (shards are 0 to " +
                       std::to_string(*count - 1) + ")";
    } else {
        choice.shard = Shard{*index, *count};
    }
    return choice;
}

}  // namespace

ShardChoice choose_shard(std::string_view text, int shards,
                         const std::function<const char*(const char*)>& getenv) {
    auto env = [&](const char* name) -> std::optional<std::string_view> {
        const char* value = getenv(name);
        if (value == nullptr || *value == '\0') return std::nullopt;
        return std::string_view(value);
    };
    auto number = [&](std::optional<std::string_view> v) -> std::optional<int> {
        return v ? whole_number(*v) : std::nullopt;
    };
    if (text != "auto") {
        const std::size_t slash = text.find('/');
        if (slash == std::string_view::npos) {
            return {std::nullopt, "--shard " + std::string(text) +
                                      ": expected K/N (this process runs shard K of N, "
                                      "counted from 0) or auto"};
        }
        return checked(whole_number(text.substr(0, slash)), whole_number(text.substr(slash + 1)),
                       "--shard " + std::string(text));
    }
    // The count, where the engine does not say it: --shards N or PAMPHLET_SHARDS.
    auto given_count = [&]() -> std::optional<int> {
        if (shards > 0) return shards;
        return number(env("PAMPHLET_SHARDS"));
    };
    if (auto id = env("SLURM_ARRAY_TASK_ID")) {
        const std::optional<int> task = whole_number(*id);
        if (given_count()) {
            // The count given: the task id is the shard, so that one task of
            // an array can be submitted again alone (--array=2).
            return checked(task, given_count(), "--shard auto (Slurm job array, --shards)");
        }
        // --array=1-4 numbers tasks from 1: the shard is the task's place in the array.
        const std::optional<int> first = env("SLURM_ARRAY_TASK_MIN")
                                             ? number(env("SLURM_ARRAY_TASK_MIN"))
                                             : std::optional<int>(0);
        std::optional<int> index;
        if (task && first && *task >= *first) index = *task - *first;
        return checked(index, number(env("SLURM_ARRAY_TASK_COUNT")),
                       "--shard auto (Slurm job array)");
    }
    if (auto index = env("JOB_COMPLETION_INDEX")) {
        const std::optional<int> count = given_count();
        if (!count) {
            return {std::nullopt,
                    "--shard auto (Kubernetes Indexed Job): give the number of completions "
                    "with --shards N or PAMPHLET_SHARDS"};
        }
        return checked(whole_number(*index), count, "--shard auto (Kubernetes Indexed Job)");
    }
    if (auto index = env("AWS_BATCH_JOB_ARRAY_INDEX")) {
        const std::optional<int> count = given_count();
        if (!count) {
            return {std::nullopt,
                    "--shard auto (AWS Batch array job): give the array size with --shards N "
                    "or PAMPHLET_SHARDS"};
        }
        return checked(whole_number(*index), count, "--shard auto (AWS Batch array job)");
    }
    return {std::nullopt,
            "--shard auto: no job array in the environment (SLURM_ARRAY_TASK_ID, "
            "JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX); use --shard K/N"};
}

}  // namespace pamphlet
