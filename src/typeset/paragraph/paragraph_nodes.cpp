#include "paragraph/paragraph_nodes.hpp"

#include "pamphlet/base/utf8.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>

namespace pamphlet::typeset {

namespace {

enum class BreakKind {
    after_hyphen,  // explicit hyphen or dash: break with nothing added
    after_slash,   // between words joined by a slash (und/oder): nothing added
    soft_hyphen,   // U+00AD: break with a hyphen added
    hyphenation,   // the hyphenator's point: a hyphen added, second pass only
    address,       // inside a URL, address, path or dotted name: nothing added
    emergency,     // inside a word wider than the measure: a hyphen added, second pass only
    url_anywhere,  // inside an address wider than the measure: nothing added, second pass only
};

// A break inside a word that cannot fit on any line costs far more than a
// real hyphenation point, so the hyphenator's points are used first.
constexpr double emergency_break_penalty = 1000;

struct WordBreak {
    std::size_t after_char = 0;  // index into the word's characters
    BreakKind kind = BreakKind::after_hyphen;
};

bool is_breakable_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r';
}
constexpr char32_t no_break_space = 0x00A0;
constexpr double url_break_stretch_em = 3;
constexpr char32_t narrow_no_break_space = 0x202F;

bool is_hyphen_or_dash(char32_t c) {
    return c == U'-' || c == 0x2010 || c == 0x2013 || c == 0x2014;
}

// German and English typography: a dash between words ("Wort – Wort")
// stays with the word before it, so no line may begin with one.
bool never_begins_line(char32_t c) {
    return c == 0x2013 || c == 0x2014;
}

// Margin kerning: the share of a character's width that may hang into the
// margin at the start and at the end of a line. Marks that are light on the
// page (hyphens, full stops, commas, quotation marks) hang furthest, so the
// eye sees the text's edge where the letters are; round brackets hardly at
// all. Values in the spirit of pdfTeX and microtype, tuned by eye.
struct Protrusion {
    double left = 0, right = 0;
};

Protrusion protrusion_factor(char32_t c) {
    switch (c) {
        case U'-':
        case 0x2010:  // hyphen
        case 0x00AD:  // soft hyphen, drawn as a hyphen
            return {0.7, 0.7};
        case U'.':
        case U',':
            return {0, 0.7};
        case 0x2026:  // …: three dots wide, so only about its last dot's share hangs
            return {0, 0.2};
        case U':':
        case U';':
            return {0, 0.5};
        case U'!':
        case U'?':
            return {0, 0.2};
        case 0x2013:  // en dash
            return {0.3, 0.3};
        case 0x2014:  // em dash
            return {0.2, 0.2};
        case U'\'':
        case 0x2018:  // ‘
        case 0x2019:  // ’
        case 0x201A:  // ‚
            return {0.7, 0.7};
        case U'"':
        case 0x201C:  // “
        case 0x201D:  // ”
        case 0x201E:  // „
            return {0.5, 0.5};
        case 0x00AB:  // «
        case 0x00BB:  // »
        case 0x2039:  // ‹
        case 0x203A:  // ›
            return {0.3, 0.3};
        case U'(':
        case U'[':
            return {0.05, 0};
        case U')':
        case U']':
            return {0, 0.05};
        default:
            return {};
    }
}

// After these an address (a URL, an e-mail address, a file path, a dotted
// name) may break, with nothing added: LaTeX's url package breaks there.
bool is_address_separator(char32_t c) {
    return c == U'/' || c == U'.' || c == U'-' || c == U'@';
}

bool is_letter(char32_t c) {
    return !is_word_punctuation(c) && !(c >= U'0' && c <= U'9');
}

// Punctuation of the sentence around a word, not part of it: "(siehe
// subkeys.pgp.net)." is the name subkeys.pgp.net.
bool is_sentence_punctuation(char32_t c) {
    switch (c) {
        case U'.': case U',': case U';': case U':': case U'!': case U'?': case U'(':
        case U')': case U'[': case U']': case U'"': case U'\'':
        case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201A: case 0x201C:
        case 0x201D: case 0x201E: case 0x2039: case 0x203A: case 0x2026:
            return true;
        default:
            return false;
    }
}

// A word that names something to type rather than to read: hyphenating it
// would change what the reader types (subkeys.pgp.-net, /us-r/lib/menu).
// `text` is the word without the sentence's punctuation around it.
bool looks_like_address(std::u32string_view text) {
    if (text.size() < 3) return false;
    if (text.find(U"://") != std::u32string_view::npos || text.starts_with(U"www.") ||
        text.starts_with(U"mailto:"))
        return true;
    // A path: from the root, the home folder or here, or two folders deep.
    if (text.starts_with(U'/') || text.starts_with(U"~/") || text.starts_with(U"./") ||
        text.starts_with(U"../") || std::count(text.begin(), text.end(), U'/') >= 2)
        return true;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        const bool letter_before = !is_word_punctuation(text[i - 1]);
        // user@example.org; a dotted name (subkeys.pgp.net, index.html) —
        // between letters, so that 3.5 and 1.000 stay numbers.
        if (text[i] == U'@' && letter_before && !is_word_punctuation(text[i + 1])) return true;
        if (text[i] == U'.' && is_letter(text[i - 1]) && is_letter(text[i + 1])) return true;
    }
    return false;
}

bool looks_like_url(const TextPiece& piece) {
    if (piece.link < 0) return false;
    const std::string_view text = piece.text;
    return text.find("://") != std::string_view::npos || text.starts_with("www.") ||
           text.starts_with("mailto:");
}

// A word's own break points (explicit hyphens and dashes, soft hyphens,
// slashes, an address's separators) and the parts of it the hyphenator is
// asked about: none for an address or a word that brings a break of its own
// (German typography: a word with a hyphen breaks only there). `word` is
// its characters, the sentence's punctuation around it included; `url`: it
// is a link's text that is a URL.
// Filled in place, its vectors reused from word to word.
struct OwnBreaks {
    std::vector<WordBreak> breaks;
    std::vector<std::pair<std::size_t, std::size_t>> parts;  // [from, to) to hyphenate
    bool address = false;
    std::vector<std::size_t> slashes;  // scratch
};

void own_breaks(std::u32string_view word, bool url, OwnBreaks& out) {
    const std::size_t n = word.size();
    out.breaks.clear();
    out.parts.clear();
    // The word without the sentence's punctuation around it.
    std::size_t first = 0, last = n;
    while (first < last && is_sentence_punctuation(word[first])) ++first;
    while (last > first && is_sentence_punctuation(word[last - 1])) --last;
    // A break inside an address or after a slash leaves two characters at
    // least on either side (no "km/" above "h", no "z." above "B.").
    auto leaves_parts = [&](std::size_t i) { return i + 1 >= first + 2 && i + 3 <= last; };

    out.address = url || looks_like_address(word.substr(first, last - first));
    if (out.address) {
        for (std::size_t i = first; i + 1 < last; ++i) {
            if (is_address_separator(word[i]) && !is_address_separator(word[i + 1]) &&
                leaves_parts(i))
                out.breaks.push_back({i, BreakKind::address});
        }
        return;
    }

    bool explicit_breaks = false;
    std::vector<std::size_t>& slashes = out.slashes;
    slashes.clear();
    // Never after the last character: a space or the paragraph's end follows.
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const char32_t c = word[i];
        // "Sicherheits-/Handschuhe" breaks after the slash, not before it.
        if (is_hyphen_or_dash(c) && i > 0 && !is_hyphen_or_dash(word[i + 1]) &&
            word[i + 1] != U'/') {
            out.breaks.push_back({i, BreakKind::after_hyphen});
            explicit_breaks = true;
        } else if (c == 0x00AD) {
            out.breaks.push_back({i, BreakKind::soft_hyphen});
            explicit_breaks = true;
        } else if (c == U'/' && i > first && i + 1 < last) {
            slashes.push_back(i);
            if (leaves_parts(i)) out.breaks.push_back({i, BreakKind::after_slash});
        }
    }
    if (explicit_breaks) return;
    // Words joined by slashes (und/oder) are hyphenated each on its own.
    std::size_t part_begin = 0;
    slashes.push_back(n);
    for (std::size_t slash : slashes) {
        out.parts.emplace_back(part_begin, slash);
        part_begin = slash + 1;
    }
}

// What the hyphenator is asked about in characters [from, to) of a word:
// their text without the punctuation around it, or "" when fewer than two
// characters are left. `char_ends`, when given, gets the byte offset in the
// text after each character (from `from` on, past the punctuation).
std::string hyphenation_core(std::u32string_view word, std::size_t& from, std::size_t& to,
                             std::vector<std::size_t>* char_ends) {
    while (from < to && is_word_punctuation(word[from])) ++from;
    while (to > from && is_word_punctuation(word[to - 1])) --to;
    if (to - from < 2) return {};
    std::string core;
    if (char_ends != nullptr) char_ends->clear();
    for (std::size_t i = from; i < to; ++i) {
        utf8::append(core, word[i]);
        if (char_ends != nullptr) char_ends->push_back(core.size());
    }
    return core;
}

bool separates_words(char32_t c) {
    return is_breakable_space(c) || c == no_break_space || c == narrow_no_break_space || c == U'\n';
}

class NodeBuilder {
public:
    NodeBuilder(const ParagraphSpec& spec, FontSet& fonts, const Hyphenator& hyphenator)
        : spec_(spec),
          fonts_(fonts),
          hyphenator_(hyphenator),
          protrude_(spec.params.protrusion &&
                    (spec.align == Alignment::justify || spec.align == Alignment::left)),
          expansion_(spec.align == Alignment::justify ? std::max(0.0, spec.params.font_expansion)
                                                      : 0) {
        url_piece_.reserve(spec.pieces.size());
        for (const TextPiece& piece : spec.pieces) url_piece_.push_back(looks_like_url(piece));
    }

    void add_word(const ResolvedChar* begin, const ResolvedChar* end);
    // `tied`: the space must not break the line (it comes before a dash).
    void add_space(const ResolvedChar& c, bool tied);
    // `line_break`: a forced break inside the paragraph (its '\n'), which
    // carries a space for readers of the text; none at the paragraph's end.
    void add_forced_break(const ResolvedChar* line_break = nullptr);
    ParagraphNodes finish();

private:
    struct WordChar {
        int segment = 0;           // index into segments
        std::size_t end_byte = 0;  // end of the character in the segment's text
    };

    const TextStyle& style(int piece) const {
        return spec_.pieces[static_cast<std::size_t>(piece)].style;
    }
    bool ragged() const { return spec_.align != Alignment::justify; }

    int add_segment(int piece, int font, std::string text) {
        Segment segment;
        segment.piece = piece;
        segment.font = font;
        segment.text = std::move(text);
        const TextStyle& s = style(piece);
        segment.glyphs = &fonts_.shape(font, segment.text, spec_.lang, s.features);
        segment.scale = s.size / fonts_.metrics(font).units_per_em;
        out_.segments.push_back(std::move(segment));
        return static_cast<int>(out_.segments.size()) - 1;
    }

    // Spaces and hyphens repeat: one segment per piece, font and character.
    int glyph_segment(int piece, int font, char32_t c) {
        const auto key = std::make_tuple(piece, font, c);
        if (auto found = single_glyphs_.find(key); found != single_glyphs_.end()) {
            return found->second;
        }
        std::string text;
        utf8::append(text, c);
        const int segment = add_segment(piece, font, std::move(text));
        single_glyphs_.emplace(key, segment);
        return segment;
    }

    // The hyphen added at a break, from the font of the text before it.
    std::optional<int> hyphen_segment(int piece, int font) {
        if (fonts_.has_glyph(font, U'-')) return glyph_segment(piece, font, U'-');
        for (int fallback : style(piece).fallbacks) {
            if (fonts_.has_glyph(fallback, U'-')) return glyph_segment(piece, fallback, U'-');
        }
        return std::nullopt;
    }

    void push(Node node, NodeContent content) {
        out_.nodes.push_back(node);
        out_.content.push_back(content);
    }

    void pop_trailing_glue() {
        while (!out_.nodes.empty() && (out_.nodes.back().kind == Node::Kind::glue ||
                                       (out_.nodes.back().kind == Node::Kind::penalty &&
                                        out_.nodes.back().penalty >= infinite_penalty))) {
            out_.nodes.pop_back();
            out_.content.pop_back();
        }
    }

    void push_box(int segment, std::uint32_t begin, std::uint32_t end) {
        if (begin >= end) return;
        const Segment& s = out_.segments[static_cast<std::size_t>(segment)];
        Node box = Node::box(segment_width(s, begin, end));
        if (protrude_) add_protrusion(box, s, begin, end);
        box.stretch = box.shrink = expansion_ * box.width;
        push(box, {segment, begin, end, s.piece});
    }

    // How far glyphs [begin, end) of `s` hang into the margins: a share of
    // the first glyph's width by its character, and of the last glyph's.
    static void add_protrusion(Node& node, const Segment& s, std::uint32_t begin,
                               std::uint32_t end) {
        const std::vector<ShapedGlyph>& glyphs = *s.glyphs;
        std::size_t pos = glyphs[begin].cluster;
        bool valid = true;
        const char32_t first = utf8::decode(s.text, pos, valid);
        node.protrude_left = protrusion_factor(first).left * glyphs[begin].x_advance * s.scale;
        // The last glyph's last character (a ligature's, too).
        std::size_t last_begin = glyphs[end - 1].cluster;
        const std::size_t text_end = end < glyphs.size() ? glyphs[end].cluster : s.text.size();
        char32_t last = 0;
        while (last_begin < text_end) last = utf8::decode(s.text, last_begin, valid);
        node.protrude_right = protrusion_factor(last).right * glyphs[end - 1].x_advance * s.scale;
    }

    void push_break(BreakKind kind, int piece, int font);
    // The word's break points (own_.breaks, until the next word).
    std::vector<WordBreak>& find_breaks(const ResolvedChar* begin, const ResolvedChar* end);
    void hyphenate_part(std::u32string_view word, std::size_t from, std::size_t to,
                        std::vector<WordBreak>& breaks);
    void add_emergency_breaks(const ResolvedChar* begin, const ResolvedChar* end,
                              const std::vector<WordChar>& word, const std::vector<int>& segments,
                              std::vector<WordBreak>& breaks);

    const ParagraphSpec& spec_;
    FontSet& fonts_;
    const Hyphenator& hyphenator_;
    const bool protrude_;
    const double expansion_;  // share of a box's width it may widen or narrow by
    std::vector<bool> url_piece_;
    bool address_ = false;  // the word being added is an address (find_breaks says)
    // The word before the next space ends in a hyphen of its own ("Hand-
    // und Fußpflege"): a line ending there ends in a hyphen too.
    bool word_ends_in_hyphen_ = false;
    std::map<std::tuple<int, int, char32_t>, int> single_glyphs_;
    // Scratch, reused from word to word.
    std::u32string word_chars_;                              // find_breaks'
    OwnBreaks own_;                                          // find_breaks'
    std::vector<std::size_t> char_ends_;                     // hyphenate_part's
    std::vector<std::size_t> points_;                        // hyphenate_part's
    std::vector<WordChar> word_;                             // add_word's
    std::vector<std::pair<std::size_t, std::string>> runs_;  // add_word's: first char, text
    std::vector<int> run_segments_;                          // add_word's
    ParagraphNodes out_;
};

std::vector<WordBreak>& NodeBuilder::find_breaks(const ResolvedChar* begin,
                                                 const ResolvedChar* end) {
    std::u32string& chars = word_chars_;
    chars.clear();
    for (const ResolvedChar* c = begin; c != end; ++c) chars.push_back(c->c);
    own_breaks(chars, url_piece_[static_cast<std::size_t>(begin->piece)], own_);
    address_ = own_.address;
    std::vector<WordBreak>& breaks = own_.breaks;
    if (own_.parts.empty() ||
        !std::all_of(begin, end, [&](const ResolvedChar& c) { return style(c.piece).hyphenate; })) {
        return breaks;
    }
    for (auto [from, to] : own_.parts) hyphenate_part(chars, from, to, breaks);
    std::sort(breaks.begin(), breaks.end(),
              [](const WordBreak& a, const WordBreak& b) { return a.after_char < b.after_char; });
    return breaks;
}

// The hyphenator's points in characters [from, to) of a word, punctuation
// around them left out.
void NodeBuilder::hyphenate_part(std::u32string_view word, std::size_t from, std::size_t to,
                                 std::vector<WordBreak>& breaks) {
    // The byte offset in the core after each character.
    std::vector<std::size_t>& char_ends = char_ends_;
    const std::string core = hyphenation_core(word, from, to, &char_ends);
    if (core.empty()) return;
    hyphenator_.find_points(core, spec_.lang, points_);
    for (std::size_t offset : points_) {
        const auto at = std::lower_bound(char_ends.begin(), char_ends.end(), offset);
        if (at == char_ends.end() || *at != offset || at + 1 == char_ends.end()) continue;
        breaks.push_back(
            {from + static_cast<std::size_t>(at - char_ends.begin()), BreakKind::hyphenation});
    }
}

void NodeBuilder::push_break(BreakKind kind, int piece, int font) {
    const BreakParams& p = spec_.params;
    switch (kind) {
        case BreakKind::after_hyphen:
            push(Node::make_penalty(0, p.hyphen_penalty, true), {-1, 0, 0, piece});
            return;
        case BreakKind::url_anywhere:
            push(Node::make_penalty(0, emergency_break_penalty, false, true), {-1, 0, 0, piece});
            return;
        case BreakKind::after_slash:
            push(Node::make_penalty(0, p.hyphen_penalty), {-1, 0, 0, piece});
            return;
        case BreakKind::address: {
            // A line ending inside a URL cannot be justified by its spaces,
            // so the break brings its own stretch, cancelled when the line
            // does not break here (TeX's \hskip 0pt plus s \penalty p
            // \hskip 0pt plus -s). The glue after a break is discarded.
            const double stretch = url_break_stretch_em * style(piece).size;
            push(Node::make_penalty(0, infinite_penalty), {-1, 0, 0, piece});
            push(Node::glue(0, stretch, 0), {-1, 0, 0, piece});
            push(Node::make_penalty(0, p.hyphen_penalty), {-1, 0, 0, piece});
            push(Node::glue(0, -stretch, 0), {-1, 0, 0, piece});
            return;
        }
        case BreakKind::soft_hyphen:
        case BreakKind::hyphenation:
        case BreakKind::emergency: {
            const std::optional<int> hyphen = hyphen_segment(piece, font);
            if (!hyphen) return;  // no font draws a hyphen: no break here
            const Segment& s = out_.segments[static_cast<std::size_t>(*hyphen)];
            const auto count = static_cast<std::uint32_t>(s.glyphs->size());
            const double penalty =
                kind == BreakKind::emergency ? emergency_break_penalty : p.hyphen_penalty;
            Node node = Node::make_penalty(segment_width(s, 0, count), penalty, true,
                                           kind != BreakKind::soft_hyphen);
            if (protrude_) add_protrusion(node, s, 0, count);
            node.stretch = node.shrink = expansion_ * node.width;
            push(node, {*hyphen, 0, count, piece});
            return;
        }
    }
}

// A word wider than the measure: where the stretch between two of its own
// break points (or its ends) cannot fit on a line either, it may break after
// any character — with a hyphen, except in URLs, where a hyphen would change
// the address. Rather that than text running into the margin or off the page.
void NodeBuilder::add_emergency_breaks(const ResolvedChar* begin, const ResolvedChar* end,
                                       const std::vector<WordChar>& word,
                                       const std::vector<int>& segments,
                                       std::vector<WordBreak>& breaks) {
    const auto n = static_cast<std::size_t>(end - begin);
    // x after each character, from the shaped runs (clusters keep ligatures
    // whole): the advances of the run's glyphs whose cluster starts before
    // the character's end, summed once per run by byte (not once per
    // character, which made a 60,000-character word take seconds).
    std::vector<double> x_after(n);
    std::vector<double> width_before;  // [b]: advances of glyphs with cluster < b
    double run_start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || word[i].segment != word[i - 1].segment) {
            if (i > 0) run_start = x_after[i - 1];
            const Segment& seg = out_.segments[static_cast<std::size_t>(
                segments[static_cast<std::size_t>(word[i].segment)])];
            width_before.assign(seg.text.size() + 1, 0);
            for (const ShapedGlyph& g : *seg.glyphs)
                if (g.cluster < seg.text.size())
                    width_before[g.cluster + 1] += g.x_advance * seg.scale;
            for (std::size_t b = 1; b < width_before.size(); ++b)
                width_before[b] += width_before[b - 1];
        }
        x_after[i] = run_start + width_before[word[i].end_byte];
    }
    std::vector<WordBreak> result;
    std::size_t given = 0;
    double fragment_start = 0;
    std::vector<WordBreak> pending;  // emergency points of the current fragment
    auto close_fragment = [&](double fragment_end) {
        if (fragment_end - fragment_start > spec_.measure)
            result.insert(result.end(), pending.begin(), pending.end());
        pending.clear();
    };
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (given < breaks.size() && breaks[given].after_char == i) {
            close_fragment(x_after[i]);
            result.push_back(breaks[given++]);
            fragment_start = x_after[i];
            continue;
        }
        pending.push_back({i, address_ ? BreakKind::url_anywhere : BreakKind::emergency});
    }
    close_fragment(x_after[n - 1]);
    if (result.size() == breaks.size()) return;  // its own break points suffice
    breaks = std::move(result);
    std::string text;
    for (const ResolvedChar* c = begin; c != end; ++c) utf8::append(text, c->c);
    out_.overlong_words.push_back({begin->piece, std::move(text)});
}

void NodeBuilder::add_word(const ResolvedChar* begin, const ResolvedChar* end) {
    // Split into runs of one piece and one font; each is shaped whole.
    std::vector<WordChar>& word = word_;
    word.clear();
    std::vector<std::pair<std::size_t, std::string>>& runs = runs_;
    runs.clear();
    for (const ResolvedChar* c = begin; c != end; ++c) {
        if (c == begin || c->piece != c[-1].piece || c->font != c[-1].font) {
            runs.emplace_back(static_cast<std::size_t>(c - begin), std::string{});
        }
        utf8::append(runs.back().second, c->c);
        word.push_back({static_cast<int>(runs.size()) - 1, runs.back().second.size()});
    }
    // Shape first: whether the word fits the measure decides where it may break.
    std::vector<int>& segments = run_segments_;
    segments.clear();
    double word_width = 0;
    for (auto& run : runs) {
        const ResolvedChar& head = begin[run.first];
        segments.push_back(add_segment(head.piece, head.font, std::move(run.second)));
        out_.segments.back().piece_offset = head.offset;
        const Segment& shaped = out_.segments.back();
        word_width += segment_width(shaped, 0, static_cast<std::uint32_t>(shaped.glyphs->size()));
    }
    std::vector<WordBreak>& breaks = find_breaks(begin, end);
    {
        const std::size_t n = word.size();
        const char32_t last = begin[n - 1].c;
        const char32_t before = n >= 2 ? begin[n - 2].c : 0;
        auto hyphen = [](char32_t c) { return c == U'-' || c == 0x2010; };
        word_ends_in_hyphen_ =
            !address_ && n >= 2 && (hyphen(last) || (last == U'/' && hyphen(before)));
    }
    if (word_width > spec_.measure) add_emergency_breaks(begin, end, word, segments, breaks);
    // Nor does a break inside a word (an emergency one) put a dash first.
    std::erase_if(breaks, [&](const WordBreak& wb) {
        return wb.after_char + 1 < word.size() && never_begins_line(begin[wb.after_char + 1].c);
    });

    std::size_t next_break = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const std::size_t first_char = runs[r].first;
        const ResolvedChar& head = begin[first_char];
        const int segment = segments[r];
        const Segment& shaped = out_.segments[static_cast<std::size_t>(segment)];
        const std::vector<ShapedGlyph>& glyphs = *shaped.glyphs;
        const auto glyph_count = static_cast<std::uint32_t>(glyphs.size());
        const std::size_t text_size = shaped.text.size();
        const std::size_t run_end =
            r + 1 < runs.size() ? runs[r + 1].first : static_cast<std::size_t>(end - begin);

        std::uint32_t from = 0;
        std::uint32_t g = 0;
        for (; next_break < breaks.size() && breaks[next_break].after_char < run_end;
             ++next_break) {
            const WordBreak& wb = breaks[next_break];
            const std::size_t offset = word[wb.after_char].end_byte;
            if (offset == text_size) {  // between two runs
                push_box(segment, from, glyph_count);
                from = glyph_count;
                push_break(wb.kind, head.piece, head.font);
                continue;
            }
            // Only where a glyph begins: never inside a ligature.
            while (g < glyph_count && glyphs[g].cluster < offset) ++g;
            if (g == glyph_count || glyphs[g].cluster != offset) continue;
            push_box(segment, from, g);
            from = g;
            push_break(wb.kind, head.piece, head.font);
        }
        push_box(segment, from, glyph_count);
    }
}

void NodeBuilder::add_space(const ResolvedChar& c, bool tied) {
    const bool breakable = is_breakable_space(c.c);
    // Spaces collapse, and none begins a line of its own accord.
    if (breakable && (out_.nodes.empty() || out_.nodes.back().kind != Node::Kind::box)) return;
    const int segment = glyph_segment(c.piece, c.font, breakable ? U' ' : c.c);
    const Segment& s = out_.segments[static_cast<std::size_t>(segment)];
    const auto count = static_cast<std::uint32_t>(s.glyphs->size());
    const double width = segment_width(s, 0, count);
    const bool fixed = c.c == narrow_no_break_space || ragged();
    const double stretch = fixed ? 0 : width * spec_.params.space_stretch;
    const double shrink = fixed ? 0 : width * spec_.params.space_shrink;
    if (!breakable || tied) push(Node::make_penalty(0, infinite_penalty), {-1, 0, 0, c.piece});
    Node glue = Node::glue(width, stretch, shrink);
    glue.flagged = word_ends_in_hyphen_;
    word_ends_in_hyphen_ = false;
    push(glue, {segment, 0, count, c.piece});
}

void NodeBuilder::add_forced_break(const ResolvedChar* line_break) {
    pop_trailing_glue();
    if (out_.nodes.empty()) return;
    push(Node::make_penalty(0, infinite_penalty), {});
    push(Node::glue(0, 0, 0, 1), {});
    NodeContent space;
    if (line_break != nullptr && fonts_.has_glyph(line_break->font, U' ')) {
        const int segment = glyph_segment(line_break->piece, line_break->font, U' ');
        const auto count = static_cast<std::uint32_t>(
            out_.segments[static_cast<std::size_t>(segment)].glyphs->size());
        space = {segment, 0, count, line_break->piece};
    }
    push(Node::make_penalty(0, eject_penalty), space);
}

ParagraphNodes NodeBuilder::finish() {
    pop_trailing_glue();
    const bool has_text = std::any_of(out_.nodes.begin(), out_.nodes.end(),
                                      [](const Node& n) { return n.kind == Node::Kind::box; });
    if (!has_text) return {};
    if (out_.nodes.back().kind != Node::Kind::penalty ||
        out_.nodes.back().penalty > eject_penalty) {
        add_forced_break();
    } else {
        out_.content.back() = {};  // a '\n' at the end: no space after the last word
    }
    return std::move(out_);
}

}  // namespace

double segment_width(const Segment& segment, std::uint32_t begin, std::uint32_t end) {
    std::int64_t units = 0;
    for (std::uint32_t g = begin; g < end; ++g) units += (*segment.glyphs)[g].x_advance;
    return static_cast<double>(units) * segment.scale;
}

void prepare_words(std::string_view text, const TextStyle& style, std::string_view lang,
                   FontSet::Lookahead& shaper, const Hyphenator* hyphenator) {
    std::u32string chars;
    std::string bytes;
    OwnBreaks own;
    std::vector<std::size_t> points;  // only asked for: the hyphenator remembers them
    auto word_done = [&] {
        if (chars.empty()) return;
        shaper.shape(style.font, bytes, lang, style.features);
        if (hyphenator != nullptr && style.hyphenate) {
            own_breaks(chars, false, own);
            for (auto [from, to] : own.parts) {
                const std::string core = hyphenation_core(chars, from, to, nullptr);
                if (!core.empty()) hyphenator->find_points(core, lang, points);
            }
        }
        chars.clear();
        bytes.clear();
    };
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        const char32_t c = utf8::decode(text, pos, valid);
        if (separates_words(c)) {
            word_done();
        } else {
            chars.push_back(c);
            utf8::append(bytes, c);
        }
    }
    word_done();
}

ParagraphNodes build_nodes(const ParagraphSpec& spec, const std::vector<ResolvedChar>& chars,
                           FontSet& fonts, const Hyphenator& hyphenator) {
    NodeBuilder builder(spec, fonts, hyphenator);
    const ResolvedChar* word_begin = nullptr;
    const ResolvedChar* const chars_end = chars.data() + chars.size();
    for (const ResolvedChar& c : chars) {
        if (!separates_words(c.c)) {
            if (word_begin == nullptr) word_begin = &c;
            continue;
        }
        if (word_begin != nullptr) builder.add_word(word_begin, &c);
        word_begin = nullptr;
        if (c.c == U'\n') {
            builder.add_forced_break(&c);
        } else {
            // Further spaces collapse into this one, so the dash may come after them.
            const ResolvedChar* next = &c + 1;
            while (next != chars_end && is_breakable_space(next->c)) ++next;
            builder.add_space(c, next != chars_end && never_begins_line(next->c));
        }
    }
    if (word_begin != nullptr) builder.add_word(word_begin, chars_end);
    return builder.finish();
}

}  // namespace pamphlet::typeset
