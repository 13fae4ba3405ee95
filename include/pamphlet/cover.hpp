// The cover image of an e-book, as shelves show it: the collection's cover
// illustration, the profile's cover band with the title and subtitle set in
// the profile's heading face (shaped by HarfBuzz like the PDF's, rasterised
// by FreeType through the fonts module), and the clinic's name at the foot,
// composed like the PDF's front cover and written as a PNG by the image
// module. No third-party library of its own.
#pragma once

#include <string>
#include <vector>

namespace pamphlet {

class FontSet;
class ImageAsset;
struct Profile;

// The size Amazon, Kobo and Apple recommend for e-book covers (1:1.6).
inline constexpr int cover_width = 1600;
inline constexpr int cover_height = 2560;

struct CoverText {
    std::string title;
    std::string subtitle;   // may be empty
    std::string publisher;  // the clinic's name, small at the foot; may be empty
    std::string lang;       // for shaping
};

// Where the text went, in pixels from the cover's top-left corner.
struct CoverLine {
    enum class Role { title, subtitle, publisher };
    Role role = Role::title;
    std::string text;
    double x = 0, baseline = 0;       // where the pen starts
    double width = 0;                 // advance width of the whole line
    double ascent = 0, descent = 0;   // the face's cap height and descender at this size
    double size = 0;                  // pixels per em
};

struct CoverLayout {
    int width = cover_width, height = cover_height;
    int picture_bottom = 0;  // the illustration (or the cover colour) fills rows above
    int band_top = 0, band_bottom = 0;
    double measure = 0;      // width the lines were wrapped to
    bool illustrated = false;  // the illustration's pixels are on it (else the cover colour)
    std::vector<CoverLine> lines;
};

struct RenderedCover {
    std::string png;      // empty when no cover could be made
    std::string problem;  // why not, when `png` is empty
    CoverLayout layout;
};

// Lays out and draws the cover. `illustration` may be null or hold no
// pixels the image module can decode (JPEG, SVG, an unusable file): the
// picture's area then takes the profile's cover colour. Deterministic: the
// same inputs give the same bytes. `fonts` is the caller's (FreeType faces
// are not shared between threads); the profile's heading faces are loaded
// into it, and its body and fallback faces for characters the heading face
// lacks.
RenderedCover render_cover(const Profile& profile, const ImageAsset* illustration,
                           const CoverText& text, FontSet& fonts);

}  // namespace pamphlet
