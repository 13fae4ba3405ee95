#include "libharu_canvas.hpp"

#include "font_embedding.hpp"
#include "glyph_operators.hpp"
#include "icc_profile.hpp"
#include "number_format.hpp"
#include "structure_order.hpp"
#include "structure_writer.hpp"
#include "xmp_metadata.hpp"

#include "pamphlet/base/deflate.hpp"
#include "pamphlet/base/threads.hpp"
#include "pamphlet/base/utf8.hpp"
#include "pamphlet/image.hpp"

#include <hpdf.h>
#include <hpdf_encrypt.h>

#include <chrono>
#include <cmath>
#include <deque>
#include <map>
#include <optional>

namespace pamphlet::pdf_detail {

namespace {

// libharu reports errors through this callback and keeps them in the
// document until HPDF_ResetError. The callback returns normally (no
// longjmp, no exception through C frames); callers check afterwards.
struct LibharuError {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void HPDF_STDCALL record_libharu_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
    auto* error = static_cast<LibharuError*>(user_data);
    if (error->code == HPDF_OK) {
        error->code = code;
        error->detail = detail;
    }
}

std::string hex_status(HPDF_STATUS status) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    do {
        out.insert(out.begin(), digits[status & 0xF]);
        status >>= 4;
    } while (status != 0);
    return "0x" + out;
}

std::string num(double value) {
    return format_number(value, 3);
}

bool is_plain_ascii(const std::string& text) {
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) {
            return false;
        }
    }
    return true;
}

HPDF_Date utc_date(long long timestamp) {
    using namespace std::chrono;
    const sys_seconds time{seconds{timestamp}};
    const sys_days day = floor<days>(time);
    const year_month_day ymd{day};
    const hh_mm_ss clock{time - day};
    HPDF_Date date{};
    date.year = static_cast<int>(ymd.year());
    date.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    date.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    date.hour = static_cast<int>(clock.hours().count());
    date.minutes = static_cast<int>(clock.minutes().count());
    date.seconds = static_cast<int>(clock.seconds().count());
    date.ind = 'Z';
    return date;
}

HPDF_Rect rect_of(double x, double y, double width, double height) {
    return HPDF_Rect{static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y),
                     static_cast<HPDF_REAL>(x + width), static_cast<HPDF_REAL>(y + height)};
}

std::string color_operator(const Color& color, bool stroke) {
    if (color.space == Color::Space::cmyk) {
        return num(color.v[0]) + " " + num(color.v[1]) + " " + num(color.v[2]) + " " +
               num(color.v[3]) + (stroke ? " K\n" : " k\n");
    }
    return num(color.v[0]) + " " + num(color.v[1]) + " " + num(color.v[2]) +
           (stroke ? " RG\n" : " rg\n");
}

// PDF/A-1 forbids soft masks: the picture is composed onto white paper,
// which is what the soft mask would have shown through to.
void flatten_onto_white(DecodedImage& image) {
    const std::size_t pixels = image.alpha.size();
    if (pixels == 0) return;
    const std::size_t channels = image.data.size() / pixels;
    for (std::size_t p = 0; p < pixels; ++p) {
        const unsigned alpha = static_cast<unsigned char>(image.alpha[p]);
        for (std::size_t c = 0; c < channels; ++c) {
            char& sample = image.data[p * channels + c];
            const unsigned value = static_cast<unsigned char>(sample);
            sample = static_cast<char>((value * alpha + 255 * (255 - alpha) + 127) / 255);
        }
    }
    image.alpha.clear();
}

// The CIDs a subset font holds, one bit each, most significant bit first
// (PDF 1.4, 5.8): PDF/A-1 asks for it with every CID font subset.
std::string cid_set(const std::map<std::uint32_t, double>& glyphs) {
    const std::uint32_t last = glyphs.empty() ? 0 : glyphs.rbegin()->first;
    std::string bits(last / 8 + 1, '\0');
    bits[0] = static_cast<char>(0x80);  // .notdef is always in the font program
    for (const auto& [id, width] : glyphs) {
        bits[id / 8] = static_cast<char>(bits[id / 8] | (0x80 >> (id % 8)));
    }
    return bits;
}

// What HPDF_Dict_Write writes for a FlateDecode stream's filter, the entry
// after /Length: a stream whose data is deflated already has libharu's
// filter off (or it would deflate again) and writes the entry from here.
HPDF_STATUS write_flate_filter_entry(HPDF_Dict, HPDF_Stream out) {
    return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012");
}

// The ID written first with zeros, then with the MD5 of the file as
// written: the same document always gets the same identifier, and two
// different documents (almost surely) different ones. Both halves are the
// same, as for a file written once.
constexpr std::size_t file_id_size = 16;

bool fill_in_file_id(std::string& bytes) {
    const std::size_t trailer = bytes.rfind("trailer");
    if (trailer == std::string::npos) return false;
    const std::string zero_id = "<" + std::string(2 * file_id_size, '0') + ">";
    const std::size_t first = bytes.find(zero_id, trailer);
    if (first == std::string::npos) return false;
    const std::size_t second = bytes.find(zero_id, first + 1);
    if (second == std::string::npos) return false;

    HPDF_MD5_CTX md5;
    HPDF_MD5Init(&md5);
    HPDF_MD5Update(&md5, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                   static_cast<HPDF_UINT32>(bytes.size()));
    HPDF_BYTE digest[file_id_size];
    HPDF_MD5Final(digest, &md5);
    static const char digits[] = "0123456789ABCDEF";
    std::string hex;
    for (HPDF_BYTE byte : digest) {
        hex += digits[byte >> 4];
        hex += digits[byte & 0xF];
    }
    bytes.replace(first + 1, hex.size(), hex);
    bytes.replace(second + 1, hex.size(), hex);
    return true;
}

}  // namespace

struct LibharuCanvas::Impl {
    struct FontSlot {
        bool prepared = false;
        HPDF_Dict type0 = nullptr;  // null when the font could not be embedded
        std::map<std::uint32_t, double> width_of;
    };
    struct ImageSlot {
        bool prepared = false;
        HPDF_Image image = nullptr;
    };
    struct PendingLink {
        std::size_t page = 0;
        LinkArea link;
    };

    explicit Impl(DiagnosticSink& diagnostics) : sink(diagnostics) {}
    ~Impl() {
        if (pdf != nullptr) HPDF_Free(pdf);
    }

    bool failed() const { return pdf == nullptr || error.code != HPDF_OK; }

    // A PDF text string: literal when plain ASCII, else UTF-16BE with BOM.
    void* text_string(const std::string& text) {
        if (is_plain_ascii(text)) return HPDF_String_New(pdf->mmgr, text.c_str(), nullptr);
        return utf16_string(text);
    }

    // A PDF text string in UTF-16BE with BOM, whatever it holds: as
    // libharu's UTF-8 encoder writes one (the document information and the
    // outline have always been written so), without making that encoder
    // (its tables cost a millisecond per document).
    void* utf16_string(const std::string& text) {
        std::string bytes = "\xFE\xFF";
        utf8::for_each(text, [&](char32_t c) {
            auto unit = [&](unsigned u) {
                bytes += static_cast<char>(u >> 8);
                bytes += static_cast<char>(u & 0xFF);
            };
            if (c >= 0x10000) {
                unit(0xD800 + ((c - 0x10000) >> 10));
                unit(0xDC00 + ((c - 0x10000) & 0x3FF));
            } else {
                unit(static_cast<unsigned>(c));
            }
        });
        return HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                               static_cast<HPDF_UINT>(bytes.size()));
    }

    // Pages deflated so far into their content streams, in page order (all:
    // waits for every page). The content dictionary holds only /Length
    // (HPDF_Page_New), so the filter entry written after it lands where
    // libharu's own would.
    void write_deflated(bool all) {
        if (all) deflater.wait_all();
        while (!deflating.empty() && deflater.done(deflating.front().piece)) {
            const DeflatingPage& done = deflating.front();
            if (!failed() && !done.data) error.code = HPDF_ZLIB_ERROR;
            if (!failed()) {
                auto* attr = static_cast<HPDF_PageAttr>(pages[done.page]->attr);
                attr->contents->filter = HPDF_STREAM_FILTER_NONE;
                attr->contents->write_fn = write_flate_filter_entry;
                HPDF_Stream_Write(attr->stream,
                                  reinterpret_cast<const HPDF_BYTE*>(done.data->data()),
                                  static_cast<HPDF_UINT>(done.data->size()));
            }
            deflating.pop_front();
        }
    }

    HPDF_Dict new_indirect_dict() {
        HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
        if (dict != nullptr) HPDF_Xref_Add(pdf->xref, dict);
        return dict;
    }

    HPDF_Dict new_stream(const std::string& data) {
        HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (stream == nullptr) return nullptr;
        stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                          static_cast<HPDF_UINT>(data.size()));
        return stream;
    }

    HPDF_Array number_array(std::initializer_list<double> values) {
        HPDF_Array array = HPDF_Array_New(pdf->mmgr);
        for (double v : values) HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(v));
        return array;
    }

    HPDF_Dict build_type0(const EmbeddedFont& font) {
        HPDF_Dict file = new_stream(font.program);
        HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(font.program.size()));

        HPDF_Dict descriptor = new_indirect_dict();
        HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
        HPDF_Dict_AddName(descriptor, "FontName", font.base_font.c_str());
        HPDF_Dict_AddNumber(descriptor, "Flags", font.flags);
        HPDF_Dict_Add(descriptor, "FontBBox",
                      number_array({font.bbox[0], font.bbox[1], font.bbox[2], font.bbox[3]}));
        HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(font.italic_angle));
        HPDF_Dict_AddReal(descriptor, "Ascent", static_cast<HPDF_REAL>(font.ascent));
        HPDF_Dict_AddReal(descriptor, "Descent", static_cast<HPDF_REAL>(font.descent));
        HPDF_Dict_AddReal(descriptor, "CapHeight", static_cast<HPDF_REAL>(font.cap_height));
        HPDF_Dict_AddReal(descriptor, "StemV", static_cast<HPDF_REAL>(font.stem_v));
        HPDF_Dict_Add(descriptor, "FontFile2", file);
        if (conformance == Conformance::pdfa_1b) {
            HPDF_Dict_Add(descriptor, "CIDSet", new_stream(cid_set(font.width_of)));
        }

        HPDF_Dict system_info = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", nullptr));
        HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", nullptr));
        HPDF_Dict_AddNumber(system_info, "Supplement", 0);

        HPDF_Array widths = HPDF_Array_New(pdf->mmgr);
        for (const WidthRun& run : font.widths) {
            HPDF_Array_AddNumber(widths, static_cast<HPDF_INT32>(run.first));
            HPDF_Array values = HPDF_Array_New(pdf->mmgr);
            for (double w : run.widths) HPDF_Array_AddReal(values, static_cast<HPDF_REAL>(w));
            HPDF_Array_Add(widths, values);
        }

        HPDF_Dict cid_font = new_indirect_dict();
        HPDF_Dict_AddName(cid_font, "Type", "Font");
        HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
        HPDF_Dict_AddName(cid_font, "BaseFont", font.base_font.c_str());
        HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info);
        HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
        HPDF_Dict_Add(cid_font, "W", widths);
        HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");

        HPDF_Array descendants = HPDF_Array_New(pdf->mmgr);
        HPDF_Array_Add(descendants, cid_font);

        HPDF_Dict type0 = new_indirect_dict();
        HPDF_Dict_AddName(type0, "Type", "Font");
        HPDF_Dict_AddName(type0, "Subtype", "Type0");
        HPDF_Dict_AddName(type0, "BaseFont", font.base_font.c_str());
        HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
        HPDF_Dict_Add(type0, "DescendantFonts", descendants);
        HPDF_Dict_Add(type0, "ToUnicode", new_stream(font.to_unicode));
        return failed() ? nullptr : type0;
    }

    FontSlot& font_for(const GlyphRun& run) {
        FontSlot& slot = font_slots[run.font];
        if (slot.prepared) return slot;
        slot.prepared = true;
        const DocumentFont& font = (*fonts)[run.font];
        EmbeddedFontResult embedded = prepare_embedded_font(font);
        if (!embedded.font) {
            sink.error(run.span, "pdf-font",
                       "cannot embed font '" + font.file.string() + "': " + embedded.error);
            return slot;
        }
        slot.type0 = build_type0(*embedded.font);
        slot.width_of = std::move(embedded.font->width_of);
        return slot;
    }

    // The PNG's own compressed rows as the image's stream: PDF's FlateDecode
    // with PNG predictors reads them as they are (PDF 1.7, 7.4.4.4).
    HPDF_Image predicted_png_image(const DecodedImage& image) {
        HPDF_Dict xobject = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (xobject == nullptr) return nullptr;
        xobject->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
        // Already compressed, so libharu must not deflate it again; it drops
        // /Filter from streams it does not compress itself, so the entry is
        // written from the dictionary's write hook instead.
        xobject->filter = HPDF_STREAM_FILTER_NONE;
        xobject->write_fn = [](HPDF_Dict, HPDF_Stream out) {
            return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
        };
        const bool gray = image.color_space == DecodedImage::ColorSpace::gray;
        HPDF_Dict_AddName(xobject, "Type", "XObject");
        HPDF_Dict_AddName(xobject, "Subtype", "Image");
        HPDF_Dict_AddNumber(xobject, "Width", image.info.width);
        HPDF_Dict_AddNumber(xobject, "Height", image.info.height);
        HPDF_Dict_AddName(xobject, "ColorSpace", gray ? "DeviceGray" : "DeviceRGB");
        HPDF_Dict_AddNumber(xobject, "BitsPerComponent", 8);
        HPDF_Dict parameters = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_AddNumber(parameters, "Predictor", 15);  // PNG, a filter type per row
        HPDF_Dict_AddNumber(parameters, "Colors", gray ? 1 : 3);
        HPDF_Dict_AddNumber(parameters, "BitsPerComponent", 8);
        HPDF_Dict_AddNumber(parameters, "Columns", image.info.width);
        HPDF_Dict_Add(xobject, "DecodeParms", parameters);
        HPDF_Stream_Write(xobject->stream,
                          reinterpret_cast<const HPDF_BYTE*>(image.png_stream.data()),
                          static_cast<HPDF_UINT>(image.png_stream.size()));
        return xobject;
    }

    // A failed image load leaves libharu's sticky error set; the image is
    // reported and the document goes on without it.
    HPDF_Image load_image(const DecodedImage& decoded, std::string& error_text) {
        std::optional<DecodedImage> flattened;  // the decoded image may be shared: not changed
        if (conformance == Conformance::pdfa_1b) {
            if (decoded.color_space == DecodedImage::ColorSpace::cmyk) {
                error_text =
                    "it is a CMYK JPEG, and PDF/A-1b with an sRGB output intent allows only RGB "
                    "and grey images; convert it to RGB";
                return nullptr;
            }
            if (!decoded.alpha.empty()) {
                flattened = decoded;
                flatten_onto_white(*flattened);
            }
        }
        const DecodedImage& image = flattened ? *flattened : decoded;
        HPDF_Image loaded = nullptr;
        const auto* data = reinterpret_cast<const HPDF_BYTE*>(image.data.data());
        const auto width = static_cast<HPDF_UINT>(image.info.width);
        const auto height = static_cast<HPDF_UINT>(image.info.height);
        if (image.is_dct) {
            loaded =
                HPDF_LoadJpegImageFromMem(pdf, data, static_cast<HPDF_UINT>(image.data.size()));
            // libharu marks every 4-component JPEG as inverted; only Adobe's are.
            if (loaded != nullptr && image.color_space == DecodedImage::ColorSpace::cmyk &&
                !image.inverted_cmyk) {
                HPDF_Dict_RemoveElement(loaded, "Decode");
            }
        } else if (!image.png_stream.empty()) {
            loaded = predicted_png_image(image);
        } else {
            const HPDF_ColorSpace space = image.color_space == DecodedImage::ColorSpace::gray
                                              ? HPDF_CS_DEVICE_GRAY
                                              : HPDF_CS_DEVICE_RGB;
            loaded = HPDF_LoadRawImageFromMem(pdf, data, width, height, space, 8);
            if (loaded != nullptr && !image.alpha.empty()) {
                HPDF_Image mask = HPDF_LoadRawImageFromMem(
                    pdf, reinterpret_cast<const HPDF_BYTE*>(image.alpha.data()), width, height,
                    HPDF_CS_DEVICE_GRAY, 8);
                if (mask != nullptr) HPDF_Image_AddSMask(loaded, mask);
            }
        }
        if (loaded == nullptr || error.code != HPDF_OK) {
            error_text = "libharu rejected it (error " + hex_status(error.code) + ")";
            HPDF_ResetError(pdf);
            error = {};
            return nullptr;
        }
        return loaded;
    }

    ImageSlot& image_for(const PlacedImage& placed) {
        ImageSlot& slot = image_slots[placed.image];
        if (slot.prepared) return slot;
        slot.prepared = true;
        const ImageAsset& asset = *(*images)[placed.image].asset;
        // The typesetter placed only images whose verdict was usable; their
        // pixels are decoded on first use, once for every PDF of the build.
        const std::shared_ptr<const DecodedImage> pixels = asset.pixels();
        if (!pixels) {
            // Not usable (only a writer given pages by hand gets here: the
            // typesetter sets the alt text of such an image instead), or its
            // file let go under the store's budget and changed since.
            sink.warning(placed.span, "pdf-image",
                         "image '" + asset.name() + "' cannot be embedded (" +
                             (!asset.usable()      ? asset.verdict().problem
                              : asset.has_pixels() ? std::string("its file has changed")
                                                   : std::string("it has no pixels")) +
                             "); its place on the page stays empty");
            return slot;
        }
        std::string why;
        slot.image = load_image(*pixels, why);
        // A usable image the PDF still cannot hold (PDF/A and CMYK, libharu):
        // the document would not be what was asked for.
        if (slot.image == nullptr) {
            sink.error(placed.span, "pdf-image",
                       "cannot place image '" + asset.file().string() + "': " + why);
        }
        return slot;
    }

    // Tagged PDF: the content that follows belongs to `node` (or is an
    // artifact). Consecutive items of one element share a marked-content
    // sequence; each sequence of an element gets the page's next MCID.
    void mark(StructRef node) {
        if (!structure || (marking && marked == node)) return;
        end_mark();
        marking = true;
        marked = node;
        if (node == artifact) {
            content += "/Artifact BMC\n";
            return;
        }
        const int mcid = static_cast<int>(page_marks.size());
        page_marks.push_back(static_cast<std::int32_t>(marks.size()));
        marks.push_back({node, static_cast<int>(pages.size() - 1), mcid});
        content += "/";
        content += role_name(structure->nodes[static_cast<std::size_t>(node)].role);
        content += " <</MCID " + std::to_string(mcid) + ">> BDC\n";
    }

    // Before q and Q, and at the page's end: marked content and the
    // graphics state nest, they do not overlap.
    void end_mark() {
        if (!marking) return;
        content += "EMC\n";
        marking = false;
    }

    void set_fill(const Color& color) {
        std::string op = color_operator(color, false);
        if (op == fill) return;
        fill = op;
        content += op;
    }

    HPDF_Destination destination(int page_index, double y) {
        HPDF_Destination dest = conformance == Conformance::pdfa_1b
                                    ? direct_destination(pages[page_index])
                                    : HPDF_Page_CreateDestination(pages[page_index]);
        // libharu rejects zoom 0 ("keep the reader's zoom"): 1 is 100 %.
        if (dest != nullptr) HPDF_Destination_SetXYZ(dest, 0, static_cast<HPDF_REAL>(y), 1);
        return dest;
    }

    // libharu writes each destination as an object of its own, which PDF
    // allows but PDFBox's PDF/A preflight (2.0.27) cannot follow from
    // outline entries and links. This array is what HPDF_Destination_New
    // makes, only not entered in the cross-reference table, so it is
    // written where it is used.
    HPDF_Destination direct_destination(HPDF_Page page) {
        HPDF_Array dest = HPDF_Array_New(pdf->mmgr);
        if (dest == nullptr) return nullptr;
        dest->header.obj_class |= HPDF_OSUBCLASS_DESTINATION;
        HPDF_Array_Add(dest, page);
        HPDF_Array_AddName(dest, "Fit");
        return dest;
    }

    void write_links() {
        for (const PendingLink& pending : links) {
            const LinkArea& link = pending.link;
            const HPDF_Rect area = rect_of(link.x, link.y, link.width, link.height);
            HPDF_Annotation annotation = nullptr;
            if (link.dest_page) {
                HPDF_Destination dest = destination(*link.dest_page, link.dest_y);
                annotation = HPDF_Page_CreateLinkAnnot(pages[pending.page], area, dest);
            } else {
                annotation =
                    HPDF_Page_CreateURILinkAnnot(pages[pending.page], area, link.uri.c_str());
            }
            if (annotation == nullptr) continue;
            HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
            if (tags) tags->add_link(annotation, pending.page, link.node);
            // PDF/A: every annotation is printed (flag 3, "Print").
            if (conformance == Conformance::pdfa_1b) HPDF_Dict_AddNumber(annotation, "F", 4);
        }
    }

    void write_outline() {
        std::vector<HPDF_Outline> open_parents;  // the last entry of each level
        for (const OutlineEntry& entry : outline) {
            const std::size_t depth =
                std::min(static_cast<std::size_t>(std::max(entry.level, 0)), open_parents.size());
            open_parents.resize(depth);
            HPDF_Outline parent = depth == 0 ? nullptr : open_parents.back();
            // Made with an empty title, which takes the title's place
            // among the entry's keys.
            HPDF_Outline item = HPDF_CreateOutline(pdf, parent, "", nullptr);
            if (item == nullptr) return;
            HPDF_Dict_Add(item, "Title", utf16_string(entry.title));
            HPDF_Outline_SetDestination(item, destination(entry.page, entry.y));
            HPDF_Outline_SetOpened(item, depth == 0 ? HPDF_TRUE : HPDF_FALSE);
            open_parents.push_back(item);
        }
    }

    void write_page_labels() {
        for (const PageLabelRange& range : labels) {
            HPDF_Dict label = HPDF_Dict_New(pdf->mmgr);
            if (range.style == PageLabelRange::Style::decimal) HPDF_Dict_AddName(label, "S", "D");
            if (range.style == PageLabelRange::Style::roman_lower) {
                HPDF_Dict_AddName(label, "S", "r");
            }
            if (!range.prefix.empty()) HPDF_Dict_Add(label, "P", text_string(range.prefix));
            if (range.start != 1) HPDF_Dict_AddNumber(label, "St", range.start);
            HPDF_Catalog_AddPageLabel(pdf->catalog, range.first_page, label);
        }
    }

    void write_info(const DocumentInfo& info) {
        // The dictionary HPDF_New made for its producer (or one made as it
        // makes it; the trailer names it when the file is saved). Its text
        // strings are UTF-16, so umlauts survive.
        if (pdf->info == nullptr) {
            HPDF_Dict made = HPDF_Dict_New(pdf->mmgr);
            if (made == nullptr || HPDF_Xref_Add(pdf->xref, made) != HPDF_OK) return;
            pdf->info = made;
        }
        HPDF_Dict dict = pdf->info;
        const std::pair<const char*, const std::string*> fields[] = {
            {"Title", &info.title},       {"Author", &info.author},   {"Subject", &info.subject},
            {"Keywords", &info.keywords}, {"Creator", &info.creator},
        };
        for (const auto& [key, value] : fields) {
            if (!value->empty()) HPDF_Dict_Add(dict, key, utf16_string(*value));
        }
        // Instead of libharu's own "Haru Free PDF Library 2.3.0".
        HPDF_Dict_Add(dict, "Producer", utf16_string(producer_of(info)));
        HPDF_Date date = utc_date(info.timestamp);
        // libharu writes UTC as "Z00'00'", which PDF allows but PDFBox's
        // preflight takes for a date without a time zone, unlike the XMP
        // date; "+00'00'" is the same moment, and unmistakable.
        if (conformance == Conformance::pdfa_1b) date.ind = '+';
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
        if (!info.lang.empty()) HPDF_Dict_Add(pdf->catalog, "Lang", text_string(info.lang));
    }

    static std::string producer_of(const DocumentInfo& info) {
        return info.producer.empty() ? "pamphlet" : info.producer;
    }

    // XMP metadata that agrees with the Info dictionary and names what the
    // file claims: PDF/A-1b, PDF/UA-1 (a tagged file), or both.
    void write_metadata() {
        HPDF_Dict metadata = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (metadata == nullptr) return;
        // Uncompressed, so that tools that do not parse PDF find it.
        metadata->filter = HPDF_STREAM_FILTER_NONE;
        HPDF_Dict_AddName(metadata, "Type", "Metadata");
        HPDF_Dict_AddName(metadata, "Subtype", "XML");
        const std::string xmp =
            xmp_metadata(document_info, producer_of(document_info),
                         {conformance == Conformance::pdfa_1b, structure != nullptr});
        HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                          static_cast<HPDF_UINT>(xmp.size()));
        HPDF_Dict_Add(pdf->catalog, "Metadata", metadata);
    }

    // What PDF/A-1b asks of the file beyond its pages and metadata: the
    // colour space the pages mean (sRGB, as every colour and image in a
    // PDF/A pamphlet is RGB or grey), and a file identifier (filled in by
    // fill_in_file_id once the bytes exist).
    void write_pdfa_objects() {
        HPDF_Dict profile = new_stream(srgb_icc_profile());
        HPDF_Dict_AddNumber(profile, "N", 3);
        HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_AddName(intent, "Type", "OutputIntent");
        HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
        HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                      HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
        HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
        HPDF_Dict_Add(intent, "DestOutputProfile", profile);
        HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
        HPDF_Array_Add(intents, intent);
        HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);

        const HPDF_BYTE zeros[file_id_size] = {};
        HPDF_Array id = HPDF_Array_New(pdf->mmgr);
        HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(zeros), file_id_size));
        HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(zeros), file_id_size));
        HPDF_Dict_Add(pdf->trailer, "ID", id);
    }

    std::optional<std::string> save() {
        // SMask and /Lang are PDF 1.4; libharu starts every document at 1.3.
        if (pdf->pdf_version < HPDF_VER_14) pdf->pdf_version = HPDF_VER_14;
        // A tagged file uses PDF 1.5's /Tabs and is written as PDF 1.7, as
        // PDF/UA-1 asks.
        if (structure) pdf->pdf_version = HPDF_VER_17;
        if (HPDF_SaveToStream(pdf) != HPDF_OK) return std::nullopt;
        const HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
        std::string bytes(size, '\0');
        HPDF_ResetStream(pdf);
        HPDF_UINT32 read = 0;
        while (read < size) {
            HPDF_UINT32 length = size - read;
            const HPDF_STATUS status = HPDF_ReadFromStream(
                pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data() + read), &length);
            read += length;
            if (length == 0 || (status != HPDF_OK && status != HPDF_STREAM_EOF)) break;
        }
        if (read != size) return std::nullopt;
        if (conformance == Conformance::pdfa_1b && !fill_in_file_id(bytes)) return std::nullopt;
        return bytes;
    }

    DiagnosticSink& sink;
    Conformance conformance = Conformance::plain;
    DocumentInfo document_info;
    LibharuError error;
    HPDF_Doc pdf = nullptr;
    const std::vector<DocumentFont>* fonts = nullptr;
    const std::vector<DocumentImage>* images = nullptr;
    std::vector<FontSlot> font_slots;
    std::vector<ImageSlot> image_slots;
    std::vector<HPDF_Page> pages;
    std::string content;                   // the current page's content stream
    // Done pages' content, deflated as libharu would at the end, but on a
    // second thread while later pages are painted (zlib is about half of
    // painting): a brochure's pages wait for the file compressed, not as
    // text several times their size, and in page order.
    struct DeflatingPage {
        std::size_t page = 0;
        std::string text;
        std::optional<std::string> data;
        std::size_t piece = 0;
    };
    std::deque<DeflatingPage> deflating;  // a deque: the worker holds references
    BackgroundWork deflater{usable_cores() > 1};  // declared after: stops first
    std::string fill;                      // the fill colour operator in effect on this page
    std::vector<std::string> saved_fills;  // fill in effect at each open clip's q
    std::vector<PendingLink> links;
    std::vector<OutlineEntry> outline;
    std::vector<PageLabelRange> labels;
    // Tagged PDF (null: untagged): the elements, every marked-content
    // sequence so far, and each page's sequences by MCID (indices into
    // `marks`).
    const StructureTree* structure = nullptr;
    std::vector<MarkedContent> marks;
    std::vector<std::vector<std::int32_t>> mark_pages;
    std::vector<std::int32_t> page_marks;  // the current page's
    bool marking = false;                  // a sequence is open
    StructRef marked = artifact;           // whose
    std::optional<StructureWriter> tags;   // the tree's objects, once the pages are done
};

LibharuCanvas::LibharuCanvas(DiagnosticSink& sink) : impl_(std::make_unique<Impl>(sink)) {}
LibharuCanvas::~LibharuCanvas() = default;

void LibharuCanvas::begin_document(const DocumentInfo& info, const std::vector<DocumentFont>& fonts,
                                   const std::vector<DocumentImage>& images,
                                   Conformance conformance, const StructureTree* structure) {
    Impl& d = *impl_;
    d.conformance = conformance;
    d.structure = structure;
    d.document_info = info;
    d.fonts = &fonts;
    d.images = &images;
    d.font_slots.assign(fonts.size(), {});
    d.image_slots.assign(images.size(), {});
    d.pdf = HPDF_New(record_libharu_error, &d.error);
    if (d.pdf == nullptr) return;
    HPDF_SetCompressionMode(d.pdf, HPDF_COMP_ALL);  // before the first page, or pages stay raw
    d.write_info(info);
}

void LibharuCanvas::begin_page(double width, double height) {
    Impl& d = *impl_;
    if (d.failed()) return;
    HPDF_Page page = HPDF_AddPage(d.pdf);
    if (page == nullptr) return;
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));
    d.pages.push_back(page);
    d.content.clear();
    d.fill.clear();
    d.saved_fills.clear();
    if (d.structure) {
        // The page's key in the parent tree is its index; its annotations
        // are visited in the structure's order.
        HPDF_Dict_AddNumber(page, "StructParents", static_cast<HPDF_INT32>(d.pages.size() - 1));
        HPDF_Dict_AddName(page, "Tabs", "S");
        d.page_marks.clear();
    }
}

// libharu 2.3.0 has no call for these boxes; they are plain entries of the
// page dictionary.
void LibharuCanvas::set_page_boxes(const Box& trim, const Box& bleed) {
    Impl& d = *impl_;
    if (d.failed() || d.pages.empty()) return;
    HPDF_Dict_Add(d.pages.back(), "TrimBox",
                  d.number_array({trim.left, trim.bottom, trim.right, trim.top}));
    HPDF_Dict_Add(d.pages.back(), "BleedBox",
                  d.number_array({bleed.left, bleed.bottom, bleed.right, bleed.top}));
}

void LibharuCanvas::begin_imposed_page(std::optional<int>, const Box&) {}

void LibharuCanvas::begin_clip(const Box& box) {
    Impl& d = *impl_;
    if (d.failed()) return;
    d.end_mark();
    d.saved_fills.push_back(d.fill);
    d.content += "q " + num(box.left) + " " + num(box.bottom) + " " + num(box.width()) + " " +
                 num(box.height()) + " re W n\n";
}

void LibharuCanvas::end_clip() {
    Impl& d = *impl_;
    if (d.failed() || d.saved_fills.empty()) return;
    // Q brings back the colour set before q.
    d.fill = d.saved_fills.back();
    d.saved_fills.pop_back();
    d.end_mark();
    d.content += "Q\n";
}

void LibharuCanvas::stroke_line(const StrokedLine& line) {
    Impl& d = *impl_;
    if (d.failed()) return;
    d.mark(artifact);
    d.content += "q " + num(line.width) + " w " + color_operator(line.color, true) + num(line.x0) +
                 " " + num(line.y0) + " m " + num(line.x1) + " " + num(line.y1) + " l S Q\n";
}

void LibharuCanvas::show_glyphs(const GlyphRun& run) {
    Impl& d = *impl_;
    if (d.failed()) return;
    Impl::FontSlot& font = d.font_for(run);
    if (font.type0 == nullptr) return;
    const char* name =
        HPDF_Page_GetLocalFontName(d.pages.back(), reinterpret_cast<HPDF_Font>(font.type0));
    if (name == nullptr) return;
    d.mark(run.node);
    d.set_fill(run.color);
    d.content += text_operators(run, name, font.width_of);
}

void LibharuCanvas::fill_rect(const FilledRect& rect) {
    Impl& d = *impl_;
    if (d.failed()) return;
    d.mark(rect.node);
    d.set_fill(rect.color);
    d.content += num(rect.x) + " " + num(rect.y) + " " + num(rect.width) + " " + num(rect.height) +
                 " re f\n";
}

void LibharuCanvas::draw_image(const PlacedImage& placed) {
    Impl& d = *impl_;
    if (d.failed()) return;
    HPDF_Image image = d.image_for(placed).image;
    if (image == nullptr) return;
    const char* name = HPDF_Page_GetXObjectName(d.pages.back(), image);
    if (name == nullptr) return;
    d.mark(placed.node);
    d.content += "q " + num(placed.width) + " 0 0 " + num(placed.height) + " " + num(placed.x) +
                 " " + num(placed.y) + " cm /" + name + " Do Q\n";
}

void LibharuCanvas::add_link(const LinkArea& link) {
    Impl& d = *impl_;
    if (d.failed() || d.pages.empty()) return;
    // Written at the end, when the pages internal links point at exist.
    d.links.push_back({d.pages.size() - 1, link});
}

void LibharuCanvas::end_page() {
    Impl& d = *impl_;
    if (d.failed() || d.pages.empty()) return;
    d.end_mark();
    if (d.structure) d.mark_pages.push_back(std::move(d.page_marks));
    Impl::DeflatingPage& page = d.deflating.emplace_back();
    page.page = d.pages.size() - 1;
    page.text = std::move(d.content);
    d.content = {};
    page.piece = d.deflater.push([&page] {
        // A zlib stream, as FlateDecode wants, at pamphlet's deflate level.
        page.data = deflated(page.text, DeflateFormat::zlib);
        std::string().swap(page.text);
    });
    d.write_deflated(false);
}

void LibharuCanvas::add_outline(const OutlineEntry& entry) {
    impl_->outline.push_back(entry);
}

void LibharuCanvas::set_page_labels(const std::vector<PageLabelRange>& ranges) {
    impl_->labels = ranges;
}

std::optional<std::string> LibharuCanvas::finish() {
    Impl& d = *impl_;
    if (d.pdf == nullptr) {
        d.sink.error({}, "pdf-writer", "libharu could not create a PDF document (out of memory)");
        return std::nullopt;
    }
    d.write_deflated(true);
    if (!d.failed()) {
        if (d.structure) {
            d.tags.emplace(d.pdf, *d.structure, d.marks, d.mark_pages, d.pages);
            if (!d.tags->write() && d.error.code == HPDF_OK) d.error.code = HPDF_FAILD_TO_ALLOC_MEM;
        }
        d.write_links();
        d.write_outline();
        d.write_page_labels();
        if (d.conformance == Conformance::pdfa_1b || d.structure) d.write_metadata();
        if (d.conformance == Conformance::pdfa_1b) d.write_pdfa_objects();
    }
    std::optional<std::string> bytes;
    if (!d.failed()) bytes = d.save();
    if (d.failed() || !bytes) {
        d.sink.error({}, "pdf-writer",
                     "libharu failed while writing the PDF (error " + hex_status(d.error.code) +
                         ", detail " + std::to_string(d.error.detail) + ")");
        return std::nullopt;
    }
    return bytes;
}

}  // namespace pamphlet::pdf_detail
