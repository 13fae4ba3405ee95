// The characters an XML 1.0 document may contain.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pamphlet::epub {

// Characters allowed in XML 1.0 text, less those HTML forbids in text
// (C0/C1 controls other than tab and newline, noncharacters). Carriage
// returns are dropped too: output uses bare newlines.
bool is_xml_text_char(char32_t c);

// How many bytes at the start of `text` xml_clean keeps as they are.
std::size_t xml_clean_prefix(std::string_view text);

// `text` with malformed UTF-8 repaired and disallowed characters removed.
std::string xml_clean(std::string_view text);

}  // namespace pamphlet::epub
