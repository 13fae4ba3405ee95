#include "xml_writer.hpp"

#include "xml_chars.hpp"

#include "pamphlet/base/utf8.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace pamphlet::epub {

namespace {

constexpr std::array<std::string_view, 22> inline_elements = {
    "a", "abbr", "b",    "br",    "cite", "code",   "em",  "i",   "img",  "kbd", "mark",
    "q", "s",    "samp", "small", "span", "strong", "sub", "sup", "time", "u",   "var"};

constexpr std::array<std::string_view, 5> void_elements = {"br", "hr", "img", "link", "meta"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::string_view n : names) {
        if (n == name) return true;
    }
    return false;
}

// The entity for `c`, or nullptr when it is written as it is.
const char* escape_of(char c, bool in_attribute) {
    switch (c) {
        case '&':
            return "&amp;";
        case '<':
            return "&lt;";
        case '>':
            return "&gt;";  // also keeps "]]>" out of text
        case '"':
            return in_attribute ? "&quot;" : nullptr;
        case '\t':
            return in_attribute ? "&#9;" : nullptr;
        case '\n':
            return in_attribute ? "&#10;" : nullptr;
        default:
            return nullptr;
    }
}

// `text` escaped, and cleaned as xml_clean does (characters XML does not
// allow left out, ill-formed UTF-8 replaced), in one pass: the runs between
// characters that need either are appended whole.
void append_escaped(std::string& out, std::string_view text, bool in_attribute) {
    namespace eight = utf8::eight;
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size();) {
        // To the first byte that may need work.
        i = eight::skip_unflagged(text, i, [](std::uint64_t x) {
            return eight::not_printable_ascii(x) | eight::equal(x, '&') | eight::equal(x, '<') |
                   eight::equal(x, '>') | eight::equal(x, '"');
        });
        if (i == text.size()) break;
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F && byte != '&' && byte != '<' && byte != '>' &&
            byte != '"') {
            ++i;  // nearly every byte
            continue;
        }
        if (byte >= 0x80) {
            std::size_t next = i;
            bool valid = true;
            const char32_t c = utf8::decode(text, next, valid);
            if (!valid || !is_xml_text_char(c)) {
                out.append(text, run, i - run);
                if (is_xml_text_char(c)) utf8::append(out, c);
                run = next;
            }
            i = next;
            continue;
        }
        if (const char* entity = escape_of(static_cast<char>(byte), in_attribute)) {
            out.append(text, run, i - run);
            out += entity;
            run = i + 1;
        } else if (!is_xml_text_char(byte)) {
            out.append(text, run, i - run);
            run = i + 1;
        }
        ++i;
    }
    out.append(text, run, text.size() - run);
}

class Writer {
public:
    Writer(XmlFlavor flavor, std::string& out) : flavor_(flavor), out_(out) {}

    void element(const pugi::xml_node& node, int depth) {
        std::string_view name = node.name();
        out_ += '<';
        out_ += name;
        for (const pugi::xml_attribute& attribute : node.attributes()) {
            out_ += ' ';
            out_ += attribute.name();
            out_ += "=\"";
            append_escaped(out_, attribute.value(), true);
            out_ += '"';
        }
        if (!node.first_child()) {
            bool self_close = flavor_ == XmlFlavor::xml || contains(void_elements, name);
            if (self_close) {
                out_ += "/>";
            } else {
                out_ += "></";
                out_ += name;
                out_ += '>';
            }
            return;
        }
        out_ += '>';
        bool block = lays_out_as_blocks(node);
        for (const pugi::xml_node& child : node.children()) {
            if (block) newline(depth + 1);
            if (child.type() == pugi::node_element) {
                element(child, depth + 1);
            } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                append_escaped(out_, child.value(), false);
            }
        }
        if (block) newline(depth);
        out_ += "</";
        out_ += name;
        out_ += '>';
    }

private:
    // Children go on lines of their own only where whitespace between them
    // cannot show: no text among them, none of them inline, not in <pre>.
    bool lays_out_as_blocks(const pugi::xml_node& node) const {
        if (std::string_view(node.name()) == "pre") return false;
        for (const pugi::xml_node& child : node.children()) {
            if (child.type() != pugi::node_element) return false;
            if (flavor_ == XmlFlavor::xhtml && contains(inline_elements, child.name()) &&
                !is_page_break(child))
                return false;
        }
        return true;
    }

    // An empty page-break marker shows nothing, nor does whitespace around
    // it between blocks: it does not make its parent inline content.
    static bool is_page_break(const pugi::xml_node& node) {
        return std::string_view(node.attribute("epub:type").value()) == "pagebreak" &&
               !node.first_child();
    }

    void newline(int depth) {
        out_ += '\n';
        out_.append(static_cast<std::size_t>(depth) * 2, ' ');
    }

    XmlFlavor flavor_;
    std::string& out_;
};

}  // namespace

std::string serialize_xml(const pugi::xml_document& doc, XmlFlavor flavor) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (flavor == XmlFlavor::xhtml) out += "<!DOCTYPE html>\n";
    Writer writer(flavor, out);
    writer.element(doc.document_element(), 0);
    out += '\n';
    return out;
}

XmlStream::XmlStream(XmlFlavor flavor) : flavor_(flavor) {
    out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (flavor == XmlFlavor::xhtml) out_ += "<!DOCTYPE html>\n";
}

void XmlStream::begin_child() {
    if (open_.empty()) return;
    Open& parent = open_.back();
    if (tag_pending_) {
        out_ += '>';
        tag_pending_ = false;
    }
    parent.has_children = true;
    if (parent.block) {
        out_ += '\n';
        out_.append(open_.size() * 2, ' ');
    }
}

void XmlStream::open(std::string_view name, Attributes attributes, bool block) {
    begin_child();
    out_ += '<';
    out_ += name;
    for (const auto& [attribute, value] : attributes) {
        out_ += ' ';
        out_ += attribute;
        out_ += "=\"";
        append_escaped(out_, value, true);
        out_ += '"';
    }
    tag_pending_ = true;
    open_.push_back({std::string(name), block, false});
}

void XmlStream::close() {
    const Open element = std::move(open_.back());
    open_.pop_back();
    if (!element.has_children) {
        tag_pending_ = false;
        if (flavor_ == XmlFlavor::xml || contains(void_elements, element.name)) {
            out_ += "/>";
        } else {
            out_ += "></";
            out_ += element.name;
            out_ += '>';
        }
        return;
    }
    if (element.block) {
        out_ += '\n';
        out_.append(open_.size() * 2, ' ');
    }
    out_ += "</";
    out_ += element.name;
    out_ += '>';
}

void XmlStream::text(std::string_view text) {
    const std::string clean = xml_clean(text);
    if (clean.empty()) return;
    begin_child();
    append_escaped(out_, clean, false);
}

void XmlStream::text_element(std::string_view name, Attributes attributes, std::string_view text) {
    open(name, attributes);
    this->text(text);
    close();
}

std::string XmlStream::finish() {
    out_ += '\n';
    return std::move(out_);
}

}  // namespace pamphlet::epub
