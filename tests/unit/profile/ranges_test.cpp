// Numeric keys and their declared ranges: every Integer, Number and Length
// key has one, in profile_keys.def next to the key; values outside it are
// errors at the value, saying the range.
#include "profile_fixtures.hpp"
#include "schema.hpp"
#include "temp_folder.hpp"

#include "pamphlet/profile.hpp"

#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <string>

using namespace pamphlet;
using namespace pamphlet::test;
namespace fs = std::filesystem;

namespace {

bool is_numeric(ProfileType type) {
    return type == ProfileType::Integer || type == ProfileType::Number ||
           type == ProfileType::Length;
}

// `path` = `value` as a nested YAML map ("a.b: v" -> "a:\n  b: v\n").
std::string yaml_for(std::string_view path, std::string_view value) {
    std::string yaml;
    std::string indent;
    std::size_t start = 0;
    for (std::size_t dot = path.find('.'); dot != std::string_view::npos;
         dot = path.find('.', start)) {
        yaml += indent + std::string(path.substr(start, dot - start)) + ":\n";
        indent += "  ";
        start = dot + 1;
    }
    return yaml + indent + std::string(path.substr(start)) + ": " + std::string(value) + "\n";
}

struct Loaded {
    test::TempFolder folder;
    SourceFiles sources;
    DiagnosticSink sink;
    std::optional<Profile> profile;

    explicit Loaded(const std::string& yaml) {
        const fs::path file = folder.write("p.yaml", yaml);
        profile = load_profile(file.string(), real_paths(), sources, sink);
    }
    std::string messages() const { return format_diagnostics(sink, &sources); }
    bool has_code(std::string_view code) const {
        for (const auto& d : sink.diagnostics())
            if (d.code == code) return true;
        return false;
    }
};

// A value just outside `end`, written in the key's own terms.
std::string beyond(const profile::KeyBinding& binding, bool above) {
    const profile::ValueRange& range = *binding.range;
    double value = above ? range.max : range.min;
    if (binding.key->type == ProfileType::Length) {
        // Lengths cannot be negative: below 0 is not a length at all.
        return std::to_string(value + (above ? 1 : -1)) + "pt";
    }
    value += binding.key->type == ProfileType::Integer
                 ? (above ? 1 : -1)
                 : (above ? 1 : -1) * std::max(1e-3, std::abs(value) * 1e-3);
    if (binding.key->type == ProfileType::Integer)
        return std::to_string(static_cast<long long>(std::lround(value)));
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, end);
}

}  // namespace

TEST_CASE("every numeric key declares a range that holds its default") {
    const Profile defaults = profile::defaults();  // aborts on a default outside its range
    for (const auto& binding : profile::key_bindings()) {
        CAPTURE(binding.key->path);
        CHECK(is_numeric(binding.key->type) == binding.range.has_value());
        if (!binding.range) continue;
        CHECK(binding.range->min < binding.range->max);
        CHECK_FALSE(binding.range->min_text.empty());
        CHECK_FALSE(binding.range->max_text.empty());
    }
    CHECK(defaults.cover_image_height == doctest::Approx(0.6));
}

TEST_CASE("cover.image_height: the title stays on the cover") {
    for (const char* bad : {"5", "-1", "0.9", "1e3"}) {
        CAPTURE(bad);
        Loaded l("cover:\n  image_height: " + std::string(bad) + "\n");
        INFO(l.messages());
        CHECK_FALSE(l.profile);
        REQUIRE(l.sink.diagnostics().size() == 1);
        const Diagnostic& d = l.sink.diagnostics().front();
        CHECK(d.code == "out-of-range");
        CHECK(d.span.begin.line == 2);
        CHECK(d.span.begin.column == 17);
        CHECK(d.message ==
              "'cover.image_height' must be between 0 and 0.75, found " + std::string(bad));
        CHECK(format_diagnostic(d, &l.sources)
                  .starts_with(l.folder.path().generic_string() +
                               "/p.yaml:2:17: error: 'cover.image_height' must be between 0 and "
                               "0.75, found " +
                               bad));
    }
    for (const char* good : {"0", "0.75", "0.3"}) {
        CAPTURE(good);
        Loaded l("cover:\n  image_height: " + std::string(good) + "\n");
        INFO(l.messages());
        REQUIRE(l.profile);
        CHECK(l.sink.diagnostics().empty());
    }
}

TEST_CASE("each end of each range is accepted, a step beyond it is not") {
    for (const auto& binding : profile::key_bindings()) {
        if (!binding.range) continue;
        const std::string path{binding.key->path};
        CAPTURE(path);
        // The ends as declared pass the value's own parser and the range.
        for (std::string_view end : {binding.range->min_text, binding.range->max_text}) {
            Profile p = profile::defaults();
            auto problem = profile::assign_value(p, binding, end, false);
            CHECK_FALSE(problem.has_value());
        }
        for (bool above : {false, true}) {
            if (!above && binding.key->type == ProfileType::Length && binding.range->min == 0)
                continue;  // nothing below 0pt is a length
            const std::string value = beyond(binding, above);
            CAPTURE(value);
            Profile p = profile::defaults();
            auto problem = profile::assign_value(p, binding, value, false);
            REQUIRE(problem.has_value());
            CHECK(problem->code == "out-of-range");
            CHECK(problem->message ==
                  "'" + path + "' must be between " + std::string(binding.range->min_text) +
                      " and " + std::string(binding.range->max_text) + ", found " + value);
        }
    }
}

TEST_CASE("ranges of lengths are in the units the user writes") {
    Loaded margin(yaml_for("page.margin.top", "120cm"));
    INFO(margin.messages());
    REQUIRE(margin.sink.diagnostics().size() == 1);
    CHECK(margin.sink.diagnostics().front().message ==
          "'page.margin.top' must be between 0mm and 1000mm, found 120cm");
    Loaded same(yaml_for("page.margin.top", "100cm"));  // 1000mm, written in cm
    CHECK_FALSE(same.has_code("out-of-range"));
    Loaded bleed("bleed: 5cm\n");
    CHECK_FALSE(bleed.profile);
    REQUIRE(bleed.sink.diagnostics().size() == 1);
    CHECK(bleed.sink.diagnostics().front().message ==
          "'bleed' must be between 0mm and 25mm, found 5cm");
    Loaded tiny(yaml_for("text.size", "1pt"));
    CHECK(tiny.has_code("out-of-range"));
}

TEST_CASE("numbers beyond any range, and not numbers at all") {
    for (const char* bad : {"inf", "nan", "1e999", "-1e999"}) {
        CAPTURE(bad);
        Loaded l(yaml_for("breaking.tolerance", bad));
        CHECK_FALSE(l.profile);
        CHECK(l.has_code("out-of-range"));
    }
    Loaded huge(yaml_for("page.columns", "99999999999999999999"));
    CHECK(huge.has_code("out-of-range"));
    Loaded word(yaml_for("cover.image_height", "half"));
    CHECK(word.has_code("wrong-type"));
    Loaded quoted(yaml_for("cover.image_height", "\"0.5\""));
    CHECK(quoted.has_code("wrong-type"));
}

TEST_CASE("the shipped layouts lie within every range") {
    for (const auto& info : list_profiles(real_paths())) {
        CAPTURE(info.id);
        SourceFiles sources;
        DiagnosticSink sink;
        auto profile = load_profile(info.id, real_paths(), sources, sink);
        INFO(format_diagnostics(sink, &sources));
        CHECK(profile);
        CHECK_FALSE(sink.has_errors());
    }
}
