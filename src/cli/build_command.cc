#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "core/file_system.h"
#include "output/staging.h"
#include "pipeline/build.h"

namespace nianbao {

int RunBuild(const BuildCommand& cmd) {
  auto start = std::chrono::steady_clock::now();
  const std::string out = cmd.out.empty() ? JoinPath(cmd.site, "public") : cmd.out;
  // A folder that must not be replaced is refused before anything is read or written.
  if (std::string problem = OutputProblem(out, cmd.site); !problem.empty()) {
    std::cerr << out << ": error: cannot build into this folder: " << problem << "\n";
    return kExitOutputError;
  }
  DiskFileSystem site(cmd.site);
  Diagnostics diags;
  BuildOptions options;
  options.jobs = cmd.jobs;
  options.publish = cmd.publish;
  auto failed = [&](const char* what) {
    std::cerr << diags.FormatAll();
    bool strict_only = !diags.HasErrors();
    std::cerr << "nianbao: build failed: " << diags.ErrorCount() << " error(s), "
              << diags.WarningCount() << " warning(s)"
              << (strict_only ? " (--strict makes warnings errors)" : "") << "; " << what << "\n";
    return kExitContentError;
  };
  using Clock = std::chrono::steady_clock;
  Clock::time_point mark = Clock::now();
  auto phase = [&](const char* name) {
    if (!cmd.timings) return;
    Clock::time_point now = Clock::now();
    std::fprintf(stderr, "nianbao: %-8s %7.3f s\n", name,
                 std::chrono::duration<double>(now - mark).count());
    mark = now;
  };
  // Loaded through a recorder: the manifest's digest of content/ reuses what was read.
  RecordingFileSystem recorded(site);
  std::optional<SiteModel> model = LoadSite(recorded, diags, options);
  phase("load");
  if (!model || diags.HasErrors() || (cmd.strict && diags.WarningCount() > 0)) {
    return failed("the output folder was not touched");
  }
  Diagnostics write_diags;
  std::unique_ptr<StagingSink> sink = StagingSink::Create(out, cmd.site, write_diags);
  if (!sink) {
    std::cerr << write_diags.FormatAll();
    return kExitOutputError;
  }
  bool rendered = RenderLoadedSite(site, *model, options, *sink, diags, &recorded);
  phase("render");
  if (sink->failed()) {
    std::cerr << diags.FormatAll() << sink->Problems().FormatAll();
    sink->Abort();
    std::cerr << "nianbao: the output folder could not be written; it was not touched\n";
    return kExitOutputError;
  }
  if (!rendered || diags.HasErrors() || (cmd.strict && diags.WarningCount() > 0)) {
    sink->Abort();
    return failed("the output folder was not touched");
  }
  std::cerr << diags.FormatAll();  // warnings
  RenderStats stats = CountWritten(*sink);
  if (!sink->Commit(write_diags)) {
    std::cerr << write_diags.FormatAll();
    return kExitOutputError;
  }
  phase("swap");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!cmd.quiet) {
    char line[256];
    std::snprintf(line, sizeof line, "nianbao: %d pages, %d files, %d warning(s) in %.2f s → %s\n",
                  stats.pages, stats.files, diags.WarningCount(), seconds, out.c_str());
    std::cerr << line;
  }
  return kExitOk;
}

}  // namespace nianbao
