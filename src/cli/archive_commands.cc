// `nianbao verify` and `nianbao diff`: the archivist's checks (docs/archiving.md).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "archive/figure_diff.h"
#include "archive/verify.h"
#include "cli/commands.h"
#include "output/staging.h"
#include "pipeline/build.h"

namespace nianbao {

namespace fs = std::filesystem;

namespace {

std::optional<Manifest> ReadManifest(const std::string& dir, Diagnostics& diags) {
  const std::string path = (fs::path(dir) / kManifestPath).string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.Error({path, 0, 0}, std::string("no ") + kManifestPath +
                                  ": not a folder nianbao built (or built before it wrote "
                                  "manifests)");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseManifest(text.str(), path, diags);
}

// Builds `site` into a fresh temporary folder and returns its manifest.
std::optional<Manifest> Rebuild(const std::string& site, int jobs, Diagnostics& diags) {
  std::error_code ec;
  fs::path tmp = fs::temp_directory_path(ec) / "nianbao-verify-XXXXXX";
  std::string pattern = tmp.string();
  if (!mkdtemp(pattern.data())) {
    diags.Error({tmp.string(), 0, 0}, "cannot create a temporary folder");
    return std::nullopt;
  }
  const std::string out = pattern + "/public";
  std::optional<Manifest> manifest;
  {
    DiskFileSystem fs_site(site);
    BuildOptions options;
    options.jobs = jobs;
    std::unique_ptr<StagingSink> sink = StagingSink::Create(out, site, diags);
    if (sink && BuildSite(fs_site, options, *sink, diags) && sink->Commit(diags)) {
      manifest = ReadManifest(out, diags);
    } else if (sink) {
      diags.Append(sink->Problems());
    }
  }
  fs::remove_all(pattern, ec);
  return manifest;
}

}  // namespace

int RunVerify(const VerifyCommand& cmd) {
  Diagnostics diags;
  std::optional<Manifest> manifest = ReadManifest(cmd.dir, diags);
  if (!manifest) {
    std::cerr << diags.FormatAll() << "nianbao: verify: nothing to check against\n";
    return kExitOutputError;
  }
  VerifyReport report = VerifyFolder(cmd.dir, *manifest);
  for (const std::string& p : report.missing) std::cout << "missing: " << p << "\n";
  for (const std::string& p : report.changed) std::cout << "changed: " << p << "\n";
  for (const std::string& p : report.extra) std::cout << "extra: " << p << "\n";
  bool ok = report.ok();
  std::cerr << "nianbao: verify: " << report.matched << " of " << manifest->files.size()
            << " files match the manifest"
            << (ok ? ""
                   : "; " + std::to_string(report.missing.size()) + " missing, " +
                         std::to_string(report.changed.size()) + " changed, " +
                         std::to_string(report.extra.size()) + " extra")
            << "\n";
  if (!cmd.site.empty()) {
    std::optional<Manifest> rebuilt = Rebuild(cmd.site, cmd.jobs, diags);
    if (!rebuilt) {
      std::cerr << diags.FormatAll() << "nianbao: verify: the site did not build\n";
      return kExitContentError;
    }
    std::vector<std::string> lines = CompareManifests(*manifest, *rebuilt);
    for (const std::string& line : lines) std::cout << "rebuild: " << line << "\n";
    std::cerr << "nianbao: verify: rebuilding " << cmd.site << " gives "
              << (lines.empty() ? "the same bytes" : "other bytes") << "\n";
    ok = ok && lines.empty();
  }
  return ok ? kExitOk : kExitContentError;
}

int RunDiff(const DiffCommand& cmd) {
  Diagnostics diags;
  std::optional<std::vector<FigureChange>> changes = DiffFigures(cmd.old_dir, cmd.new_dir, diags);
  if (!changes) {
    std::cerr << diags.FormatAll();
    return kExitOutputError;
  }
  for (const FigureChange& c : *changes) std::cout << c.Describe() << "\n";
  std::cerr << "nianbao: diff: " << changes->size() << " figure(s) differ\n";
  return changes->empty() ? kExitOk : kExitContentError;
}

}  // namespace nianbao
