// `nianbao import`: the statistics office's spreadsheet (.csv or .xlsx, one row per
// indicator) into an edition's data.yaml, checked as a build checks it, then the data
// checks run on the result. All or nothing: on any error nothing is written, and the
// new file replaces the old one in a single rename.
#pragma once

#include <string>

#include "core/diagnostic.h"
#include "importer/encoding.h"

namespace nianbao::importer {

struct ImportRequest {
  std::string site = ".";
  std::string file;  // the spreadsheet, as given on the command line
  std::string bureau, edition;
  Encoding encoding = Encoding::kAuto;  // CSV only
  std::string sheet;                    // .xlsx only; "" for the first sheet
  bool check_only = false;              // --check: write nothing
  bool strict = false;                  // warnings fail the import too
};

struct ImportResult {
  Diagnostics diags;
  bool ok = false;            // no errors (and no warnings with strict)
  bool write_failed = false;  // the file could not be written (diags say why)
  bool written = false;
  std::string data_path;                                // relative to the site
  std::string text;                                     // the new data.yaml
  int added = 0, changed = 0, unchanged = 0, kept = 0;  // values, by what happened to them
  std::string encoding;                                 // the CSV encoding used, "" for .xlsx

  /// One line for the terminal: what was (or would be) written.
  std::string Summary(const ImportRequest& request) const;
};

ImportResult Import(const ImportRequest& request);

}  // namespace nianbao::importer
