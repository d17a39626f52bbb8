// manifest.json: what a build was made from and every file it wrote, so that a copy can be
// checked years later (`nianbao verify`). Deterministic: no time, host or absolute path.
#pragma once

#include <functional>
#include <optional>

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/file_system.h"
#include "output/sink.h"

namespace nianbao {

inline constexpr char kManifestPath[] = "manifest.json";
inline constexpr char kManifestFormat[] = "nianbao-manifest/1";

struct Manifest {
  std::string generator;       // "nianbao 0.1.0"
  std::string content_sha256;  // ContentDigest of the site's content/ folder
  size_t content_files = 0;
  std::string theme;               // its name
  std::string theme_sha256;        // of every template, string and asset it resolved to
  std::vector<WrittenFile> files;  // sorted by path; the manifest itself is not among them
};

/// SHA-256 over "<path>\n<sha256 of the file>\n" for every file below `dir` (the files a
/// build may read: hidden names and editor backups are not), sorted by path. Files are
/// hashed on `jobs` threads (0: every core); a file whose digest `known` gives (a build
/// hashed it as it loaded it) is not read again.
std::pair<std::string, size_t> TreeDigest(
    const FileSystem& site, const std::string& dir, int jobs = 0,
    const std::function<std::optional<std::string>(const std::string&)>& known = {});

/// The manifest as JSON: one file per line, so that two manifests diff line by line.
std::string ManifestJson(const Manifest& manifest);

/// Reads a manifest; nullopt with an error at `path` if it is not one. Every file path is
/// checked to stay inside the folder (no "..", no absolute path, no backslash).
std::optional<Manifest> ParseManifest(const std::string& text, const std::string& path,
                                      Diagnostics& diags);

}  // namespace nianbao
