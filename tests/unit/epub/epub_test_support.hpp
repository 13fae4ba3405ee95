// Hand-built models, a profile and an in-memory unzip for the EPUB tests.
#pragma once

#include "pamphlet/epub.hpp"
#include "pamphlet/image.hpp"
#include "pamphlet/model.hpp"
#include "pamphlet/profile.hpp"

#include <zip.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace pamphlet::test {

inline const std::filesystem::path epub_data_dir =
    std::filesystem::path(PAMPHLET_TEST_DIR) / "unit" / "epub" / "data";
inline const std::filesystem::path fonts_dir = std::filesystem::path(PAMPHLET_SOURCE_DIR) / "fonts";

inline Color rgb(int r, int g, int b) {
    Color c;
    c.v[0] = r / 255.0;
    c.v[1] = g / 255.0;
    c.v[2] = b / 255.0;
    return c;
}

inline FontFile font(const std::string& name) {
    return FontFile{name, fonts_dir / name};
}

inline Profile test_profile() {
    Profile p;
    p.id = "test";
    p.file = "layouts/test.yaml";
    p.body_regular = font("CharisSIL-Regular.ttf");
    p.body_italic = font("CharisSIL-Italic.ttf");
    p.body_bold = font("CharisSIL-Bold.ttf");
    p.body_bold_italic = font("CharisSIL-BoldItalic.ttf");
    p.heading_regular = font("Lato-Regular.ttf");
    p.heading_italic = font("Lato-Italic.ttf");
    p.heading_bold = font("Lato-Bold.ttf");
    p.heading_bold_italic = font("Lato-BoldItalic.ttf");
    p.mono_regular = font("NotoSansMono-Regular.ttf");
    p.mono_bold = font("NotoSansMono-Bold.ttf");
    p.text_size = 10.5;
    p.text_leading = 14.5;
    p.text_color = rgb(0x22, 0x22, 0x22);
    p.text_align = TextAlign::justify;
    p.hyphenate = true;
    p.paragraph_indent = 0;
    p.paragraph_spacing = 6;
    p.heading_color = rgb(0x1f, 0x5c, 0x7a);
    p.h1_size = 22;
    p.h2_size = 15;
    p.h3_size = 12;
    p.heading_space_before = 14;
    p.heading_space_after = 5;
    p.accent_color = rgb(0x1f, 0x5c, 0x7a);
    p.link_color = rgb(0x1f, 0x5c, 0x7a);
    p.muted_color = rgb(0x5a, 0x67, 0x70);
    return p;
}

inline SourceSpan span_at(int line) {
    return SourceSpan::at("articles/knie.de.md", line, 1);
}

inline Inline text(std::string s) {
    Inline i;
    i.text = std::move(s);
    return i;
}

inline Inline wrap(InlineKind kind, std::vector<Inline> children) {
    Inline i;
    i.kind = kind;
    i.children = std::move(children);
    return i;
}

inline Inline code(std::string s) {
    Inline i = text(std::move(s));
    i.kind = InlineKind::code;
    return i;
}

inline Inline breaking(InlineKind kind) {
    Inline i;
    i.kind = kind;
    return i;
}

inline Inline link_external(std::string url, std::string label) {
    Inline i = wrap(InlineKind::link, {text(std::move(label))});
    i.mutable_target().kind = Target::Kind::external;
    i.mutable_target().url = std::move(url);
    return i;
}

inline Inline link_article(std::string id, std::string fragment, std::string label, int line = 1) {
    Inline i = wrap(InlineKind::link, {text(std::move(label))});
    i.mutable_target().kind = Target::Kind::article;
    i.mutable_target().url = id + ".md" + (fragment.empty() ? "" : "#" + fragment);
    i.mutable_target().article_id = std::move(id);
    i.mutable_target().fragment = std::move(fragment);
    i.span = span_at(line);
    return i;
}

inline Inline link_fragment(std::string fragment, std::string label, int line = 1) {
    Inline i = wrap(InlineKind::link, {text(std::move(label))});
    i.mutable_target().kind = Target::Kind::fragment;
    i.mutable_target().url = "#" + fragment;
    i.mutable_target().fragment = std::move(fragment);
    i.span = span_at(line);
    return i;
}

// What the loader makes of an image file: loaded and judged, or without an
// asset when there is no such file.
inline ImageSource image_source(const std::filesystem::path& file) {
    ImageSource source;
    source.url = file.filename().string();
    if (std::filesystem::exists(file)) source.asset = load_image(file);
    return source;
}

inline Inline image(const std::filesystem::path& file, std::string alt, int line = 1) {
    Inline i;
    i.kind = InlineKind::image;
    i.text = std::move(alt);
    i.mutable_image() = image_source(file);
    i.span = span_at(line);
    return i;
}

inline Block paragraph(std::vector<Inline> inlines) {
    Block b;
    b.inlines = std::move(inlines);
    return b;
}

inline Block heading(int level, std::string id, std::string title) {
    Block b;
    b.kind = BlockKind::heading;
    b.level = level;
    b.id = std::move(id);
    b.inlines = {text(std::move(title))};
    return b;
}

inline Block list(bool ordered, int start, bool tight, std::vector<std::vector<Block>> items) {
    Block b;
    b.kind = ordered ? BlockKind::ordered_list : BlockKind::bullet_list;
    b.start = start;
    b.tight = tight;
    for (auto& content : items) {
        Block item;
        item.kind = BlockKind::list_item;
        item.children = std::move(content);
        b.children.push_back(std::move(item));
    }
    return b;
}

inline Block container(BlockKind kind, std::vector<Block> children) {
    Block b;
    b.kind = kind;
    b.children = std::move(children);
    return b;
}

inline Block code_block(std::string info, std::string text) {
    Block b;
    b.kind = BlockKind::code_block;
    b.info = std::move(info);
    b.text = std::move(text);
    return b;
}

inline Block figure(Inline img, std::vector<Inline> caption) {
    Block b;
    b.kind = BlockKind::figure;
    b.span = img.span;
    b.inlines = {std::move(img)};
    b.caption = std::move(caption);
    return b;
}

// Bodies are immutable once made: a test changes one by making another.
inline void add_block(Article& a, Block block) {
    std::vector<Block> blocks = a.body ? *a.body : std::vector<Block>{};
    blocks.push_back(std::move(block));
    note_body(a, blocks);
    a.body = make_body(std::move(blocks));
}

inline void replace_last_block(Article& a, Block block) {
    std::vector<Block> blocks = *a.body;
    blocks.back() = std::move(block);
    a.body = make_body(std::move(blocks));
}

inline Article article(std::string id, std::string title, std::vector<Block> blocks) {
    Article a;
    a.id = std::move(id);
    a.lang = "de";
    a.title = std::move(title);
    note_body(a, blocks);  // as parse_article does
    a.body = make_body(std::move(blocks));
    a.span = SourceSpan::whole("articles/" + a.id + ".de.md");
    return a;
}

// A small German book that uses every feature of the model.
inline Collection sample_collection() {
    Collection c;
    c.root = epub_data_dir;
    c.id = "ratgeber";
    c.title.any = "Gesund in Bewegung";
    c.languages = {"de"};
    c.publisher.name = "Physiotherapie am Markt";
    c.publisher.address = "Marktplatz 3\n12345 Musterstadt";
    c.publisher.phone = "+49 (0)30 123 456-7";
    c.publisher.email = "praxis@example.org";
    c.publisher.website = "www.example.org";
    c.publisher.logo = image_source(epub_data_dir / "logo.png");
    c.cover = image_source(epub_data_dir / "knee.png");
    c.rights.any = "© 2024 Physiotherapie am Markt";
    c.date = "2024-03-12";

    Article knee = article(
        "knie", "Übungen für das Knie",
        {
            paragraph({text("Diese „Übungen“ helfen nach einer Operation – täglich, "
                            "etwa 15 Minuten. Das Wort "),
                       wrap(InlineKind::emphasis, {text("office")}), text(" hat eine ffi-Ligatur."),
                       breaking(InlineKind::soft_break), text("Zweite Zeile mit "),
                       wrap(InlineKind::strong, {text("Nachdruck")}), text(", H"),
                       wrap(InlineKind::subscript, {text("2")}), text("O und m"),
                       wrap(InlineKind::superscript, {text("2")}), text("."),
                       breaking(InlineKind::line_break), text("Nach dem Umbruch.")}),
            heading(2, "aufwaermen", "Aufwärmen"),
            paragraph({text("Siehe auch "), link_article("ruecken", "haltung", "Haltung"),
                       text(", "), link_fragment("dehnen", "Dehnen"), text(" und "),
                       link_external("https://www.example.org/knie?a=1&b=2", "unsere Website"),
                       text(".")}),
            list(false, 1, true,
                 {{paragraph({text("Fersen heben")})},
                  {paragraph({text("Knie beugen")}),
                   list(false, 1, true, {{paragraph({text("langsam")})}})}}),
            heading(2, "dehnen", "Dehnen"),
            list(true, 3, false,
                 {{paragraph({text("Dritter Schritt")})}, {paragraph({text("Vierter Schritt")})}}),
            container(BlockKind::block_quote,
                      {paragraph({text("Bewegung ist die beste Medizin.")})}),
            heading(3, "zeiten", "Zeiten"),
            code_block("text", "Montag   10 Wiederholungen\nDienstag 12 Wiederholungen\n"),
            paragraph({text("Schreiben Sie "), code("x < 3 && y > 2"), text(" auf.")}),
            container(BlockKind::thematic_break, {}),
            figure(
                image(epub_data_dir / "knee.png", "Ein gebeugtes Knie", 20),
                {text("Abbildung 1: das Knie in "), wrap(InlineKind::emphasis, {text("Beugung")})}),
            figure(image(epub_data_dir / "diagram.svg", "Schema der Übung", 22), {}),
            paragraph({text("Ein kleines Bild: "),
                       image(epub_data_dir / "other" / "knee.png", "zweites Knie", 24),
                       text(" im Text.")}),
        });
    knee.summary = "Fünf einfache Übungen, die Sie zu Hause machen können.";
    knee.author = "Anna Beispiel";
    knee.date = "2024-02-01";
    knee.tags = {"Knie", "Übungen"};

    Article back = article("ruecken", "Ein starker Rücken",
                           {heading(2, "haltung", "Haltung"),
                            paragraph({text("Aufrecht sitzen. Zurück zum "),
                                       link_article("knie", "", "Knie"), text(".")})});
    back.author = "Bernd Muster";
    back.tags = {"Rücken", "Übungen"};
    back.image = ArticleImage{};
    back.image->source = image_source(epub_data_dir / "knee.png");
    back.image->alt = "Ein Knie, noch einmal";

    Edition de;
    de.lang = "de";
    de.identifier = "urn:uuid:0b6d3c1e-2f7a-4c55-9a43-6c1f1d2e3a4b";
    de.title = "Gesund in Bewegung";
    de.subtitle = "Übungen und Tipps aus der Praxis";
    de.articles = {knee, back};
    c.editions = {de};
    c.article_ids = {"knie", "ruecken"};
    return c;
}

inline EpubOptions sample_options() {
    EpubOptions o;
    o.timestamp = 1710244800;  // 2024-03-12T12:00:00Z
    o.generator = "pamphlet 0.1.0";
    return o;
}

struct ZipItem {
    std::string name;
    std::string data;
    zip_uint16_t method = 0;
};

// The entries of an in-memory archive, in archive order.
inline std::vector<ZipItem> unzip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive =
        source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
        if (source) zip_source_free(source);
        throw std::runtime_error("not a zip archive");
    }
    std::vector<ZipItem> items;
    zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t stat;
        zip_stat_index(archive, index, 0, &stat);
        ZipItem item{stat.name, std::string(stat.size, '\0'), stat.comp_method};
        zip_file_t* file = zip_fopen_index(archive, index, 0);
        zip_fread(file, item.data.data(), stat.size);
        zip_fclose(file);
        items.push_back(std::move(item));
    }
    zip_close(archive);
    return items;
}

inline const ZipItem* find_item(const std::vector<ZipItem>& items, const std::string& name) {
    for (const ZipItem& item : items) {
        if (item.name == name) return &item;
    }
    return nullptr;
}

}  // namespace pamphlet::test
