#include "model_passes.hpp"

#include "pamphlet/locale.hpp"
#include "pamphlet/markdown.hpp"
#include "typography.hpp"
#include "utf8.hpp"

#include <cstddef>
#include <set>

namespace pamphlet {
namespace {

// Visits every block below `blocks`, parents before children.
template <typename Visit>
void for_each_block(std::vector<Block>& blocks, const Visit& visit) {
    for (Block& block : blocks) {
        visit(block);
        for_each_block(block.children, visit);
    }
}

template <typename Visit>
void for_each_inline(std::vector<Inline>& inlines, const Visit& visit) {
    for (Inline& in : inlines) {
        visit(in);
        for_each_inline(in.children, visit);
    }
}

// In place: the text inlines that stay are moved forward over those merged
// into them, without a second vector.
void merge_inlines(std::vector<Inline>& inlines) {
    std::size_t kept = 0;
    for (Inline& in : inlines) {
        merge_inlines(in.children);
        if (in.kind == InlineKind::text) {
            if (in.text.empty()) continue;
            if (kept > 0 && inlines[kept - 1].kind == InlineKind::text) {
                Inline& previous = inlines[kept - 1];
                previous.text += in.text;
                if (in.span.end.line > 0) previous.span.end = in.span.end;
                continue;
            }
        }
        if (&inlines[kept] != &in) inlines[kept] = std::move(in);
        ++kept;
    }
    inlines.erase(inlines.begin() + static_cast<std::ptrdiff_t>(kept), inlines.end());
    // The converter grew the vector by doubling; the model keeps it for the
    // whole build, so it gives back what it does not hold.
    if (inlines.capacity() > inlines.size()) inlines.shrink_to_fit();
}

bool is_blank_text(const Inline& in) {
    return (in.kind == InlineKind::text && in.text.find_first_not_of(" \t") == std::string::npos) ||
           in.kind == InlineKind::soft_break;
}

}  // namespace

void remove_forbidden_characters(std::vector<Block>& blocks, DiagnosticSink& sink) {
    std::size_t removed = 0;
    SourceSpan first;
    auto clean = [&](std::string& text, const SourceSpan& span) {
        const std::size_t n = utf8::remove_forbidden_controls(text);
        if (n > 0 && removed == 0) first = span;
        removed += n;
    };
    for_each_block(blocks, [&](Block& block) {
        clean(block.text, block.span);
        clean(block.info, block.span);
        clean(block.id, block.span);
        auto clean_inline = [&](Inline& in) {
            clean(in.text, in.span);
            if (!in.has_extras()) return;  // a run of text: nothing else to clean
            clean(in.mutable_title(), in.span);
            clean(in.mutable_target().url, in.span);
            clean(in.mutable_target().fragment, in.span);
            clean(in.mutable_target().article_id, in.span);
            clean(in.mutable_image().url, in.span);
        };
        for_each_inline(block.inlines, clean_inline);
        for_each_inline(block.caption, clean_inline);
    });
    if (removed > 0)
        sink.warning(first, "control-character",
                     "control characters are not allowed in text and were removed (" +
                         std::to_string(removed) + " in this article; the first is here)");
}

void merge_text(std::vector<Block>& blocks) {
    if (blocks.capacity() > blocks.size()) blocks.shrink_to_fit();
    for_each_block(blocks, [](Block& block) {
        if (block.children.capacity() > block.children.size()) block.children.shrink_to_fit();
        merge_inlines(block.inlines);
        merge_inlines(block.caption);
    });
}

void make_callouts(std::vector<Block>& blocks, std::string_view lang, DiagnosticSink& sink) {
    const Words& words = words_for(lang);
    struct Kind {
        std::string_view marker;
        CalloutKind kind;
        std::string_view label;
    };
    const Kind kinds[] = {{"NOTE", CalloutKind::note, words.note},
                          {"TIP", CalloutKind::tip, words.tip},
                          {"IMPORTANT", CalloutKind::important, words.important},
                          {"WARNING", CalloutKind::warning, words.warning},
                          {"CAUTION", CalloutKind::caution, words.caution}};
    for_each_block(blocks, [&](Block& quote) {
        if (quote.kind != BlockKind::block_quote || quote.children.empty()) return;
        Block& first = quote.children.front();
        if (first.kind != BlockKind::paragraph || first.inlines.empty()) return;
        const Inline& marker = first.inlines.front();
        // The marker stands alone on the quote's first line.
        if (marker.kind != InlineKind::text || !marker.text.starts_with("[!") ||
            !marker.text.ends_with("]") ||
            (first.inlines.size() > 1 && first.inlines[1].kind != InlineKind::soft_break &&
             first.inlines[1].kind != InlineKind::line_break))
            return;
        std::string name = marker.text.substr(2, marker.text.size() - 3);
        for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        const Kind* kind = nullptr;
        for (const Kind& k : kinds)
            if (k.marker == name) kind = &k;
        if (kind == nullptr) {
            sink.warning(marker.span, "unknown-callout",
                         "'" + marker.text +
                             "' is no callout; GitHub knows [!NOTE], [!TIP], [!IMPORTANT], "
                             "[!WARNING] and [!CAUTION]; kept as a quote");
            return;
        }
        quote.kind = BlockKind::callout;
        quote.callout = kind->kind;
        Inline label;
        label.text = std::string(kind->label);
        label.span = marker.span;
        quote.caption.push_back(std::move(label));
        first.inlines.erase(first.inlines.begin(),
                            first.inlines.begin() + std::min<std::ptrdiff_t>(
                                                        2, static_cast<std::ptrdiff_t>(
                                                               first.inlines.size())));
        if (first.inlines.empty()) quote.children.erase(quote.children.begin());
    });
}

void make_figures(std::vector<Block>& blocks) {
    for_each_block(blocks, [](Block& block) {
        if (block.kind != BlockKind::paragraph) return;
        Inline* image = nullptr;
        for (Inline& in : block.inlines) {
            if (is_blank_text(in)) continue;
            if (in.kind != InlineKind::image || image) return;
            image = &in;
        }
        if (!image) return;
        Inline figure_image = std::move(*image);
        block.kind = BlockKind::figure;
        if (!figure_image.title().empty()) {
            Inline caption;
            caption.text = figure_image.title();
            caption.span = figure_image.span;
            block.caption.push_back(std::move(caption));
        }
        block.inlines.clear();
        block.inlines.push_back(std::move(figure_image));
    });
}

void shift_headings_below_title(std::vector<Block>& blocks) {
    bool has_level_one = false;
    for_each_block(blocks, [&](Block& block) {
        has_level_one = has_level_one || (block.kind == BlockKind::heading && block.level == 1);
    });
    if (!has_level_one) return;
    for_each_block(blocks, [](Block& block) {
        if (block.kind == BlockKind::heading && block.level < 6) ++block.level;
    });
}

void apply_typography(std::vector<Block>& blocks, std::string_view lang) {
    // Alt texts and titles are read (or spoken) like body text.
    auto alt_texts = [&](Inline& in) {
        if (in.kind == InlineKind::image) apply_typography_in_place(in.text, lang);
        if (!in.title().empty()) apply_typography_in_place(in.mutable_title(), lang);
    };
    for_each_block(blocks, [&](Block& block) {
        apply_typography(block.inlines, lang);
        apply_typography(block.caption, lang);
        for_each_inline(block.inlines, alt_texts);
    });
}

std::string slug(std::string_view text) {
    std::string out;
    bool pending_dash = false;
    auto add = [&](std::string_view s) {
        if (pending_dash && !out.empty()) out += '-';
        pending_dash = false;
        out += s;
    };
    for (std::size_t pos = 0; pos < text.size();) {
        bool valid = true;
        const char32_t c = utf8::decode(text, pos, valid);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            add(std::string(1, static_cast<char>(c)));
        } else if (c >= 'A' && c <= 'Z') {
            add(std::string(1, static_cast<char>(c - 'A' + 'a')));
        } else if (c == U'ä' || c == U'Ä') {
            add("ae");
        } else if (c == U'ö' || c == U'Ö') {
            add("oe");
        } else if (c == U'ü' || c == U'Ü') {
            add("ue");
        } else if (c == U'ß' || c == U'ẞ') {
            add("ss");
        } else if (c < 0xC0 || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
                   (c >= 0x3000 && c <= 0x303F)) {
            pending_dash = true;  // spaces, punctuation, symbols separate words
        }
        // other non-ASCII letters are dropped: ids stay plain ASCII
    }
    return out;
}

void assign_heading_ids(std::vector<Block>& blocks) {
    std::set<std::string> used;
    for_each_block(blocks, [&](Block& block) {
        if (block.kind != BlockKind::heading) return;
        std::string base = slug(plain_text(block.inlines));
        if (base.empty()) base = "section";
        std::string id = base;
        for (int n = 2; !used.insert(id).second; ++n) id = base + "-" + std::to_string(n);
        block.id = std::move(id);
    });
}

}  // namespace pamphlet

namespace pamphlet {
namespace {

char32_t github_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 0x20;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    // Latin Extended-A pairs upper and lower case as even and odd (with
    // İ, ı and ĸ, ŉ, ſ as the exceptions that stay).
    if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0 && c != 0x130)
        return c + 1;
    if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1) return c + 1;
    if (c == 0x178) return 0xFF;
    return c;
}

// What GitHub drops: punctuation, symbols, spaces other than ' ', controls.
bool github_drops(char32_t c) {
    if (c < 0x80)
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == ' ' || c == '-' || c == '_');
    if (c <= 0xBF)  // Latin-1 punctuation and symbols; ª µ º and ¹ ² ³ ¼ ½ ¾ are kept
        return !(c == 0xAA || c == 0xB5 || c == 0xBA || c == 0xB2 || c == 0xB3 || c == 0xB9 ||
                 (c >= 0xBC && c <= 0xBE));
    if (c == 0xD7 || c == 0xF7) return true;
    if (c >= 0x2000 && c <= 0x206F) return c != 0x203F && c != 0x2040 && c != 0x2054;
    return (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2190 && c <= 0x2BFF) ||
           (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) ||
           (c >= 0xFE10 && c <= 0xFE19) ||
           (c >= 0xFE30 && c <= 0xFE4F && c != 0xFE33 && c != 0xFE34 &&
            (c < 0xFE4D || c > 0xFE4F)) ||
           (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
           (c >= 0xFF3B && c <= 0xFF40 && c != 0xFF3F) || (c >= 0xFF5B && c <= 0xFF65) ||
           c == 0xFEFF || c == 0xFFFD || (c >= 0x1F000 && c <= 0x1FAFF);
}

}  // namespace

std::string github_slug(std::string_view text) {
    std::string out;
    utf8::for_each(text, [&](char32_t c) {
        if (github_drops(c)) return;
        if (c == ' ') {
            out += '-';
            return;
        }
        utf8::append(out, github_lower(c));
    });
    return out;
}

std::vector<std::string> heading_texts(std::vector<Block>& blocks) {
    std::vector<std::string> texts;
    for_each_block(blocks, [&](Block& block) {
        if (block.kind == BlockKind::heading) texts.push_back(plain_text(block.inlines));
    });
    return texts;
}

std::map<std::string, std::string> github_heading_aliases(std::vector<Block>& blocks,
                                                          const std::vector<std::string>& texts) {
    std::map<std::string, std::string> aliases;
    std::map<std::string, int> occurrences;  // github-slugger's bookkeeping
    std::size_t n = 0;
    for_each_block(blocks, [&](Block& block) {
        if (block.kind != BlockKind::heading || n >= texts.size()) return;
        const std::string base = github_slug(texts[n++]);
        std::string anchor = base;
        while (occurrences.count(anchor) != 0) {
            anchor = base + "-" + std::to_string(++occurrences[base]);
        }
        occurrences[anchor] = 0;
        if (!anchor.empty()) aliases.emplace(anchor, block.id);
    });
    // A heading's own id always means that heading.
    for_each_block(blocks, [&](Block& block) {
        if (block.kind == BlockKind::heading) aliases.erase(block.id);
    });
    return aliases;
}

}  // namespace pamphlet
