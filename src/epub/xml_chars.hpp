// The characters an XML 1.0 document may contain.
#pragma once

#include <string>
#include <string_view>

namespace pamphlet::epub {

// Characters allowed in XML 1.0 text, less those HTML forbids in text
// (C0/C1 controls other than tab and newline, noncharacters). Carriage
// returns are dropped too: output uses bare newlines.
bool is_xml_text_char(char32_t c);

// `text` with malformed UTF-8 repaired and disallowed characters removed.
std::string xml_clean(std::string_view text);

}  // namespace pamphlet::epub
