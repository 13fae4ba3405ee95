#include "document/document_fonts.hpp"

#include "pamphlet/base/utf8.hpp"

#include <algorithm>
#include <optional>

namespace pamphlet::typeset {

namespace {

// Invisible characters that merged into a neighbour's cluster (ZWNJ between
// compound parts, soft hyphens, word joiners) are not part of what a reader
// copies, and would stick to that glyph everywhere else it is used.
std::string visible_text(std::string_view cluster) {
    std::string out;
    utf8::for_each(cluster, [&](char32_t c) {
        const bool invisible = c == 0x00AD || (c >= 0x200B && c <= 0x200F) ||
                               (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
        if (!invisible) utf8::append(out, c);
    });
    return out;
}

}  // namespace

std::vector<std::string> glyph_texts(const GlyphRun& run) {
    std::vector<std::uint32_t> starts;
    starts.reserve(run.glyphs.size());
    for (const PlacedGlyph& glyph : run.glyphs) starts.push_back(glyph.cluster);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

    std::vector<std::string> texts(run.glyphs.size());
    std::vector<bool> cluster_named(starts.size(), false);
    const auto text_size = static_cast<std::uint32_t>(run.text.size());
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const std::uint32_t begin = std::min(run.glyphs[i].cluster, text_size);
        const auto at = static_cast<std::size_t>(
            std::lower_bound(starts.begin(), starts.end(), run.glyphs[i].cluster) - starts.begin());
        if (cluster_named[at]) continue;
        cluster_named[at] = true;
        const std::uint32_t end =
            at + 1 < starts.size() ? std::min(starts[at + 1], text_size) : text_size;
        if (end > begin)
            texts[i] = visible_text(std::string_view(run.text).substr(begin, end - begin));
    }
    return texts;
}

int DocumentFonts::document_index(int font_set_index) {
    if (auto it = index_of_.find(font_set_index); it != index_of_.end()) return it->second;
    const FontMetrics& metrics = fonts_.metrics(font_set_index);
    DocumentFont font;
    font.file = fonts_.file(font_set_index);
    font.postscript_name = metrics.postscript_name;
    font.units_per_em = metrics.units_per_em;
    font.ascender = metrics.ascender;
    font.descender = metrics.descender;
    font.cap_height = metrics.cap_height;
    std::copy(std::begin(metrics.bbox), std::end(metrics.bbox), std::begin(font.bbox));
    font.italic_angle = metrics.italic_angle;
    font.fixed_pitch = metrics.fixed_pitch;
    font.serif = metrics.serif;
    font.italic = metrics.italic;
    const int index = static_cast<int>(fonts_out_.size());
    fonts_out_.push_back(std::move(font));
    source_of_.push_back(font_set_index);
    index_of_.emplace(font_set_index, index);
    return index;
}

void DocumentFonts::adopt(GlyphRun& run) {
    const int source = run.font;
    run.font = document_index(source);
    auto& used = fonts_out_[static_cast<std::size_t>(run.font)].glyphs;
    // The run's texts glyph by glyph, worked out only when one of its glyphs
    // still has none: most lines use glyphs met before.
    std::optional<std::vector<std::string>> texts;
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const std::uint32_t id = run.glyphs[i].id;
        auto [it, inserted] = used.try_emplace(id);
        if (inserted) it->second.advance = fonts_.advance(source, id);
        // The first text a glyph stood for stays: a PDF maps each glyph to
        // one string. A glyph first seen inside a cluster (no text of its
        // own) takes the first real text it is later seen with.
        if (it->second.text.empty()) {
            if (!texts) texts = glyph_texts(run);
            it->second.text = (*texts)[i];
        }
    }
}

}  // namespace pamphlet::typeset
