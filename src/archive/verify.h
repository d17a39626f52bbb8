// `nianbao verify`: does a copy of a site hold exactly the files its manifest lists?
#pragma once

#include <string>
#include <vector>

#include "output/manifest.h"

namespace nianbao {

struct VerifyReport {
  std::vector<std::string> missing;  // listed, not in the folder
  std::vector<std::string> changed;  // listed, other size or bytes
  std::vector<std::string> extra;    // in the folder, not listed (manifest.json aside)
  size_t matched = 0;
  bool ok() const { return missing.empty() && changed.empty() && extra.empty(); }
};

/// Checks every file of `manifest` under `dir` (hashed on every core) and looks for files
/// it does not list. Reads only.
VerifyReport VerifyFolder(const std::string& dir, const Manifest& manifest);

/// The differences between two manifests of the same site (a published copy's and a fresh
/// rebuild's): one line per file that is missing, extra or different, and the inputs.
std::vector<std::string> CompareManifests(const Manifest& published, const Manifest& rebuilt);

}  // namespace nianbao
