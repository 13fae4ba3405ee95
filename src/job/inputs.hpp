// What a job's output depends on, as one digest: equal digests, equal
// bytes (outputs are reproducible), so a job whose digest and output are
// what the manifest recorded need not run again.
#pragma once

#include "plan.hpp"

#include "pamphlet/image.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pamphlet::job {

class InputDigests {
public:
    // `pattern_files`: the hyphenation patterns documents may use.
    InputDigests(const Collection& collection, const std::vector<Profile>& profiles,
                 std::vector<std::filesystem::path> pattern_files, long long timestamp,
                 bool impose);

    // SHA-256 over pamphlet's version; the job's kind; the build's
    // timestamp; collection.yaml, its cover and logo; the profile's chain of
    // files and its fonts; the hyphenation patterns; every article file of
    // the job with the images it shows; and, for a handout, the web address
    // of each article it leaves out (links to them go there).
    std::string digest(const Job& job);

    // The profile (into `profiles`) whose pages an EPUB's page list
    // follows: its files are the EPUB's inputs too.
    void set_page_list(std::optional<std::size_t> profile) { page_list_ = profile; }

    // Hashes, on up to `threads` threads, the files the digests of `jobs`
    // read most (fonts, profile files, patterns, article files; an article
    // the load read gives the hash of the bytes it parsed), so that digest()
    // finds them done; a file it leaves out is hashed when asked.
    void hash_ahead(const std::vector<Job>& jobs, int threads);

private:
    // "<sha256>" of the file's bytes, or "unreadable"; each file read once
    // (an image not at all: its asset has the digest of the bytes it read).
    const std::string& file_hash(const std::filesystem::path& file,
                                 const ImageAsset* image = nullptr);
    // A file named as the output cannot depend on: relative to the
    // collection when it is inside it, else by its name alone.
    std::string shown(const std::filesystem::path& file) const;
    void add_file(std::string& text, const char* what, const std::filesystem::path& file,
                  const ImageAsset* image = nullptr);
    void add_image(std::string& text, const char* what, const char* elsewhere,
                   const ImageSource& image);
    void add_article(std::string& text, const Article& article);
    void add_article_hash(std::set<std::filesystem::path>& files, const Article& article);
    void add_article_file(std::string& text, const std::string& id, const std::string& lang);

    const Collection& collection_;
    const std::vector<Profile>& profiles_;
    std::vector<std::filesystem::path> pattern_files_;
    long long timestamp_;
    bool impose_;
    std::optional<std::size_t> page_list_;
    // By the path's text (a path as key also keeps a list of its parts:
    // half a kilobyte per article file of a large collection, twice).
    std::map<std::string, std::string> hashes_;
    std::map<std::string, std::string> lines_;  // "shown hash\n" per file
};

}  // namespace pamphlet::job
