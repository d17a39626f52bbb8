#include "config/site_config.h"

#include "core/ids.h"
#include "yaml/reader.h"

namespace nianbao {

std::optional<SiteConfig> LoadSiteConfig(const FileSystem& site, Diagnostics& diags) {
  const std::string path = "content/site.yaml";
  std::optional<std::string> text = site.Read(path);
  if (!text) {
    diags.Error({path, 0, 0}, "no site.yaml: is this a nianbao site folder? (use --site DIR)");
    return std::nullopt;
  }
  yaml::Source source{path, *text, 1};
  std::optional<yaml::Node> root = yaml::Parse(*text, source, diags);
  if (!root) return std::nullopt;
  yaml::Reader bare(source, diags);
  if (!bare.ExpectMap(*root, "site.yaml")) return std::nullopt;
  bare.CheckKeys(*root, {"title", "languages", "base_url", "theme", "description", "footer",
                         "unsafe_html", "government"});

  SiteConfig config;
  const int errors_before = diags.ErrorCount();
  if (const yaml::Node* langs = bare.Required(*root, "languages")) {
    if (auto items = bare.List(*langs, "languages")) {
      for (const yaml::Node* item : *items) {
        if (!item->IsScalar() || !IsValidLanguage(item->value)) {
          bare.Error(
              *item,
              "'" + item->value + "' is not a language code (like zh, en or zh-Hant)" +
                  (IsWindowsReservedName(item->value) ? ": " + std::string(kWindowsReservedAdvice)
                                                      : std::string()));
          continue;
        }
        for (const std::string& seen : config.languages) {
          if (seen == item->value) bare.Error(*item, "language '" + seen + "' is listed twice");
        }
        config.languages.push_back(item->value);
      }
      if (items->empty()) bare.Error(*langs, "languages must list at least one language");
    }
  }
  if (config.languages.empty()) return std::nullopt;

  yaml::Reader reader(source, diags, config.languages);
  if (const yaml::Node* n = reader.Required(*root, "title")) {
    if (auto t = reader.Text(*n, "title")) config.title = *t;
  }
  if (const yaml::Node* n = root->Find("base_url"); n && !n->IsNull()) {
    if (auto s = reader.String(*n, "base_url")) {
      if (s->rfind("http://", 0) != 0 && s->rfind("https://", 0) != 0) {
        reader.Error(*n, "base_url must start with http:// or https://");
      }
      config.base_url = *s;
      if (config.base_url.back() != '/') config.base_url += '/';
    }
  }
  if (const yaml::Node* n = root->Find("theme"); n && !n->IsNull()) {
    if (auto s = reader.String(*n, "theme")) {
      if (!IsValidId(*s)) reader.Error(*n, "theme must be a folder name like 'default'");
      config.theme = *s;
    }
  }
  if (const yaml::Node* n = root->Find("description"); n && !n->IsNull()) {
    if (auto t = reader.Text(*n, "description")) config.description = *t;
  }
  if (const yaml::Node* n = root->Find("footer"); n && !n->IsNull()) {
    if (auto t = reader.Text(*n, "footer")) config.footer = *t;
  }
  if (const yaml::Node* n = root->Find("unsafe_html"); n && !n->IsNull()) {
    if (auto b = reader.Bool(*n, "unsafe_html")) config.unsafe_html = *b;
  }
  if (const yaml::Node* n = root->Find("government")) {
    config.government = ReadGovernment(*n, reader, site);
  }
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return config;
}

}  // namespace nianbao
