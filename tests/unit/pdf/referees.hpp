// Test-only: running the PDF validators (qpdf, poppler) on a written file.
// A missing tool fails the test with a message saying how to install it:
// a referee that is silently skipped is no referee.
#pragma once

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace pamphlet::testing {

struct ToolRun {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

inline bool tool_installed(const std::string& tool) {
    return std::system(("command -v " + tool + " > /dev/null 2>&1").c_str()) == 0;
}

inline ToolRun run_tool(const std::string& tool, const std::string& arguments) {
    REQUIRE_MESSAGE(tool_installed(tool), tool << " is not installed; the PDF tests need it "
                                                  "(scripts/setup --test installs qpdf and "
                                                  "poppler-utils)");
    ToolRun run;
    FILE* pipe = popen((tool + " " + arguments + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        run.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// PDFBox's PDF/A-1b preflight (Debian: libpdfbox2-java, which needs
// libactivation-java and libjaxb-api-java at run time).
inline ToolRun run_pdfa_preflight(const std::filesystem::path& pdf) {
    const std::filesystem::path java_dir = "/usr/share/java";
    std::string class_path;
    for (const char* jar : {"preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar",
                            "commons-logging.jar", "javax.activation.jar", "jaxb-api.jar"}) {
        REQUIRE_MESSAGE(std::filesystem::exists(java_dir / jar),
                        (java_dir / jar).string()
                            << " is missing; the PDF/A tests need PDFBox's preflight (apt: "
                               "libpdfbox2-java libactivation-java libjaxb-api-java)");
        if (!class_path.empty()) class_path += ':';
        class_path += (java_dir / jar).string();
    }
    return run_tool("java", "-cp " + class_path + " org.apache.pdfbox.preflight.Validator_A1b '" +
                                pdf.string() + "'");
}

inline std::filesystem::path scratch_dir() {
    const auto dir = std::filesystem::temp_directory_path() / "pamphlet-pdf-test";
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::filesystem::path write_scratch(const std::string& name, const std::string& bytes) {
    const auto path = scratch_dir() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

inline std::string quoted_path(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

}  // namespace pamphlet::testing
