#include "inputs.hpp"

#include "pamphlet/base/threads.hpp"
#include "pamphlet/collection.hpp"
#include "pamphlet/digest.hpp"

#include <algorithm>
#include <set>
#include <type_traits>

namespace fs = std::filesystem;

namespace pamphlet::job {

namespace {

// Every font file a profile names, in the schema's order.
std::vector<fs::path> profile_fonts(const Profile& profile) {
    std::vector<fs::path> fonts;
    auto add = [&](const auto& value) {
        using Value = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<Value, FontFile>) {
            if (!value.path.empty()) fonts.push_back(value.path);
        } else if constexpr (std::is_same_v<Value, std::vector<FontFile>>) {
            for (const FontFile& font : value)
                if (!font.path.empty()) fonts.push_back(font.path);
        }
    };
#define PAMPHLET_KEY(member, path, type, def, help) add(profile.member);
#define PAMPHLET_CHOICE(member, path, Enum, values, def, help)
#include "pamphlet/profile_keys.def"
#undef PAMPHLET_KEY
#undef PAMPHLET_CHOICE
    return fonts;
}

const char* format_name(OutputFormat format) {
    return format == OutputFormat::epub ? "epub" : "pdf";
}

}  // namespace

InputDigests::InputDigests(const Collection& collection, const std::vector<Profile>& profiles,
                           std::vector<fs::path> pattern_files, long long timestamp, bool impose)
    : collection_(collection),
      profiles_(profiles),
      pattern_files_(std::move(pattern_files)),
      timestamp_(timestamp),
      impose_(impose) {}

void InputDigests::hash_ahead(const std::vector<Job>& jobs, int threads) {
    std::set<fs::path> files;
    std::set<std::size_t> profiles;
    std::set<const Edition*> editions;
    for (const Job& job : jobs) {
        profiles.insert(job.profile);
        if (!job.handout()) {
            editions.insert(job.full_edition);
            continue;
        }
        // A handout reads only its own articles' files.
        const std::set<std::string> kept(job.articles.begin(), job.articles.end());
        for (const Article& article : job.full_edition->articles)
            if (kept.count(article.id) != 0) add_article_hash(files, article);
    }
    files.insert(collection_.root / "collection.yaml");
    files.insert(pattern_files_.begin(), pattern_files_.end());
    for (std::size_t p : profiles) {
        const Profile& profile = profiles_.at(p);
        files.insert(profile.chain.begin(), profile.chain.end());
        for (fs::path& font : profile_fonts(profile)) files.insert(std::move(font));
    }
    for (const Edition* edition : editions)
        for (const Article& article : edition->articles) add_article_hash(files, article);

    // The map's nodes are made here, one thread; each is then filled by one
    // thread, which no other touches.
    std::vector<std::pair<const std::string*, std::string*>> unhashed;
    for (const fs::path& file : files) {
        auto [slot, inserted] = hashes_.try_emplace(file.native());
        if (inserted) unhashed.emplace_back(&slot->first, &slot->second);
    }
    run_parallel(unhashed.size(), threads, [&](std::size_t i) {
        *unhashed[i].second = sha256_file_hex(fs::path(*unhashed[i].first)).value_or("unreadable");
    });
}

// An article's file was hashed as it was read (Article::file_sha256);
// one whose bytes were not kept is hashed from the file.
void InputDigests::add_article_hash(std::set<fs::path>& files, const Article& article) {
    fs::path file = article_file(collection_, article);
    if (article.file_sha256.empty())
        files.insert(std::move(file));
    else
        hashes_.try_emplace(file.native(), article.file_sha256);
}

const std::string& InputDigests::file_hash(const fs::path& file, const ImageAsset* image) {
    auto [slot, inserted] = hashes_.try_emplace(file.native());
    if (!inserted) return slot->second;
    if (image != nullptr) {
        slot->second = image->sha256();
    } else {
        slot->second = sha256_file_hex(file).value_or("unreadable");
    }
    return slot->second;
}

std::string InputDigests::shown(const fs::path& file) const {
    const fs::path relative =
        file.lexically_normal().lexically_relative(collection_.root.lexically_normal());
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    return file.filename().string();
}

void InputDigests::add_file(std::string& text, const char* what, const fs::path& file,
                            const ImageAsset* image) {
    auto [line, inserted] = lines_.try_emplace(file.native());
    if (inserted) line->second = shown(file) + " " + file_hash(file, image) + "\n";
    text += what;
    text += ' ';
    text += line->second;
}

// An image by its bytes, or by its name when there is no file (missing:
// the alt text is shown).
void InputDigests::add_image(std::string& text, const char* what, const char* elsewhere,
                             const ImageSource& image) {
    if (image.asset)
        add_file(text, what, image.asset->file(), image.asset.get());
    else
        text += std::string(elsewhere) + " " + image.url + "\n";
}

void InputDigests::add_article(std::string& text, const Article& article) {
    add_file(text, "article", article_file(collection_, article));
    if (article.image) add_image(text, "lead-image", "lead-image-missing", article.image->source);
    for (const ImageSource& image : article.body_images)
        add_image(text, "image", "image-elsewhere", image);
}

void InputDigests::add_article_file(std::string& text, const std::string& id,
                                    const std::string& lang) {
    add_file(text, "article", collection_.root / "articles" / (id + "." + lang + ".md"));
}

std::string InputDigests::digest(const Job& job) {
    std::string text = "pamphlet " + std::string(pamphlet_version()) + "\n";
    text += "job " + job.id + " " + format_name(job.format) + " " + job.lang + "\n";
    text += "timestamp " + std::to_string(timestamp_) + "\n";
    add_file(text, "collection", collection_.root / "collection.yaml");
    if (collection_.cover) add_image(text, "cover", "cover-missing", *collection_.cover);
    if (collection_.publisher.logo)
        add_image(text, "logo", "logo-missing", *collection_.publisher.logo);

    const Profile& profile = profiles_.at(job.profile);
    text += "profile " + profile.id + "\n";
    for (const fs::path& file : profile.chain) add_file(text, "profile-file", file);
    for (const fs::path& font : profile_fonts(profile)) add_file(text, "font", font);
    if (job.format == OutputFormat::pdf && profile.imposition == Imposition::booklet)
        text += impose_ ? "imposed\n" : "not imposed\n";
    for (const fs::path& patterns : pattern_files_) add_file(text, "patterns", patterns);
    if (job.format == OutputFormat::epub && page_list_) {
        // Where the printed pages begin is the print profile's work.
        const Profile& print = profiles_.at(*page_list_);
        text += "page-list " + print.id + "\n";
        for (const fs::path& file : print.chain) add_file(text, "page-list-file", file);
        for (const fs::path& font : profile_fonts(print)) add_file(text, "page-list-font", font);
    }

    const Edition& full = *job.full_edition;
    const std::set<std::string> kept(job.articles.begin(), job.articles.end());
    for (const Article& article : full.articles) {
        if (!job.handout() || kept.count(article.id) != 0) {
            add_article(text, article);
        } else {
            // Links to an article a handout leaves out go to its web page.
            text += "elsewhere " + article.id + " " + article.url + "\n";
        }
    }
    for (const BrokenArticle* broken : job.broken) {
        const bool read = std::any_of(full.articles.begin(), full.articles.end(),
                                      [&](const Article& a) { return a.id == broken->id; });
        if (!read) add_article_file(text, broken->id, broken->lang);
    }
    return sha256_hex(text);
}

}  // namespace pamphlet::job
