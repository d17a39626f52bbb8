#include "core/translated.h"

namespace nianbao {

const std::string& Translated::Get(const std::string& lang, const std::string& fallback) const {
  static const std::string kEmpty;
  if (auto it = text.find(lang); it != text.end()) return it->second;
  if (auto it = text.find(fallback); it != text.end()) return it->second;
  return text.empty() ? kEmpty : text.begin()->second;
}

}  // namespace nianbao
