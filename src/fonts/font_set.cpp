// The typesetter's fonts: each file as the process opened it once
// (font_files.hpp: its mapping, HarfBuzz face and FreeType's metrics), with
// a HarfBuzz font of this set's own (coverage, advances, shaping) and a
// FreeType face made only when a glyph is rendered. Shaping results are
// cached for the run: a document repeats its words, and the same word in
// the same font, language and features always shapes the same.
#include "pamphlet/font_set.hpp"

#include "pamphlet/base/utf8.hpp"

#include "font_files.hpp"
#include "hb_handles.hpp"
#include "shaping.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>

namespace pamphlet {

using namespace fonts_detail;

namespace {

struct LoadedFont {
    std::filesystem::path file;
    BlobHandle blob;
    FT_Face ft_face = nullptr;  // made when a glyph is first rendered
    FaceHandle hb_face;
    FontHandle hb_font;
    FontMetrics metrics;
    // has_glyph's answers for the characters text mostly uses (Latin,
    // Greek, Cyrillic, punctuation, symbols: below U+2500), 0 not asked yet,
    // 1 no, 2 yes: it is asked for every character of every paragraph set.
    std::vector<std::uint8_t> covered;
};

// "onum,smcp,-liga" -> HarfBuzz features; entries HarfBuzz cannot parse are
// dropped (the profile validates feature lists where the user writes them).
std::vector<hb_feature_t> parse_features(std::string_view list) {
    std::vector<hb_feature_t> features;
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        hb_feature_t feature{};
        if (!item.empty() &&
            hb_feature_from_string(item.data(), static_cast<int>(item.size()), &feature)) {
            features.push_back(feature);
        }
    }
    return features;
}

// The shaping cache's key: font index, features and language cannot
// contain NUL, so NUL-separated fields make it unambiguous.
void make_key(std::string& key, int font, std::string_view text, std::string_view lang,
              std::string_view features) {
    key.clear();
    key.append(reinterpret_cast<const char*>(&font), sizeof font);
    key.append(features).push_back('\0');
    key.append(lang).push_back('\0');
    key.append(text);
}

// Feature lists parsed once each, for one thread's shaping.
class ParsedFeatures {
public:
    const std::vector<hb_feature_t>& operator()(std::string_view list) {
        auto found = parsed_.find(std::string(list));
        if (found == parsed_.end()) found = parsed_.emplace(list, parse_features(list)).first;
        return found->second;
    }

private:
    std::unordered_map<std::string, std::vector<hb_feature_t>> parsed_;
};

hb_language_t language_of(std::string_view lang) {
    return lang.empty() ? HB_LANGUAGE_INVALID
                        : hb_language_from_string(lang.data(), static_cast<int>(lang.size()));
}

}  // namespace

struct FontSet::Impl {
    FT_Library library = nullptr;
    std::vector<LoadedFont> fonts;
    std::map<std::string, int> index_by_path;
    BufferHandle buffer{hb_buffer_create()};
    // Node-based: references to cached results survive later insertions.
    // A Lookahead fills it from another thread, hence the lock.
    std::unordered_map<std::string, std::vector<ShapedGlyph>> shaped;
    std::mutex shaped_mutex;
    ParsedFeatures parsed_features;
    std::string key;  // reused to build cache keys without reallocating
    ShapingStats stats;

    ~Impl() {
        for (LoadedFont& font : fonts)
            if (font.ft_face != nullptr) FT_Done_Face(font.ft_face);
        if (library != nullptr) FT_Done_FreeType(library);
    }
};

FontSet::FontSet() : impl_(std::make_unique<Impl>()) {}
FontSet::~FontSet() = default;

std::optional<int> FontSet::load(const std::filesystem::path& file, std::string& error) {
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(file, ec);
    if (ec) canonical = file;
    if (auto known = impl_->index_by_path.find(canonical.string());
        known != impl_->index_by_path.end()) {
        return known->second;
    }
    // Opened once for the process (font_files.hpp): this set takes its own
    // references and a HarfBuzz font of its own.
    const FontFile& opened = font_file(file);
    if (!opened.blob) {
        error = "cannot read font file '" + file.string() + "'";
        return std::nullopt;
    }
    if (!opened.freetype_reads) {
        error = "'" + file.string() + "' is not a font file";
        return std::nullopt;
    }
    if (!opened.scalable_sfnt) {
        error = "'" + file.string() + "' is not a TrueType font";
        return std::nullopt;
    }
    if (!opened.truetype_outlines) {
        error = opened.cff_outlines
                    ? "'" + file.string() +
                          "' has CFF outlines (an .otf font); pamphlet needs TrueType outlines"
                    : "'" + file.string() + "' has no TrueType outlines";
        return std::nullopt;
    }

    LoadedFont font;
    font.file = file;
    font.blob.reset(hb_blob_reference(opened.blob.get()));
    font.hb_face.reset(hb_face_reference(opened.face.get()));
    font.hb_font.reset(hb_font_create(font.hb_face.get()));
    const int upem = static_cast<int>(hb_face_get_upem(font.hb_face.get()));
    // Shaping results in font units: the caller scales to the point size.
    hb_font_set_scale(font.hb_font.get(), upem, upem);
    font.metrics = opened.metrics;

    const int index = static_cast<int>(impl_->fonts.size());
    impl_->fonts.push_back(std::move(font));
    impl_->index_by_path.emplace(canonical.string(), index);
    return index;
}

std::size_t FontSet::size() const {
    return impl_->fonts.size();
}

const std::filesystem::path& FontSet::file(int font) const {
    return impl_->fonts.at(static_cast<std::size_t>(font)).file;
}

const FontMetrics& FontSet::metrics(int font) const {
    return impl_->fonts.at(static_cast<std::size_t>(font)).metrics;
}

bool FontSet::has_glyph(int font, char32_t c) const {
    LoadedFont& loaded = impl_->fonts.at(static_cast<std::size_t>(font));
    auto look_up = [&] {
        hb_codepoint_t glyph = 0;
        return hb_font_get_nominal_glyph(loaded.hb_font.get(), static_cast<hb_codepoint_t>(c),
                                         &glyph) &&
               glyph != 0;
    };
    constexpr char32_t remembered = 0x2500;
    if (c >= remembered) return look_up();
    if (loaded.covered.empty()) loaded.covered.assign(remembered, 0);
    std::uint8_t& known = loaded.covered[c];
    if (known == 0) known = look_up() ? 2 : 1;
    return known == 2;
}

double FontSet::advance(int font, std::uint32_t glyph) const {
    return hb_font_get_glyph_h_advance(
        impl_->fonts.at(static_cast<std::size_t>(font)).hb_font.get(), glyph);
}

const std::vector<ShapedGlyph>& FontSet::shape(int font, std::string_view text,
                                               std::string_view lang, std::string_view features) {
    ++impl_->stats.requests;
    std::string& key = impl_->key;
    make_key(key, font, text, lang, features);
    {
        const std::lock_guard<std::mutex> lock(impl_->shaped_mutex);
        if (auto cached = impl_->shaped.find(key); cached != impl_->shaped.end()) {
            return cached->second;
        }
    }
    ++impl_->stats.shaped;
    const LoadedFont& loaded = impl_->fonts.at(static_cast<std::size_t>(font));
    std::vector<ShapedGlyph> glyphs =
        shape_with(loaded.hb_font.get(), impl_->buffer.get(), text, language_of(lang),
                   impl_->parsed_features(features));
    // A Lookahead may have shaped it meanwhile: the same glyphs, kept once.
    const std::lock_guard<std::mutex> lock(impl_->shaped_mutex);
    return impl_->shaped.emplace(key, std::move(glyphs)).first->second;
}

struct FontSet::Lookahead::State {
    FontSet::Impl& set;
    std::vector<hb_font_t*> fonts;  // references taken: the set's fonts, fixed by now
    BufferHandle buffer{hb_buffer_create()};
    ParsedFeatures parsed_features;
    std::string key;

    explicit State(FontSet::Impl& shared) : set(shared) {
        for (const LoadedFont& font : set.fonts)
            fonts.push_back(hb_font_reference(font.hb_font.get()));
    }
    ~State() {
        for (hb_font_t* font : fonts) hb_font_destroy(font);
    }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
};

FontSet::Lookahead::Lookahead(FontSet::Impl& set) : state_(std::make_unique<State>(set)) {}

FontSet::Lookahead::~Lookahead() = default;

std::unique_ptr<FontSet::Lookahead> FontSet::lookahead() {
    return std::unique_ptr<Lookahead>(new Lookahead(*impl_));
}

bool FontSet::Lookahead::shape(int font, std::string_view text, std::string_view lang,
                               std::string_view features) {
    State& d = *state_;
    if (font < 0 || static_cast<std::size_t>(font) >= d.fonts.size() || text.empty()) return false;
    hb_font_t* hb_font = d.fonts[static_cast<std::size_t>(font)];
    // Only a word the face covers whole is one run in it (itemize.cpp).
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        const char32_t c = utf8::decode(text, pos, valid);
        hb_codepoint_t glyph = 0;
        if (!valid || !hb_font_get_nominal_glyph(hb_font, c, &glyph) || glyph == 0) return false;
    }
    make_key(d.key, font, text, lang, features);
    {
        const std::lock_guard<std::mutex> lock(d.set.shaped_mutex);
        if (d.set.shaped.contains(d.key)) return true;
    }
    std::vector<ShapedGlyph> glyphs =
        shape_with(hb_font, d.buffer.get(), text, language_of(lang), d.parsed_features(features));
    const std::lock_guard<std::mutex> lock(d.set.shaped_mutex);
    d.set.shaped.emplace(d.key, std::move(glyphs));
    return true;
}

ShapingStats FontSet::stats() const {
    return impl_->stats;
}

GlyphBitmap FontSet::render_glyph(int font, std::uint32_t glyph, double pixels_per_em,
                                  double x_fraction) {
    LoadedFont& loaded = impl_->fonts.at(static_cast<std::size_t>(font));
    GlyphBitmap bitmap;
    if (loaded.ft_face == nullptr) {
        // FreeType's own face, over the mapped file: only the cover's title
        // is rendered, so only its fonts need one.
        unsigned length = 0;
        const char* data = hb_blob_get_data(loaded.blob.get(), &length);
        if ((impl_->library == nullptr && FT_Init_FreeType(&impl_->library) != 0) ||
            FT_New_Memory_Face(impl_->library, reinterpret_cast<const FT_Byte*>(data),
                               static_cast<FT_Long>(length), 0, &loaded.ft_face) != 0) {
            loaded.ft_face = nullptr;
            return bitmap;
        }
    }
    FT_Face face = loaded.ft_face;
    constexpr double f26dot6 = 64;
    if (FT_Set_Char_Size(face, 0, static_cast<FT_F26Dot6>(std::lround(pixels_per_em * f26dot6)), 72,
                         72) != 0) {
        return bitmap;
    }
    FT_Vector shift{static_cast<FT_Pos>(std::lround(std::clamp(x_fraction, 0.0, 1.0) * f26dot6)),
                    0};
    FT_Set_Transform(face, nullptr, &shift);
    const bool rendered =
        FT_Load_Glyph(face, glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) == 0 &&
        FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) == 0;
    // The face is shared with the metrics' unscaled loads: leave it as found.
    FT_Set_Transform(face, nullptr, nullptr);
    if (!rendered) return bitmap;
    const FT_Bitmap& source = face->glyph->bitmap;
    if (source.pixel_mode != FT_PIXEL_MODE_GRAY || source.width == 0 || source.rows == 0) {
        return bitmap;
    }
    bitmap.width = static_cast<int>(source.width);
    bitmap.height = static_cast<int>(source.rows);
    bitmap.left = face->glyph->bitmap_left;
    bitmap.top = face->glyph->bitmap_top;
    bitmap.coverage.resize(static_cast<std::size_t>(bitmap.width) *
                           static_cast<std::size_t>(bitmap.height));
    for (int row = 0; row < bitmap.height; ++row) {
        const unsigned char* from = source.buffer + static_cast<std::ptrdiff_t>(row) * source.pitch;
        std::copy(from, from + bitmap.width,
                  bitmap.coverage.begin() + static_cast<std::ptrdiff_t>(row) * bitmap.width);
    }
    return bitmap;
}

}  // namespace pamphlet
