#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "core/file_system.h"
#include "output/writer.h"
#include "pipeline/build.h"

namespace nianbao {

int RunBuild(const BuildCommand& cmd) {
  auto start = std::chrono::steady_clock::now();
  DiskFileSystem site(cmd.site);
  Diagnostics diags;
  RenderOptions options;
  options.jobs = cmd.jobs;
  site.CheckLinks(diags);  // links out of the site or in a loop: refused, and said so
  std::optional<OutputFiles> files = BuildSite(site, options, diags);
  std::cerr << diags.FormatAll();
  bool strict_fail = cmd.strict && diags.WarningCount() > 0;
  if (!files || diags.HasErrors() || strict_fail) {
    std::cerr << "nianbao: build failed: " << diags.ErrorCount() << " error(s), "
              << diags.WarningCount() << " warning(s)"
              << (strict_fail && !diags.HasErrors() ? " (--strict makes warnings errors)" : "")
              << "; the output folder was not touched\n";
    return kExitContentError;
  }
  std::string out = cmd.out.empty() ? JoinPath(cmd.site, "public") : cmd.out;
  Diagnostics write_diags;
  if (!WriteSite(out, *files, write_diags)) {
    std::cerr << write_diags.FormatAll();
    return kExitOutputError;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BuildStats stats = CountOutput(*files);
  if (!cmd.quiet) {
    char line[256];
    std::snprintf(line, sizeof line, "nianbao: %d pages, %d files, %d warning(s) in %.2f s → %s\n",
                  stats.pages, stats.files, diags.WarningCount(), seconds, out.c_str());
    std::cerr << line;
  }
  return kExitOk;
}

}  // namespace nianbao
