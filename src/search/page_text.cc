#include "search/page_text.h"

#include <algorithm>
#include <array>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/text.h"

namespace nianbao::search {

namespace {

// Elements whose content is left out, and inline ones that do not separate words. Names
// are compared as numbers (up to 8 bytes packed): a page has thousands of tags.
constexpr uint64_t Pack(std::string_view name) {
  uint64_t v = 0;
  for (size_t i = 0; i < name.size() && i < 8; ++i) {
    v |= uint64_t{static_cast<unsigned char>(name[i])} << (8 * i);
  }
  return v;
}
constexpr std::array<uint64_t, 9> kSkipped = {Pack("table"),  Pack("figure"), Pack("nav"),
                                              Pack("script"), Pack("style"),  Pack("svg"),
                                              Pack("form"),   Pack("select"), Pack("button")};
constexpr std::array<uint64_t, 16> kInline = {
    Pack("a"),     Pack("abbr"), Pack("b"),      Pack("bdi"), Pack("cite"), Pack("code"),
    Pack("del"),   Pack("em"),   Pack("i"),      Pack("ins"), Pack("mark"), Pack("q"),
    Pack("small"), Pack("span"), Pack("strong"), Pack("sub")};

bool IsOneOf(std::string_view name, const auto& list) {
  if (name.size() > 8) return false;
  const uint64_t packed = Pack(name);
  return std::find(list.begin(), list.end(), packed) != list.end();
}

// Where the element whose start tag ends before `from` ends: after its end tag, counting
// nested elements of the same name; npos if it never ends. One pass for the name, start
// and end tags told apart by what precedes it (a table is most of a report's <main>).
size_t SkipElement(std::string_view html, size_t from, std::string_view name) {
  auto is_name_end = [&](size_t at) {
    return at < html.size() && (html[at] == '>' || html[at] == ' ' || html[at] == '\t' ||
                                html[at] == '\n' || html[at] == '/');
  };
  int depth = 1;
  for (size_t at = from; at < html.size();) {
    const size_t hit = FindBytes(html, name, at);
    if (hit == std::string_view::npos) break;
    at = hit + name.size();
    if (!is_name_end(at) || hit < 1) continue;  // "tables", or text
    if (html[hit - 1] == '<') {
      ++depth;
    } else if (hit >= 2 && html[hit - 1] == '/' && html[hit - 2] == '<') {
      if (--depth == 0) {
        const size_t gt = html.find('>', at);
        return gt == std::string_view::npos ? gt : gt + 1;
      }
    }
  }
  return std::string_view::npos;
}

// A character reference to no character (0, a surrogate, beyond U+10FFFF) reads as U+FFFD.
void AppendReferenced(std::string& out, unsigned long c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  AppendUtf8(out, static_cast<char32_t>(c));
}

// Appends one entity starting at html[i] ('&'); returns its length (1 if it is none).
size_t AppendEntity(std::string_view html, size_t i, std::string& out) {
  size_t end = html.find(';', i);
  if (end == std::string_view::npos || end - i > 10) {
    out += '&';
    return 1;
  }
  std::string_view name = html.substr(i + 1, end - i - 1);
  if (name == "amp")
    out += '&';
  else if (name == "lt")
    out += '<';
  else if (name == "gt")
    out += '>';
  else if (name == "quot")
    out += '"';
  else if (name == "apos" || name == "#39")
    out += '\'';
  else if (name == "nbsp")
    out += ' ';
  else if (name.size() > 1 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits(name.substr(hex ? 2 : 1));
    char* stop = nullptr;
    unsigned long c = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (digits.empty() || *stop) {
      out += '&';
      return 1;
    }
    AppendReferenced(out, c);
  } else {
    out += '&';
    return 1;
  }
  return end - i + 1;
}

// Where a stretch of plain text ends: a tag, an entity or white space other than a space
// (spaces stay in the stretch: English is a stretch a sentence, not a word).
constexpr auto kStop = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'<', '&', '\n', '\t', '\r'}) t[c] = true;
  return t;
}();

// The end of the stretch of plain text at html[i]: beyond its first bytes sixteen at a
// time (SSE2).
size_t StretchEnd(std::string_view html, size_t i) {
  // A short stretch ("2021", a word between tags) ends within a few bytes: by the table.
  for (const size_t few = std::min(html.size(), i + 12); i < few; ++i) {
    if (kStop[static_cast<unsigned char>(html[i])]) return i;
  }
#ifdef __SSE2__
  const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'), nl = _mm_set1_epi8('\n'),
                tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r');
  for (; i + 16 <= html.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(html.data() + i));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)),
                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, tab)),
                                  _mm_cmpeq_epi8(v, cr)));
    if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit))) {
      return i + static_cast<size_t>(__builtin_ctz(mask));
    }
  }
#endif
  while (i < html.size() && !kStop[static_cast<unsigned char>(html[i])]) ++i;
  return i;
}

void Space(std::string& out) {
  if (!out.empty() && out.back() != ' ') out += ' ';
}

// Appends a stretch of plain text, its spaces collapsed as Space does: none at the start
// of `out` or after another.
void AppendStretch(std::string& out, std::string_view stretch) {
  if (stretch.front() == ' ') {
    Space(out);
    const size_t words = stretch.find_first_not_of(' ');
    if (words == std::string_view::npos) return;
    stretch.remove_prefix(words);
  }
  if (stretch.find("  ") == std::string_view::npos) {
    out.append(stretch);
    return;
  }
  for (char c : stretch) {
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  }
}

}  // namespace

PageText ExtractPageText(std::string_view html) {
  PageText text;
  size_t start = html.find("<main");
  size_t stop = html.rfind("</main>");
  if (start == std::string_view::npos || stop == std::string_view::npos || stop < start) {
    return text;
  }
  html = html.substr(start, stop - start);
  std::string* out = &text.body;
  bool title_done = false;
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, end - i - 1);
      i = end + 1;
      bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      size_t name_end = tag.find_first_of(" \t\n/");
      std::string_view name = tag.substr(0, name_end);
      if (!closing &&
          (IsOneOf(name, kSkipped) || tag.find(" data-nosearch") != std::string_view::npos)) {
        Space(*out);
        if (tag.empty() || tag.back() == '/') continue;  // nothing inside
        i = SkipElement(html, i, name);
        if (i == std::string_view::npos) break;
        continue;
      }
      if (name == "h1" && !title_done) {
        if (closing) {
          title_done = true;
          out = &text.body;
        } else {
          out = &text.title;
        }
        continue;
      }
      if (!IsOneOf(name, kInline)) Space(*out);
      continue;
    }
    if (c == '&') {
      i += AppendEntity(html, i, *out);
    } else if (c == '\n' || c == '\t' || c == '\r') {
      Space(*out);
      ++i;
    } else {  // a stretch of plain text at once
      const size_t end = StretchEnd(html, i);
      AppendStretch(*out, html.substr(i, end - i));
      i = end;
    }
  }
  for (std::string* s : {&text.title, &text.body}) {
    while (!s->empty() && s->back() == ' ') s->pop_back();
    if (!s->empty() && s->front() == ' ') s->erase(0, 1);
  }
  return text;
}

}  // namespace nianbao::search
