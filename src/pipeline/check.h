// `nianbao check`: everything a build checks, with nothing written. The site is loaded and
// rendered into a sink that drops every file, because narrative bodies (shortcodes, chart
// blocks, Markdown) are only read while their pages are rendered.
#pragma once

#include <vector>

#include "checks/translation_report.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "pipeline/build.h"

namespace nianbao {

struct CheckResult {
  Diagnostics diags;                       // exactly what a build would report
  bool loaded = false;                     // the site loaded (so the report below is known)
  std::vector<LanguageGaps> translations;  // empty unless loaded
};

CheckResult CheckSite(const FileSystem& site, const BuildOptions& options = {});

}  // namespace nianbao
