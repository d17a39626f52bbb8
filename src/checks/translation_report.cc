#include "checks/translation_report.h"

#include <set>

#include "render/embedded_theme.h"
#include "yaml/parse.h"

namespace nianbao {

namespace {

// The keys of a flat i18n file; its errors are LoadTheme's to report.
std::set<std::string> KeysOf(const std::string& path, std::string_view text) {
  std::set<std::string> keys;
  Diagnostics ignored;
  std::optional<yaml::Node> root = yaml::Parse(text, {path, text, 1}, ignored);
  if (!root || !root->IsMap()) return keys;
  for (const auto& [key, value] : root->entries) {
    if (key.IsScalar() && value.IsScalar()) keys.insert(key.value);
  }
  return keys;
}

std::optional<std::string_view> Embedded(const std::string& path) {
  for (const EmbeddedFile& f : EmbeddedTheme()) {
    if (f.path == path) return f.bytes;
  }
  return std::nullopt;
}

// Keys a language gets from its theme file (the site's theme folder first, as LoadTheme
// layers them) and from content/i18n.
std::set<std::string> KeysFor(const std::string& lang, const SiteModel& model,
                              const FileSystem& site) {
  const std::string rel = "i18n/" + lang + ".yaml";
  const std::string theme_file = "themes/" + model.config.theme + "/" + rel;
  std::set<std::string> keys;
  if (auto text = site.Read(theme_file)) {
    keys = KeysOf(theme_file, *text);
  } else if (auto bytes = Embedded(rel)) {
    keys = KeysOf("themes/default/" + rel, *bytes);
  }
  const std::string own = "content/" + rel;
  if (auto text = site.Read(own)) keys.merge(KeysOf(own, *text));
  return keys;
}

const std::string& ShownLanguage(const std::map<std::string, Narrative>& narratives,
                                 const SiteConfig& config) {
  auto it = narratives.find(config.default_language());
  return it != narratives.end() ? it->second.lang : narratives.begin()->second.lang;
}

void Add(const std::map<std::string, Narrative>& narratives, const std::string& missing,
         const std::string& lang, const SiteConfig& config, std::vector<Fallback>& into) {
  if (narratives.empty() || narratives.count(lang)) return;
  into.push_back({missing, ShownLanguage(narratives, config)});
}

}  // namespace

std::vector<LanguageGaps> TranslationReport(const SiteModel& model, const FileSystem& site) {
  std::set<std::string> reference;
  if (auto en = Embedded("i18n/en.yaml")) reference = KeysOf("themes/default/i18n/en.yaml", *en);
  std::vector<LanguageGaps> report;
  for (const std::string& lang : model.config.languages) {
    LanguageGaps gaps;
    gaps.lang = lang;
    for (const Edition& e : model.content.editions) {
      Add(e.narratives, "content/reports/" + e.bureau + "/" + e.name + "/report." + lang + ".md",
          lang, model.config, gaps.reports);
    }
    for (const Page& p : model.content.pages) {
      Add(p.narratives, "content/pages/" + p.id + "." + lang + ".md", lang, model.config,
          gaps.pages);
    }
    std::set<std::string> have = KeysFor(lang, model, site);
    for (const std::string& key : reference) {
      if (!have.count(key)) gaps.missing_strings.push_back(key);
    }
    report.push_back(std::move(gaps));
  }
  return report;
}

std::string FormatTranslationReport(const std::vector<LanguageGaps>& report) {
  std::string out = "translations:\n";
  for (const LanguageGaps& g : report) {
    if (g.complete()) {
      out += "  " + g.lang + ": complete\n";
      continue;
    }
    out += "  " + g.lang + ": " + std::to_string(g.reports.size()) + " report(s) and " +
           std::to_string(g.pages.size()) + " page(s) shown in another language, " +
           std::to_string(g.missing_strings.size()) + " interface string(s) missing\n";
    for (const Fallback& f : g.reports)
      out += "    " + f.missing + " (shows " + f.shown_lang + ")\n";
    for (const Fallback& f : g.pages) out += "    " + f.missing + " (shows " + f.shown_lang + ")\n";
    if (!g.missing_strings.empty()) {
      std::string keys;
      for (const std::string& k : g.missing_strings) keys += (keys.empty() ? "" : ", ") + k;
      out += "    interface strings not translated (add them to content/i18n/" + g.lang +
             ".yaml): " + keys + "\n";
    }
  }
  return out;
}

}  // namespace nianbao
