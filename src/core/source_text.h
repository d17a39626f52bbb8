// What a source file may hold beyond being UTF-8: no control characters (they end up in
// <title> and in JSON), and none of the private-use characters that nianbao uses inside
// as placeholders (user text holding them could have a chart pasted into it).
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace nianbao {

enum class SourceKind { kYaml, kMarkdown };

/// The first code point of the range nianbao reserves: plane 16 (U+100000..U+10FFFF),
/// where the shortcode and chart placeholders and the Markdown marker live.
inline constexpr char32_t kReservedFirst = 0x100000;

/// Why `c` may not appear in text, as a phrase ("control character U+0000"), or "" if it
/// may. Tab, line feed and carriage return are fine here (CheckSourceText allows a
/// carriage return only before a line feed).
std::string ForbiddenCharacter(char32_t c);

/// Checks the text of a file, or of a part of it that starts at column 1 of file line
/// `first_line`. Reports the first byte that is not UTF-8 (and stops there), every
/// forbidden character, a carriage return not followed by a line feed, and in Markdown
/// every character reference (&#x100000;) that stands for a forbidden character.
/// Returns true if nothing was reported.
bool CheckSourceText(std::string_view text, const std::string& path, int first_line,
                     SourceKind kind, Diagnostics& diags);

/// What is wrong with a text value once YAML escapes are read ("\0", "\U00100000"), as a
/// message, or "" if nothing.
std::string TextValueProblem(std::string_view value);

}  // namespace nianbao
