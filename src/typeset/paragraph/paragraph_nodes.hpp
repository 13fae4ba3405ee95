// From styled, font-resolved text to the line breaker's node list: words
// shaped whole (so ligatures and kerning inside them survive and the shaping
// cache sees whole words), spaces as glue, break opportunities inside words
// (explicit hyphens, dashes, soft hyphens, slashes in URLs, the hyphenator's
// points) as penalties.
#pragma once

#include "paragraph/itemize.hpp"
#include "paragraph/nodes.hpp"
#include "paragraph/paragraph.hpp"

#include "pamphlet/hyphenator.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pamphlet::typeset {

// Text of one piece in one font, shaped as a unit.
struct Segment {
    int piece = 0;
    int font = 0;
    std::string text;
    const std::vector<ShapedGlyph>* glyphs = nullptr;  // owned by the FontSet's cache
    double scale = 0;                                  // pt per font unit
    // Bytes into the piece's text where a word's segment begins (where the
    // line's text begins when a line opens with it); 0 for the shared
    // segments of spaces and hyphens.
    std::uint32_t piece_offset = 0;
};

// What a node stands for on the page, parallel to the node list.
struct NodeContent {
    // Boxes: its glyphs; glue: its space glyph; penalties: the hyphen, or
    // for a forced break inside the paragraph the space a reader hears.
    int segment = -1;
    std::uint32_t glyph_begin = 0, glyph_end = 0;
    int piece = -1;
};

// A word wider than the measure, given break points after every character.
struct OverlongWord {
    int piece = 0;
    std::string text;
};

struct ParagraphNodes {
    NodeList nodes;
    std::vector<NodeContent> content;
    std::vector<Segment> segments;
    std::vector<OverlongWord> overlong_words;
};

// Glue and nodes for `chars`; an empty list when there is no text. The list
// ends in TeX's \parfillskip and a forced break.
ParagraphNodes build_nodes(const ParagraphSpec& spec, const std::vector<ResolvedChar>& chars,
                           FontSet& fonts, const Hyphenator& hyphenator);

// What build_nodes shapes and hyphenates in `text` set in `style` (its
// words, between spaces, as build_nodes finds them), done ahead from another
// thread through `shaper` and `hyphenator` (null: none), so that build_nodes
// finds them known. A word build_nodes sees otherwise (its style or font
// changes inside it) is only done twice, never differently.
void prepare_words(std::string_view text, const TextStyle& style, std::string_view lang,
                   FontSet::Lookahead& shaper, const Hyphenator* hyphenator);

// Width in pt of glyphs [begin, end) of `segment`.
double segment_width(const Segment& segment, std::uint32_t begin, std::uint32_t end);

}  // namespace pamphlet::typeset
