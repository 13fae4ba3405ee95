#include "xmp_metadata.hpp"

#include <chrono>

namespace pamphlet::pdf_detail {

namespace {

std::string two_digits(unsigned value) {
    return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

std::string element(const std::string& name, const std::string& text) {
    return "   <" + name + ">" + xml_escaped(text) + "</" + name + ">\n";
}

// dc:title and dc:description are language alternatives; the default
// entry is what the Info dictionary holds.
std::string alternative(const std::string& name, const std::string& text) {
    return "   <" + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(text) +
           "</rdf:li></rdf:Alt></" + name + ">\n";
}

// dc:creator is a sequence; PDF/A asks for exactly one entry equal to
// /Author, so a list of authors stays one entry.
std::string sequence(const std::string& name, const std::string& text) {
    return "   <" + name + "><rdf:Seq><rdf:li>" + xml_escaped(text) + "</rdf:li></rdf:Seq></" +
           name + ">\n";
}

std::string description(const std::string& prefix, const std::string& uri,
                        const std::string& properties) {
    return "  <rdf:Description rdf:about=\"\" xmlns:" + prefix + "=\"" + uri + "\">\n" +
           properties + "  </rdf:Description>\n";
}

}  // namespace

std::string xml_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    out += ' ';
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string xmp_date(long long timestamp) {
    using namespace std::chrono;
    const sys_seconds time{seconds{timestamp}};
    const sys_days day = floor<days>(time);
    const year_month_day ymd{day};
    const hh_mm_ss clock{time - day};
    const int year = static_cast<int>(ymd.year());
    std::string out = std::to_string(year);
    out.insert(0, out.size() < 4 ? 4 - out.size() : 0, '0');
    out += "-" + two_digits(static_cast<unsigned>(ymd.month())) + "-" +
           two_digits(static_cast<unsigned>(ymd.day())) + "T" +
           two_digits(static_cast<unsigned>(clock.hours().count())) + ":" +
           two_digits(static_cast<unsigned>(clock.minutes().count())) + ":" +
           two_digits(static_cast<unsigned>(clock.seconds().count())) + "Z";
    return out;
}

namespace {

// PDF/A-1 knows the schemas of XMP 2004 and its own; any other namespace in
// the packet must be described in it (ISO 19005-1, 6.7.8), as PDF/UA's is
// here: a schema with its one property.
std::string pdfua_extension_schema() {
    return "  <rdf:Description rdf:about=\"\"\n"
           "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
           "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
           "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
           "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
           "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
           "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
           "</pdfaSchema:namespaceURI>\n"
           "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
           "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
           "     <pdfaProperty:name>part</pdfaProperty:name>\n"
           "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
           "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
           "     <pdfaProperty:description>The part of ISO 14289 (PDF/UA) the file conforms "
           "to</pdfaProperty:description>\n"
           "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
           "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
           "  </rdf:Description>\n";
}

}  // namespace

std::string xmp_metadata(const DocumentInfo& info, const std::string& producer, XmpClaims claims) {
    std::string dublin_core = element("dc:format", "application/pdf");
    if (!info.title.empty()) dublin_core += alternative("dc:title", info.title);
    if (!info.author.empty()) dublin_core += sequence("dc:creator", info.author);
    if (!info.subject.empty()) dublin_core += alternative("dc:description", info.subject);

    const std::string date = xmp_date(info.timestamp);
    std::string basic = element("xmp:CreateDate", date) + element("xmp:ModifyDate", date) +
                        element("xmp:MetadataDate", date);
    if (!info.creator.empty()) basic += element("xmp:CreatorTool", info.creator);

    std::string pdf = element("pdf:Producer", producer);
    if (!info.keywords.empty()) pdf += element("pdf:Keywords", info.keywords);

    std::string claimed;
    if (claims.pdfa_1b) {
        claimed += description("pdfaid", "http://www.aiim.org/pdfa/ns/id/",
                               element("pdfaid:part", "1") + element("pdfaid:conformance", "B"));
    }
    if (claims.pdfua_1) {
        claimed += description("pdfuaid", "http://www.aiim.org/pdfua/ns/id/",
                               element("pdfuaid:part", "1"));
        if (claims.pdfa_1b) claimed += pdfua_extension_schema();
    }

    // The packet wrapper: the BOM in `begin` tells readers the encoding; the
    // id is the fixed one XMP prescribes.
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
           description("dc", "http://purl.org/dc/elements/1.1/", dublin_core) +
           description("xmp", "http://ns.adobe.com/xap/1.0/", basic) +
           description("pdf", "http://ns.adobe.com/pdf/1.3/", pdf) + claimed +
           " </rdf:RDF>\n"
           "</x:xmpmeta>\n"
           "<?xpacket end=\"w\"?>";
}

}  // namespace pamphlet::pdf_detail
