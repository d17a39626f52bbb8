// The theme a site is rendered with: templates, interface strings and assets, resolved
// from the site's templates/, the site's themes/<theme>/ and the built-in default theme.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "config/site_config.h"
#include "core/diagnostic.h"
#include "core/file_system.h"

namespace nianbao {

struct TemplateSource {
  std::string path;  // for messages: "templates/x.mustache", "themes/default/templates/…"
  std::string text;
};

struct Theme {
  std::map<std::string, TemplateSource> templates;  // by name without ".mustache"
  /// Interface strings per site language: key → text (theme's, then the site's overrides).
  std::map<std::string, std::map<std::string, std::string>> strings;
  std::map<std::string, std::string> assets;  // path under assets/ → bytes

  const std::string& String(const std::string& lang, const std::string& key) const;
};

/// Resolves the theme for a site; errors for an unknown theme or i18n key.
std::optional<Theme> LoadTheme(const FileSystem& site, const SiteConfig& config,
                               Diagnostics& diags);

}  // namespace nianbao
