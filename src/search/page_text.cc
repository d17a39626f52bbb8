#include "search/page_text.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/text.h"

namespace nianbao::search {

namespace {

// Elements whose content is left out, and inline ones that do not separate words.
constexpr std::array<std::string_view, 9> kSkipped = {
    "table", "figure", "nav", "script", "style", "svg", "form", "select", "button"};
constexpr std::array<std::string_view, 16> kInline = {
    "a", "abbr", "b",    "bdi", "cite",  "code", "del",    "em",
    "i", "ins",  "mark", "q",   "small", "span", "strong", "sub"};

bool IsOneOf(std::string_view name, const auto& list) {
  return std::find(list.begin(), list.end(), name) != list.end();
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

// Where a stretch of plain text ends (find_first_of calls memchr once per character).
bool IsStop(char c) {
  return c == '<' || c == '&' || c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

void Space(std::string& out) {
  if (!out.empty() && out.back() != ' ') out += ' ';
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
  int skip_depth = 0;  // inside a skipped element (nested ones of the same kind counted)
  std::string_view skip_name;
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
      if (skip_depth > 0) {
        if (name == skip_name) skip_depth += closing ? -1 : 1;
        continue;
      }
      if (!closing &&
          (IsOneOf(name, kSkipped) || tag.find(" data-nosearch") != std::string_view::npos)) {
        skip_name = name;  // a view of the page, which outlives the loop
        skip_depth = 1;
        Space(*out);
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
    if (skip_depth > 0) {  // straight to the next tag
      i = html.find('<', i);
      if (i == std::string_view::npos) break;
      continue;
    }
    if (c == '&') {
      i += AppendEntity(html, i, *out);
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      Space(*out);
      ++i;
    } else {  // a stretch of plain text at once
      size_t end = i;
      while (end < html.size() && !IsStop(html[end])) ++end;
      out->append(html.substr(i, end - i));
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
