// The XMP metadata packet of a PDF/A-1b or a tagged (PDF/UA-1) file. Both
// require it to say what the Info dictionary says, in the same words and at
// the same times, and to name the conformance they claim.
#pragma once

#include "pamphlet/layout.hpp"

#include <string>
#include <string_view>

namespace pamphlet::pdf_detail {

// Text for XML character data and attribute values: markup characters as
// entities, and the control characters XML 1.0 cannot hold as spaces.
std::string xml_escaped(std::string_view text);

// "2023-11-14T22:13:20Z": the moment the Info dictionary writes as
// D:20231114221320Z.
std::string xmp_date(long long timestamp);

// What the file claims to conform to.
struct XmpClaims {
    bool pdfa_1b = false;  // pdfaid part 1, conformance B
    bool pdfua_1 = false;  // pdfuaid part 1 (with PDF/A: and its extension schema)
};

// The whole packet, UTF-8. `producer` is the Info dictionary's /Producer.
std::string xmp_metadata(const DocumentInfo& info, const std::string& producer, XmpClaims claims);

}  // namespace pamphlet::pdf_detail
