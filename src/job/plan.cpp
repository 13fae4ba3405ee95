#include "plan.hpp"

#include "handout.hpp"

#include "pamphlet/digest.hpp"

#include <algorithm>
#include <map>

namespace pamphlet::job {

namespace {

std::string output_name(const Collection& collection, const std::string& lang, OutputFormat format,
                        const Profile& profile, const std::vector<std::string>& articles) {
    // A handout's files are named after its articles, beside the brochure's.
    const std::string suffix = articles.empty() ? std::string() : handout_suffix(articles);
    const std::string stem = collection.id + "-" + lang;
    if (format == OutputFormat::epub) return stem + suffix + ".epub";
    return stem + "-" + profile.id + suffix + ".pdf";
}

bool has_article(const Edition& edition, const std::string& id) {
    return std::any_of(edition.articles.begin(), edition.articles.end(),
                       [&](const Article& a) { return a.id == id; });
}

}  // namespace

std::optional<Plan> make_plan(const PlanRequest& request, DiagnosticSink& sink) {
    const Collection& collection = request.collection;
    Plan plan;
    auto broken_in = [&](const std::string& lang, const std::vector<std::string>& ids) {
        std::vector<const BrokenArticle*> found;
        for (const BrokenArticle& broken : collection.broken_articles) {
            if (broken.lang != lang) continue;
            if (ids.empty() || std::find(ids.begin(), ids.end(), broken.id) != ids.end())
                found.push_back(&broken);
        }
        return found;
    };

    for (const Edition& edition : collection.editions) {
        // The article sets of this language, each with the edition it sets.
        struct ArticleSet {
            std::vector<std::string> ids;
            const Edition* edition = nullptr;
        };
        std::vector<ArticleSet> sets;
        if (request.each_article) {
            for (const std::string& id : collection.article_ids) {
                const bool broken = !broken_in(edition.lang, {id}).empty();
                if (has_article(edition, id) || broken) sets.push_back({{id}, nullptr});
            }
        } else if (!request.handout.empty()) {
            auto cut = std::make_unique<Edition>(
                handout_edition(collection, edition, request.handout, sink));
            const bool broken = !broken_in(edition.lang, request.handout).empty();
            if (cut->articles.empty() && !broken) continue;  // each was reported missing
            sets.push_back({request.handout, cut.get()});
            plan.cut_editions.push_back(std::move(cut));
        } else {
            sets.push_back({{}, &edition});
        }

        for (OutputFormat format : request.formats) {
            // The EPUB is one per article set; the PDF one per profile too.
            const std::size_t profiles = format == OutputFormat::epub ? 1 : request.profiles.size();
            for (std::size_t p = 0; p < profiles; ++p) {
                for (const ArticleSet& set : sets) {
                    Job job;
                    job.lang = edition.lang;
                    job.format = format;
                    job.profile = p;
                    job.articles = set.ids;
                    job.id =
                        output_name(collection, edition.lang, format, request.profiles[p], set.ids);
                    job.output = request.out_dir / job.id;
                    job.edition = set.edition;
                    job.full_edition = &edition;
                    job.broken = broken_in(edition.lang, set.ids);
                    plan.jobs.push_back(std::move(job));
                }
            }
        }
    }

    // Profiles are files named by their stem: two of one name would write
    // the same brochures.
    std::map<std::string, std::size_t> first_with_id;
    bool clash = false;
    for (std::size_t p = 0; p < request.profiles.size(); ++p) {
        const Profile& profile = request.profiles[p];
        auto [known, inserted] = first_with_id.try_emplace(profile.id, p);
        if (inserted) continue;
        clash = true;
        Diagnostic d;
        d.code = "duplicate-output";
        d.span = SourceSpan::whole(profile.file.generic_string());
        d.message = "profile '" + profile.id + "' would write the same files as " +
                    request.profiles[known->second].file.generic_string() +
                    " (outputs are named after the profile's file name); rename one of them";
        sink.report(std::move(d));
    }
    if (clash) return std::nullopt;
    return plan;
}

std::string plan_digest(const std::vector<std::pair<std::string, std::string>>& ids_and_inputs) {
    std::vector<std::pair<std::string, std::string>> sorted = ids_and_inputs;
    std::sort(sorted.begin(), sorted.end());
    Sha256 hash;
    for (const auto& [id, inputs] : sorted) {
        hash.update(id);
        hash.update(" ");
        hash.update(inputs);
        hash.update("\n");
    }
    return hash.hex_digest();
}

bool in_shard(const std::string& id, const Shard& shard) {
    if (shard.count <= 1) return true;
    const std::string hex = sha256_hex(id).substr(0, 16);
    const std::uint64_t value = std::stoull(hex, nullptr, 16);
    return value % static_cast<std::uint64_t>(shard.count) ==
           static_cast<std::uint64_t>(shard.index);
}

}  // namespace pamphlet::job
