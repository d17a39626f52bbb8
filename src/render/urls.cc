#include "render/urls.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/text.h"

namespace nianbao::urls {

std::string Home(const std::string& lang) { return Cat({lang, "/index.html"}); }
std::string Report(const std::string& lang, const std::string& bureau, const std::string& edition) {
  return Cat({lang, "/reports/", bureau, "/", edition, "/index.html"});
}
std::string Bureau(const std::string& lang, const std::string& bureau) {
  return Cat({lang, "/bureaus/", bureau, "/index.html"});
}
std::string Indicator(const std::string& lang, const std::string& indicator) {
  return Cat({lang, "/indicators/", indicator, "/index.html"});
}
std::string Compare(const std::string& lang, const std::string& bureau, const std::string& a,
                    const std::string& b) {
  return Cat({lang, "/compare/", bureau, "/", a, "-vs-", b, "/index.html"});
}
std::string Page(const std::string& lang, const std::string& page) {
  return Cat({lang, "/pages/", page, "/index.html"});
}

std::string BureauIndex(const std::string& lang) { return lang + "/bureaus/index.html"; }
std::string Search(const std::string& lang) { return lang + "/search/index.html"; }
std::string IndicatorIndex(const std::string& lang) { return lang + "/indicators/index.html"; }
std::string IndicatorTable(const std::string& lang, const std::string& indicator,
                           std::string_view kind, int page) {
  return lang + "/indicators/" + indicator + "/" + std::string(kind) + "-" + std::to_string(page) +
         "/index.html";
}

std::string RootOf(const std::string& from) {
  std::string root;
  for (char c : from) {
    if (c == '/') root += "../";
  }
  return root;
}

std::string Relative(const std::string& from, const std::string& to) {
  // Drop the folders both paths share, then climb out of the rest of `from`. Eighty
  // thousand links a 400-report build: the shared prefix compared eight bytes at a time,
  // the link written into its string once.
  const size_t limit = std::min(from.size(), to.size());
  size_t same = 0;
  while (same + 8 <= limit) {
    uint64_t a, b;
    std::memcpy(&a, from.data() + same, 8);
    std::memcpy(&b, to.data() + same, 8);
    if (a != b) break;
    same += 8;
  }
  while (same < limit && from[same] == to[same]) ++same;
  size_t common = same;  // just after the last '/' of the shared prefix
  while (common > 0 && from[common - 1] != '/') --common;
  size_t up = 0;
  for (size_t i = common; i < from.size(); ++i) up += from[i] == '/';
  std::string out(3 * up + to.size() - common, '\0');
  char* at = out.data();
  for (size_t i = 0; i < up; ++i, at += 3) std::memcpy(at, "../", 3);
  std::memcpy(at, to.data() + common, to.size() - common);
  return out;
}

}  // namespace nianbao::urls
