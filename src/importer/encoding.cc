#include "importer/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "core/text.h"

namespace nianbao::importer {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return out;
}

int LineAt(std::string_view bytes, size_t offset) {
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

// Runs iconv over the whole input; on a bad byte, reports its line (ASCII newlines are
// the same bytes in GBK and GB18030: no multi-byte sequence contains 0x0A).
std::optional<std::string> Convert(const std::string& path, std::string_view bytes,
                                   const char* from, std::string_view label, Diagnostics& diags) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    diags.Error({path, 0, 0}, "this system's iconv cannot convert from " + std::string(from));
    return std::nullopt;
  }
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t done = 0;
  bool ok = true;
  while (in_left > 0) {
    char* out_ptr = out.data() + done;
    size_t out_left = out.size() - done;
    size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    done = out.size() - out_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    size_t offset = bytes.size() - in_left;
    diags.Error({path, LineAt(bytes, offset), 0},
                "the file is not valid " + std::string(label) + " text (byte " +
                    std::to_string(offset + 1) +
                    "): save it from Excel as \"CSV UTF-8\", or give --encoding");
    ok = false;
    break;
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(done);
  return out;
}

std::optional<std::string> CheckUtf8(const std::string& path, std::string_view text,
                                     Diagnostics& diags) {
  if (IsValidUtf8(text)) return std::string(text);
  int line = 1;
  for (std::string_view l : SplitLines(text)) {
    if (!IsValidUtf8(l)) break;
    ++line;
  }
  diags.Error({path, line, 0},
              "not valid UTF-8: save the file as \"CSV UTF-8\", or give --encoding gbk");
  return std::nullopt;
}

}  // namespace

std::optional<Encoding> ParseEncoding(std::string_view name) {
  std::string n = Lower(name);
  if (n == "utf-8" || n == "utf8") return Encoding::kUtf8;
  if (n == "gbk" || n == "cp936") return Encoding::kGbk;
  if (n == "gb18030") return Encoding::kGb18030;
  if (n == "auto") return Encoding::kAuto;
  return std::nullopt;
}

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kAuto:
      return "auto";
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kGbk:
      return "GBK";
    case Encoding::kGb18030:
      return "GB18030";
  }
  return "UTF-8";
}

std::optional<DecodedText> Decode(const std::string& path, std::string_view bytes,
                                  Encoding encoding, Diagnostics& diags) {
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    diags.Error({path, 0, 0},
                "the file is UTF-16 (Excel's \"Unicode text\"): save it as "
                "\"CSV UTF-8\" instead");
    return std::nullopt;
  }
  const bool bom = StartsWith(bytes, "\xEF\xBB\xBF");
  if (encoding == Encoding::kAuto) {
    encoding = bom || IsValidUtf8(bytes) ? Encoding::kUtf8 : Encoding::kGb18030;
  }
  DecodedText out;
  out.encoding = encoding;
  std::optional<std::string> text;
  if (encoding == Encoding::kUtf8) {
    text = CheckUtf8(path, bom ? bytes.substr(3) : bytes, diags);
  } else {
    text = Convert(path, bytes, encoding == Encoding::kGbk ? "GBK" : "GB18030",
                   EncodingName(encoding), diags);
  }
  if (!text) return std::nullopt;
  out.text = std::move(*text);
  return out;
}

}  // namespace nianbao::importer
