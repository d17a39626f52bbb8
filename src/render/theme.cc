#include "render/theme.h"

#include "core/text.h"
#include "render/embedded_theme.h"
#include "yaml/reader.h"

namespace nianbao {

const std::string& Theme::String(const std::string& lang, const std::string& key) const {
  static const std::string kEmpty;
  auto l = strings.find(lang);
  if (l == strings.end()) return kEmpty;
  auto it = l->second.find(key);
  return it == l->second.end() ? kEmpty : it->second;
}

namespace {

// Files of one theme layer: path under the theme folder → (message path, bytes).
using Layer = std::map<std::string, TemplateSource>;

// Themes are a few folders deep; deeper is a loop that the file system did not catch.
constexpr int kMaxThemeDepth = 32;

void ListInto(const FileSystem& site, const std::string& root, const std::string& dir, Layer& layer,
              Diagnostics& diags, int depth = 0) {
  if (depth > kMaxThemeDepth) {
    diags.Error({JoinPath(root, dir), 0, 0}, "folders nested more than " +
                                                 std::to_string(kMaxThemeDepth) +
                                                 " deep: is there a loop of symbolic links?");
    return;
  }
  for (const DirEntry& e : site.List(JoinPath(root, dir))) {
    std::string rel = JoinPath(dir, e.name);
    if (e.is_dir) {
      ListInto(site, root, rel, layer, diags, depth + 1);
    } else if (auto bytes = site.Read(JoinPath(root, rel))) {
      layer[rel] = {JoinPath(root, rel), *bytes};
    }
  }
}

// Reads a flat "key: text" file of interface strings into `out`.
void ReadStrings(const TemplateSource& file, const std::map<std::string, std::string>* known,
                 std::map<std::string, std::string>& out, Diagnostics& diags) {
  yaml::Source source{file.path, file.text, 1};
  std::optional<yaml::Node> root = yaml::Parse(file.text, source, diags);
  if (!root || root->IsNull()) return;
  yaml::Reader reader(source, diags);
  if (!reader.ExpectMap(*root, "an i18n file")) return;
  std::vector<std::string> keys;
  if (known) {
    for (const auto& [k, v] : *known) keys.push_back(k);
  }
  for (const auto& [key, value] : root->entries) {
    if (known && !known->count(key.value)) {
      reader.Error(key,
                   "unknown interface string '" + key.value + "'" + DidYouMean(key.value, keys));
      continue;
    }
    if (value.IsScalar()) {
      out[key.value] = value.value;
    } else {
      reader.Error(value, "'" + key.value + "' must be a text");
    }
  }
}

}  // namespace

std::optional<Theme> LoadTheme(const FileSystem& site, const SiteConfig& config,
                               Diagnostics& diags) {
  const int errors_before = diags.ErrorCount();
  Layer files;
  for (const EmbeddedFile& f : EmbeddedTheme()) {
    files[std::string(f.path)] = {"themes/default/" + std::string(f.path), std::string(f.bytes)};
  }
  const std::string theme_dir = "themes/" + config.theme;
  if (site.IsDir(theme_dir)) {
    ListInto(site, theme_dir, "", files, diags);
  } else if (config.theme != "default") {
    diags.Error({"content/site.yaml", 0, 0},
                "theme '" + config.theme + "' not found: there is no folder " + theme_dir);
    return std::nullopt;
  }
  Layer overrides;
  ListInto(site, "templates", "", overrides, diags);
  for (auto& [rel, source] : overrides) files["templates/" + rel] = source;

  Theme theme;
  for (auto& [rel, source] : files) {
    if (StartsWith(rel, "templates/") && EndsWith(rel, ".mustache")) {
      std::string name = rel.substr(10, rel.size() - 10 - 9);
      theme.templates[name] = source;
    } else if (StartsWith(rel, "assets/")) {
      theme.assets[rel.substr(7)] = source.text;
    }
  }
  // Interface strings: English is the fallback for a language the theme does not know.
  std::map<std::string, std::string> english;
  if (auto it = files.find("i18n/en.yaml"); it != files.end()) {
    ReadStrings(it->second, nullptr, english, diags);
  }
  for (const std::string& lang : config.languages) {
    std::map<std::string, std::string> strings = english;
    if (auto it = files.find("i18n/" + lang + ".yaml"); it != files.end()) {
      ReadStrings(it->second, &english, strings, diags);
    } else {
      strings["language_name"] = lang;  // never "English" for a language that is not
      diags.Warning({"content/site.yaml", 0, 0}, "the theme has no interface strings for '" + lang +
                                                     "'; English ones are used (add content/i18n/" +
                                                     lang + ".yaml)");
    }
    const std::string override_path = "content/i18n/" + lang + ".yaml";
    if (auto text = site.Read(override_path)) {
      ReadStrings({override_path, *text}, &english, strings, diags);
    }
    theme.strings[lang] = std::move(strings);
  }
  for (const DirEntry& e : site.List("content/i18n")) {
    std::string lang = e.name.substr(0, e.name.rfind('.'));
    if (!theme.strings.count(lang)) {
      diags.Warning({"content/i18n/" + e.name, 0, 0},
                    "ignored: '" + lang + "' is not one of the site's languages");
    }
  }
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return theme;
}

}  // namespace nianbao
