#include "core/translated.h"

namespace nianbao {

namespace {

// Language tags are short and a text has two or three: a walk with the lengths compared
// first beats the tree's search (a memcmp call at every node), on every figure of a page.
const std::string* Of(const std::map<std::string, std::string>& text, const std::string& lang) {
  for (const auto& [k, v] : text) {
    if (k.size() != lang.size()) continue;
    size_t i = 0;
    while (i < k.size() && k[i] == lang[i]) ++i;
    if (i == k.size()) return &v;
  }
  return nullptr;
}

}  // namespace

const std::string& Translated::Get(const std::string& lang, const std::string& fallback) const {
  static const std::string kEmpty;
  if (const std::string* s = Of(text, lang)) return *s;
  if (const std::string* s = Of(text, fallback)) return *s;
  return text.empty() ? kEmpty : text.begin()->second;
}

}  // namespace nianbao
