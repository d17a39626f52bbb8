#include "render/theme_digest.h"

#include "core/sha256.h"

namespace nianbao {

std::string ThemeDigest(const Theme& theme) {
  Sha256 all;
  auto entry = [&](const std::string& name, std::string_view bytes) {
    all.Update(name);
    all.Update("\n");
    all.Update(Sha256Hex(bytes));
    all.Update("\n");
  };
  for (const auto& [name, source] : theme.templates)
    entry("templates/" + name + ".mustache", source.text);
  for (const auto& [lang, strings] : theme.strings) {
    std::string text;
    for (const auto& [key, value] : strings) text += key + "=" + value + "\n";
    entry("i18n/" + lang, text);
  }
  for (const auto& [path, bytes] : theme.assets) entry("assets/" + path, bytes);
  return all.Hex();
}

}  // namespace nianbao
