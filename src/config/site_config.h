// content/site.yaml → SiteConfig (content-format §2).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/government.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/translated.h"

namespace nianbao {

struct SiteConfig {
  Translated title;
  std::vector<std::string> languages;  // the first is the default language
  std::string base_url;                // "" if not given; used only for canonical links
  std::string theme = "default";
  Translated description;  // may be empty
  Translated footer;       // inline Markdown; may be empty
  bool unsafe_html = false;
  GovernmentConfig government;  // docs/government.md; all empty if not given

  const std::string& default_language() const { return languages.front(); }
};

/// Reads content/site.yaml. Returns nullopt (with diagnostics) if it cannot be used.
std::optional<SiteConfig> LoadSiteConfig(const FileSystem& site, Diagnostics& diags);

}  // namespace nianbao
