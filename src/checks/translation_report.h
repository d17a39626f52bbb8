// What each language of a site lacks: report and page narratives that fall back to
// another language, and interface strings the theme and content/i18n do not give (the
// page then shows the English one). Printed by `nianbao check`.
#pragma once

#include <string>
#include <vector>

#include "core/file_system.h"
#include "model/site_model.h"

namespace nianbao {

struct Fallback {
  std::string missing;     // the narrative file that does not exist
  std::string shown_lang;  // the language its page shows instead
};

struct LanguageGaps {
  std::string lang;
  std::vector<Fallback> reports;  // editions whose narrative lacks this language
  std::vector<Fallback> pages;    // free-standing pages that lack it
  /// Keys of the default theme's English strings (the full set) that neither the site's
  /// theme nor content/i18n/<lang>.yaml gives for this language, sorted.
  std::vector<std::string> missing_strings;

  bool complete() const { return reports.empty() && pages.empty() && missing_strings.empty(); }
};

/// One entry per site language, in site.yaml's order. Editions in model order, pages by id.
std::vector<LanguageGaps> TranslationReport(const SiteModel& model, const FileSystem& site);

/// The report as text for a terminal, one block per language.
std::string FormatTranslationReport(const std::vector<LanguageGaps>& report);

}  // namespace nianbao
