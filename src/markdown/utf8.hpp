// The input hygiene every article goes through: the model
// must only ever hold valid UTF-8 that is also valid XML 1.0 text.
#pragma once

#include "pamphlet/base/utf8.hpp"
#include "pamphlet/diagnostics.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace pamphlet::utf8 {

// Characters XML 1.0 forbids, plus DEL: the C0 controls other than TAB, LF
// and CR, U+FFFE and U+FFFF.
bool is_forbidden_control(char32_t c);

// The file text made safe: BOM dropped, CRLF and lone CR turned into LF,
// ill-formed UTF-8 replaced by U+FFFD ("invalid-utf8") and forbidden
// controls removed ("control-character"). Each problem is reported once per
// file, at its first place, with the number of places. Text that needs
// none of that (nearly every file) is returned as it is; otherwise the safe
// text is written to `storage` and a view of it returned.
std::string_view sanitize_input(std::string_view text, const std::string& display_path,
                                DiagnosticSink& sink, std::string& storage);

// Removes forbidden controls from text that did not come straight from the
// file (decoded entities such as "&#1;"), and replaces ill-formed UTF-8 by
// U+FFFD. Returns how many controls were removed; clean text (nearly all)
// is left untouched, not copied.
std::size_t remove_forbidden_controls(std::string& text);

}  // namespace pamphlet::utf8
