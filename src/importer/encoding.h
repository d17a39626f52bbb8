// The text encoding of a CSV: Excel saves "CSV UTF-8" with a BOM, and plain "CSV" on a
// Chinese Windows in GBK (code page 936). Conversion is glibc's iconv, never our own table.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace nianbao::importer {

enum class Encoding { kAuto, kUtf8, kGbk, kGb18030 };

/// "utf-8"/"utf8", "gbk"/"cp936", "gb18030" (any case); nullopt for anything else.
std::optional<Encoding> ParseEncoding(std::string_view name);
std::string_view EncodingName(Encoding encoding);

struct DecodedText {
  std::string text;                     // UTF-8, without a BOM
  Encoding encoding = Encoding::kUtf8;  // the one used
};

/// Converts `bytes` to UTF-8. kAuto: a UTF-8 BOM or valid UTF-8 is UTF-8, anything else is
/// read as GB18030 (a superset of GBK and GB2312). Bytes that are not valid in the
/// encoding are an error naming their line. UTF-16 (Excel's "Unicode text") is refused.
std::optional<DecodedText> Decode(const std::string& path, std::string_view bytes,
                                  Encoding encoding, Diagnostics& diags);

}  // namespace nianbao::importer
