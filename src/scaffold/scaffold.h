// `nianbao new site` and `nianbao new edition`: files to start from, written only where
// nothing exists yet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/file_system.h"

namespace nianbao::scaffold {

struct NewFile {
  std::string path;  // relative to the site folder
  std::string text;
};

/// A minimal bilingual site (zh, en): one bureau, one edition with its figures and both
/// narratives, four indicators with data checks. It builds with no warning.
std::vector<NewFile> SiteFiles();

/// An edition folder for the site in `site`: data.yaml listing every indicator of the
/// catalogue as null (each under a comment with its name and unit), and a narrative with
/// front matter in each site language. nullopt (with diagnostics) if the site does not
/// load, the bureau is unknown or the edition name is not one.
std::optional<std::vector<NewFile>> EditionFiles(const FileSystem& site, const std::string& bureau,
                                                 const std::string& edition, Diagnostics& diags);

/// Writes `files` below `root`, refusing (an error per file, nothing written) if any of
/// them exists already. A write that fails midway removes the files it wrote.
bool WriteNewFiles(const std::string& root, const std::vector<NewFile>& files, Diagnostics& diags);

}  // namespace nianbao::scaffold
