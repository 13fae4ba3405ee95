#include "fuzz_support.hpp"

#include "pamphlet/epub.hpp"
#include "pamphlet/pdf.hpp"
#include "pamphlet/typeset.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <system_error>

namespace fs = std::filesystem;

namespace pamphlet::fuzz {

namespace {

const fs::path source_dir = PAMPHLET_SOURCE_DIR;
const fs::path data_dir = source_dir / "tests" / "fuzz" / "data";

fs::path make_scratch_dir() {
    std::string pattern = (fs::temp_directory_path() / "pamphlet-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        std::perror("pamphlet fuzz: mkdtemp");
        std::abort();
    }
    return pattern;
}

// Removes the scratch folder at exit (libFuzzer and the replay runner both
// leave through exit; a crash leaves it behind, next to the crash's input).
struct Scratch {
    fs::path dir = make_scratch_dir();
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

}  // namespace

const fs::path& scratch_dir() {
    static const Scratch scratch;
    return scratch.dir;
}

void write_bytes(const fs::path& path, std::string_view bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    check(out.good(), "cannot write a file into the scratch folder");
}

ProfilePaths source_paths() {
    return ProfilePaths{
        {source_dir / "layouts"}, {source_dir / "fonts"}, {source_dir / "hyphenation"}};
}

const Profile& handout_profile() {
    static const Profile profile = [] {
        DiagnosticSink sink;
        SourceFiles sources;
        std::optional<Profile> loaded = load_profile("a4-handout", source_paths(), sources, sink);
        if (!loaded) std::fputs(format_diagnostics(sink).c_str(), stderr);
        check(loaded.has_value(), "layouts/a4-handout.yaml does not load");
        return std::move(*loaded);
    }();
    return profile;
}

HyphenationPatterns& shared_patterns() {
    static HyphenationPatterns patterns;
    return patterns;
}

void write_collection(const fs::path& dir, std::string_view first_article) {
    if (!fs::exists(dir / "collection.yaml")) {
        write_bytes(dir / "collection.yaml",
                    "id: fuzz\n"
                    "title: {en: Fuzzing, de: Unschärfe}\n"
                    "subtitle: Hostile input\n"
                    "languages: [en, de]\n"
                    "publisher:\n"
                    "  name: Clinic\n"
                    "  address: Street 1, Town\n"
                    "  phone: \"+49 30 1234\"\n"
                    "  email: clinic@example.org\n"
                    "  website: https://clinic.example.org\n"
                    "  logo: images/square.png\n"
                    "articles: [first, second]\n"
                    "cover: images/photo.jpg\n"
                    "date: 2024-05-01\n");
        write_bytes(dir / "articles" / "second.en.md",
                    "---\ntitle: Second\n---\n\nBack to [the first](first.en.md#more).\n");
        write_bytes(dir / "articles" / "first.de.md",
                    "---\ntitle: Erster\n---\n\n\"Anführung\" -- und [zwei](second.de.md).\n");
        for (const char* image : {"square.png", "photo.jpg"}) {
            std::error_code ec;
            for (const char* folder : {"images", "articles"}) {
                fs::create_directories(dir / folder);
                fs::copy_file(data_dir / image, dir / folder / image,
                              fs::copy_options::overwrite_existing, ec);
                check(!ec, "cannot copy tests/fuzz/data into the scratch folder");
            }
        }
    }
    write_bytes(dir / "articles" / "first.en.md", first_article);
}

void write_outputs(const Collection& collection, const Edition& edition, const Profile& profile,
                   DiagnosticSink& sink) {
    const ProfilePaths paths = source_paths();
    std::size_t errors = sink.error_count();
    std::optional<std::string> epub =
        write_epub(collection, edition, profile, EpubOptions{0, "pamphlet fuzz"}, sink);
    check(epub.has_value() || sink.error_count() > errors, "no EPUB, and no error to say why");

    errors = sink.error_count();
    TypesetOptions options{0, "pamphlet fuzz", paths.hyphenation_dirs, &shared_patterns()};
    std::optional<LaidOutDocument> document =
        typeset_edition(collection, edition, profile, options, sink);
    if (!document) {
        check(sink.error_count() > errors, "no document, and no error to say why");
        return;
    }
    errors = sink.error_count();
    std::optional<std::string> pdf = write_pdf(std::move(*document), sink);
    check(pdf.has_value() || sink.error_count() > errors, "no PDF, and no error to say why");
}

void check(bool condition, const char* message) {
    if (condition) return;
    std::fprintf(stderr, "pamphlet fuzz: check failed: %s\n", message);
    std::abort();
}

}  // namespace pamphlet::fuzz
