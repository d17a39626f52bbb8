#include "core/json_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <nlohmann/json.hpp>

#include "core/short_decimal.h"

namespace nianbao {

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t plain = 0;  // start of the bytes not yet copied
  size_t i = 0;
  for (; i < s.size(); ++i) {
#ifdef __SSE2__
    // Sixteen bytes at a time while there is nothing to escape (snippet text, chart labels).
    if (i % 16 == 0) {
      const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                    control = _mm_set1_epi8(0x1F);
      while (i + 16 <= s.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));  // v <= 0x1F
        if (_mm_movemask_epi8(hit) != 0) break;
        i += 16;
      }
      if (i >= s.size()) break;
    }
#endif
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
  }
  out.append(s, plain, s.size() - plain);
  out += '"';
}

std::string JsonString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendJsonString(out, s);
  return out;
}

void AppendJsonNumber(std::string& out, double x) {
  if (!std::isfinite(x)) {
    out += "null";
    return;
  }
  // A figure of a few decimals below 10^15 (most of them): its digits with the point put
  // in, as nlohmann writes them ("35232.0", "0.25"); others (nlohmann writes 10^15 and
  // above with an exponent) go through nlohmann's own formatter, what dump() calls.
  if (const std::optional<ShortDecimal> d = AsShortDecimal(x); d && x != 0 && std::fabs(x) < 1e15) {
    std::array<char, 48> text;
    char* o = text.data();
    if (x < 0) *o++ = '-';
    char digits[24];
    const int len =
        static_cast<int>(std::to_chars(digits, digits + sizeof digits, d->digits).ptr - digits);
    if (d->places == 0) {
      o = std::copy(digits, digits + len, o);
      *o++ = '.';
      *o++ = '0';
    } else if (len <= d->places) {
      *o++ = '0';
      *o++ = '.';
      o = std::fill_n(o, d->places - len, '0');
      o = std::copy(digits, digits + len, o);
    } else {
      o = std::copy(digits, digits + len - d->places, o);
      *o++ = '.';
      o = std::copy(digits + len - d->places, digits + len, o);
    }
    out.append(text.data(), o);
    return;
  }
  std::array<char, 64> buf;
  char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), x);
  out.append(buf.data(), end);
}

}  // namespace nianbao
