// data.yaml as import and `new edition` rewrite it: its values and notes held by
// indicator, written back deterministically in catalogue order (content-format §5.2).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "config/site_config.h"
#include "content/content.h"
#include "core/diagnostic.h"

namespace nianbao::importer {

struct NoteText {
  bool every_language = false;              // written as one plain text for every language
  std::map<std::string, std::string> text;  // by language (every_language: the one key "")
};

struct DataFile {
  std::vector<std::string> header;  // comment lines at the top of the file, kept as written
  /// By Indicator::index: the value as data.yaml writes it ("315200", "withheld", "null");
  /// nullopt when data.yaml does not list the indicator.
  std::vector<std::optional<std::string>> values;
  std::vector<std::optional<NoteText>> notes;  // by Indicator::index
  std::vector<LineCol> positions;              // of the values in the file read (empty if none)
};

/// An empty file for the catalogue: nothing listed.
DataFile EmptyDataFile(const Catalog& catalog);

/// Reads an existing data.yaml, checked as a build checks it; nullopt on errors.
std::optional<DataFile> ReadDataFile(const std::string& path, const std::string& text,
                                     const SiteConfig& config, const Catalog& catalog,
                                     Diagnostics& diags);

/// The file's text: its header comments, then `values:` with each listed indicator in
/// catalogue order (each after a comment with its name and unit), then `notes:`. Plain
/// decimals, words and double-quoted texts only: the same data gives the same bytes.
std::string FormatDataFile(const DataFile& data, const Catalog& catalog, const SiteConfig& config);

/// A YAML double-quoted scalar.
std::string QuoteYaml(std::string_view text);

}  // namespace nianbao::importer
