// Running jobs: one output made in memory, and a pool of threads that runs
// many. What the jobs share is read-only (the collection, the profiles) or
// made for sharing (hyphenation patterns; the images come loaded with the
// collection, ImageAsset); everything else
// a job needs it makes for itself (see make_output).
#pragma once

#include "plan.hpp"
#include "staging.hpp"

#include "pamphlet/hyphenation.hpp"

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pamphlet::job {

// Page starts a PDF job hands to the EPUB job of the same articles, when
// the PDF is the brochure the EPUB's page list follows: one typesetting for
// both. The batch says beforehand which hand-overs to expect, and runs each
// such PDF job before its EPUB job starts, so an EPUB job that waits waits
// for a job that is running and waits for nothing.
class PageStartsExchange {
public:
    // The key of the PDF and the EPUB of one edition and article set.
    static std::string key(const Job& job);
    // Before any job runs.
    void expect(const std::string& key) { slots_[key]; }
    bool expected(const std::string& key) const { return slots_.count(key) != 0; }
    // Once per expected key (nullopt: the PDF job could not typeset).
    void give(const std::string& key, std::optional<std::vector<PageStart>> starts);
    // Waits for give(); nullopt when the PDF job gave none.
    std::optional<std::vector<PageStart>> take(const std::string& key);

private:
    struct Slot {
        std::promise<std::optional<std::vector<PageStart>>> promise;
        std::shared_future<std::optional<std::vector<PageStart>>> future =
            promise.get_future().share();
    };
    std::map<std::string, Slot> slots_;  // made before the jobs run; then only read
};

// What every job of a build reads; shared by all threads.
struct Workshop {
    const Collection& collection;
    const std::vector<Profile>& profiles;
    long long timestamp = 0;
    std::string generator;
    std::vector<std::filesystem::path> hyphenation_dirs;
    bool impose = true;
    bool stats = false;
    const std::atomic<bool>* cancel = nullptr;
    HyphenationPatterns& patterns;  // the build's, shared by every job
    // The printed brochure whose pages the EPUBs' page lists follow; null:
    // no page list.
    const Profile* page_list = nullptr;
    PageStartsExchange page_starts = {};

    bool cancelled() const { return cancel != nullptr && cancel->load(); }
};

struct MadeOutput {
    // The output in its temporary file beside the target, flushed to disk;
    // nullopt: failed (errors in the sink) or cancelled, nothing left behind.
    std::optional<StagedFile> staged;
    StagedDigest digest;  // of the staged file, as read back
    int pages = 0;        // PDF pages or EPUB spine items
    std::optional<TypesetStats> stats;
};

// The job's file, written to a temporary file beside its target (the EPUB
// streams into it; the PDF is made in memory first). Per job, on the calling thread: its diagnostic
// sink, the typesetter's FontSet (FreeType faces are not thread-safe, and
// its shaping cache lives as long as one document, which keeps memory flat
// over a long batch), the hyphenator's memory of words, the PDF and EPUB
// writers' state.
MadeOutput make_output(const Job& job, Workshop& shop, DiagnosticSink& sink);

}  // namespace pamphlet::job
