// Keeping the files a collection or a profile names inside the folders they
// belong to. A collection comes from many authors: an image written as
// ../../home/me/.ssh/id_rsa, an absolute path or a symbolic link that leads
// out of the folder must not end up in a published book, nor in a message.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

namespace pamphlet {

// Where `path` really is: absolute, `.` and `..` removed and every symbolic
// link of the part that exists followed, so that a link inside the folder
// that points out of it is seen for what it is.
std::filesystem::path resolved_location(const std::filesystem::path& path);

// True when `path` is `folder` or lies below it (both absolute and normal).
bool lies_within(const std::filesystem::path& path, const std::filesystem::path& folder);

// The folders a set of paths may lead into.
class Confinement {
public:
    enum class Place {
        inside,        // symbolic links followed, the path stays inside
        outside,       // written as a path out: ../x, /etc/passwd
        link_outside,  // written inside, but a symbolic link on the way leads out
    };

    Confinement() = default;
    explicit Confinement(const std::vector<std::filesystem::path>& folders);

    // Where `path` leads. Nothing is read and the file need not exist, so
    // that the answer never depends on (nor reveals) what lies outside. Each
    // path is resolved once (an image named by hundreds of articles is one
    // walk of its folders); safe to call from several threads.
    Place place(const std::filesystem::path& path) const;
    bool admits(const std::filesystem::path& path) const { return place(path) == Place::inside; }

    bool empty() const { return folders_.empty(); }

private:
    Place find_place(const std::filesystem::path& path) const;
    std::filesystem::path resolve(const std::filesystem::path& path) const;

    struct Folder {
        std::filesystem::path written;   // absolute, normal
        std::filesystem::path resolved;  // symbolic links followed
    };
    std::vector<Folder> folders_;
    struct Known;  // the places found so far (shared by copies: the same folders)
    std::shared_ptr<Known> known_;
};

}  // namespace pamphlet
