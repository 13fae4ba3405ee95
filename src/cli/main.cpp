// pamphlet's command line: a thin shell over the build job.
// Exit status: 0 success (warnings allowed), 1 errors in the input, 2 usage.
#include "pamphlet/job.hpp"
#include "pamphlet/profile.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

namespace {

void print_diagnostics(const pamphlet::DiagnosticSink& sink, const pamphlet::SourceFiles& sources) {
    std::cerr << pamphlet::format_diagnostics(sink, &sources);
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

int run_profiles(bool keys, bool markdown) {
    if (keys) {
        std::cout << pamphlet::profile_keys_reference(markdown);
        return 0;
    }
    pamphlet::ProfilePaths paths = pamphlet::find_data_paths();
    for (const auto& p : pamphlet::list_profiles(paths)) {
        std::cout << p.id;
        if (!p.name.empty()) std::cout << "  " << p.name;
        if (!p.description.empty()) std::cout << " — " << p.description;
        std::cout << '\n';
    }
    return 0;
}

int run_build(const pamphlet::BuildRequest& request, bool quiet) {
    pamphlet::DiagnosticSink sink;
    pamphlet::SourceFiles sources;
    pamphlet::BuildResult result =
        pamphlet::run_build(request, pamphlet::find_data_paths(), sources, sink);
    print_diagnostics(sink, sources);
    if (!quiet)
        for (const auto& path : result.written) std::cout << "wrote " << path.string() << '\n';
    for (const auto& stats : result.stats) std::cout << pamphlet::format_stats(stats);
    if (sink.has_errors()) {
        std::cerr << "pamphlet: " << plural(sink.error_count(), "error");
        if (result.written.empty()) std::cerr << "; no file was written";
        std::cerr << '\n';
    }
    return result.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "pamphlet turns an article collection (Markdown + collection.yaml) into EPUB books and "
        "typeset PDF brochures.",
        "pamphlet"};
    app.set_version_flag("--version", "pamphlet " + std::string(pamphlet::pamphlet_version()));
    app.require_subcommand(1);

    pamphlet::BuildRequest request;
    std::vector<std::string> formats;
    bool quiet = false;
    auto* build = app.add_subcommand("build",
                                     "Export a collection: OUT/<id>-<lang>.epub and "
                                     "OUT/<id>-<lang>-<profile>.pdf for each language");
    build->add_option("COLLECTION", request.collection, "Folder holding collection.yaml")
        ->required();
    build->add_option("-o,--output", request.out_dir, "Output folder")->capture_default_str();
    build->add_option(
        "-p,--profile", request.profiles,
        "Layout profile: a name listed by `pamphlet profiles` or a path to a .yaml file "
        "(repeatable; default a4-handout)");
    build->add_option("-l,--lang", request.languages, "Build only this language (repeatable)");
    build
        ->add_option("-f,--format", formats, "Output format (repeatable; default: both): epub, pdf")
        ->check(CLI::IsMember({"epub", "pdf"}));
    build->add_option("--article", request.articles,
                      "Export only this article, as a handout: in the PDF no cover, contents or "
                      "back page, the clinic's header first, its contact details and a QR code "
                      "last; the EPUB holds just the article (repeatable; files "
                      "OUT/<id>-<lang>[-<profile>]-<article>[+<article>...])");
    build->add_flag_callback(
        "--no-impose", [&request] { request.impose = false; },
        "Write booklet profiles' pages in reading order, one per sheet side, "
        "instead of imposed for saddle-stitch printing (still padded with blank pages to a "
        "multiple of four, ready for the print shop's own imposition)");
    build->add_flag("-q,--quiet", quiet, "Do not list the files written");
    build->add_flag("--stats", request.stats,
                    "Report the quality of each PDF's body text: hyphenated, loose, tight and "
                    "overfull lines, and the worst line's place");

    bool keys = false, markdown = false;
    auto* profiles =
        app.add_subcommand("profiles", "List the layout profiles, or describe their keys");
    profiles->add_flag("--keys", keys, "Describe every profile key: type, default, meaning");
    profiles->add_flag("--markdown", markdown, "With --keys: print a Markdown table");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (*profiles) return run_profiles(keys, markdown);
    for (const auto& f : formats)
        request.formats.push_back(f == "pdf" ? pamphlet::OutputFormat::pdf
                                             : pamphlet::OutputFormat::epub);
    return run_build(request, quiet);
}
