#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "pipeline/check.h"

namespace nianbao {

namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order (docs/errors.md)

Json Fallbacks(const std::vector<Fallback>& list) {
  Json out = Json::array();
  for (const Fallback& f : list) out.push_back({{"missing", f.missing}, {"shown", f.shown_lang}});
  return out;
}

std::string JsonReport(const CheckResult& r, bool ok) {
  Json diagnostics = Json::array();
  for (const Diagnostic& d : r.diags.Sorted()) {
    diagnostics.push_back({{"file", d.pos.path},
                           {"line", d.pos.line},
                           {"column", d.pos.col},
                           {"severity", d.severity == Severity::kError ? "error" : "warning"},
                           {"message", d.message},
                           {"source_line", d.source_line}});
  }
  Json translations = Json::array();
  for (const LanguageGaps& g : r.translations) {
    translations.push_back({{"language", g.lang},
                            {"reports", Fallbacks(g.reports)},
                            {"pages", Fallbacks(g.pages)},
                            {"missing_strings", g.missing_strings}});
  }
  Json doc = {{"format", 1},
              {"ok", ok},
              {"errors", r.diags.ErrorCount()},
              {"warnings", r.diags.WarningCount()},
              {"diagnostics", diagnostics},
              {"translations", translations}};
  // Invalid UTF-8 in a message (a file's own bytes) is replaced, never a crash.
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

CLI::App* AddCheckCommand(CLI::App& app, CheckCommand& cmd) {
  CLI::App* c = app.add_subcommand(
      "check", "Check the site as a build does, and report missing translations; write nothing");
  c->add_option("--site,-s", cmd.site, "Site folder (holds content/)")->capture_default_str();
  c->add_option("--format", cmd.format, "text (for people) or json (for editors and CI)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  c->add_flag("--strict", cmd.strict, "Treat warnings as errors");
  c->add_option("--jobs,-j", cmd.jobs, "Threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  c->footer(
      "Loads the site, runs the data checks of indicators.yaml and renders every page, "
      "throwing the pages away, so that narrative errors are found too. Text: diagnostics on "
      "stderr, the translation report on stdout. JSON (--format json): one document on stdout, "
      "described in docs/errors.md. Exit status: 0 no errors; 1 errors (or warnings with "
      "--strict); 2 bad command line.");
  return c;
}

int RunCheck(const CheckCommand& cmd) {
  DiskFileSystem site(cmd.site);
  BuildOptions options;
  options.jobs = cmd.jobs;
  CheckResult r = CheckSite(site, options);
  const bool ok = !r.diags.HasErrors() && !(cmd.strict && r.diags.WarningCount() > 0);
  if (cmd.format == "json") {
    std::cout << JsonReport(r, ok);
    return ok ? kExitOk : kExitContentError;
  }
  std::cerr << r.diags.FormatAll();
  if (r.loaded) std::cout << FormatTranslationReport(r.translations);
  std::cerr << "nianbao: check: " << r.diags.ErrorCount() << " error(s), " << r.diags.WarningCount()
            << " warning(s)"
            << (!ok && !r.diags.HasErrors() ? " (--strict makes warnings errors)" : "")
            << "; nothing written\n";
  return ok ? kExitOk : kExitContentError;
}

}  // namespace nianbao
