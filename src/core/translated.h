// A string given in several languages (content-format §1): language code → text.
#pragma once

#include <map>
#include <string>

namespace nianbao {

struct Translated {
  std::map<std::string, std::string> text;

  bool empty() const { return text.empty(); }
  bool Has(const std::string& lang) const { return text.count(lang) > 0; }
  /// The text in `lang`, else in `fallback`, else the first one given, else "".
  const std::string& Get(const std::string& lang, const std::string& fallback) const;
};

}  // namespace nianbao
