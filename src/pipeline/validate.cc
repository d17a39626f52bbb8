#include "pipeline/validate.h"

namespace nianbao {

void Validate(const SiteModel& model, Diagnostics& diags) {
  const std::vector<std::string>& langs = model.config.languages;
  auto check = [&](const std::map<std::string, Narrative>& narratives, const std::string& dir,
                   const std::string& stem) {
    if (narratives.empty()) return;
    const Narrative& shown = narratives.count(model.config.default_language())
                                 ? narratives.at(model.config.default_language())
                                 : narratives.begin()->second;
    for (const std::string& lang : langs) {
      if (narratives.count(lang)) continue;
      diags.Warning({dir + "/" + stem + "." + lang + ".md", 0, 0},
                    "missing translation: the '" + lang + "' page shows the '" + shown.lang +
                        "' text (" + shown.path + ")");
    }
  };
  for (const Edition& e : model.content.editions) {
    check(e.narratives, "content/reports/" + e.bureau + "/" + e.name, "report");
  }
  for (const Page& p : model.content.pages) check(p.narratives, "content/pages", p.id);
  for (const Bureau& b : model.catalog.bureaus) {
    if (model.EditionsOf(b.id).empty()) {
      diags.Warning({"content/bureaus/" + b.id + ".yaml", 0, 0},
                    "bureau '" + b.id + "' has no editions yet");
    }
  }
}

}  // namespace nianbao
