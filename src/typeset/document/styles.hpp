// The profile as the typesetter uses it: faces loaded into the FontSet once,
// text styles for every kind of text, and line metrics (struts) that keep
// baselines a fixed leading apart whatever a line contains.
#pragma once

#include "paragraph/paragraph.hpp"

#include "pamphlet/diagnostics.hpp"
#include "pamphlet/font_set.hpp"
#include "pamphlet/profile.hpp"

#include <optional>
#include <vector>

namespace pamphlet::typeset {

enum class Family { body, heading, mono };

// What inline markup changes as it nests; resolved into a TextStyle.
struct Format {
    Family family = Family::body;
    bool bold = false;
    bool italic = false;
    double size = 10;
    Color color;
    bool hyphenate = true;
    double baseline_shift = 0;
    bool struck = false;
};

struct FaceSet {
    int regular = 0, italic = 0, bold = 0, bold_italic = 0;
    int pick(bool bold_face, bool italic_face) const {
        return bold_face ? (italic_face ? bold_italic : bold) : (italic_face ? italic : regular);
    }
};

// A kind of text block: its format and the distance between its baselines.
struct BlockStyle {
    Format format;
    double leading = 12;
};

class Styles {
public:
    // Loads every face the profile names; nullopt (after reporting) when one
    // cannot be used.
    static std::optional<Styles> load(const Profile& profile, FontSet& fonts, DiagnosticSink& sink);

    TextStyle resolve(const Format& format) const;

    // Height above and depth below the baseline of a line of `style` (the
    // strut): the face's ascender and descender, the leading's extra space
    // shared evenly above and below.
    struct Strut {
        double height = 0, depth = 0;
    };
    Strut strut(const BlockStyle& style) const;

    const Profile& profile() const { return *profile_; }

    // The line breaker's parameters, from the profile's `breaking` keys.
    BreakParams break_params;

    BlockStyle body, title, summary, byline, caption, code, table, footer, cover_title, cover_subtitle,
        back_name, back_text;
    BlockStyle heading(int level) const;  // 2..6

private:
    Styles() = default;

    const Profile* profile_ = nullptr;
    const FontSet* fonts_ = nullptr;
    FaceSet body_faces_, heading_faces_, mono_faces_;
    std::vector<int> fallbacks_;  // fonts.fallback, in order
};

}  // namespace pamphlet::typeset
