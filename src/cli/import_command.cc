#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "core/text.h"
#include "importer/import.h"

namespace nianbao {

CLI::App* AddImportCommand(CLI::App& app, ImportCommand& cmd) {
  CLI::App* c = app.add_subcommand(
      "import", "Write an edition's data.yaml from a spreadsheet (.xlsx or .csv)");
  c->add_option("FILE", cmd.file,
                "The spreadsheet: one row per indicator (id or Chinese name, "
                "value, optional note)")
      ->required();
  c->add_option("--bureau,-b", cmd.bureau, "Bureau id (content/bureaus/<id>.yaml)")->required();
  c->add_option("--edition,-e", cmd.edition, "Edition: YYYY, YYYY-h1, YYYY-h2, YYYY-q1 … q4")
      ->required();
  c->add_option("--site,-s", cmd.site, "Site folder (holds content/)")->capture_default_str();
  c->add_option("--encoding", cmd.encoding,
                "CSV text encoding: auto (UTF-8 if it is valid UTF-8, else GB18030), utf-8, "
                "gbk or gb18030")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gbk", "cp936", "gb18030"}, CLI::ignore_case))
      ->capture_default_str();
  c->add_option("--sheet", cmd.sheet, ".xlsx: the sheet to read (default: the first one)");
  c->add_flag("--check", cmd.check, "Dry run: check everything, write nothing");
  c->add_flag("--strict", cmd.strict,
              "Treat warnings (failed data checks, notes without a translation) as errors");
  c->footer(
      "Values are read as in data.yaml, and also as people type them: 1,234,567, full-width "
      "digits, 98.7% for a rate, 31.52万 for a count, a trailing unit (123456户); 不公开 or "
      "withheld for a withheld figure; an empty cell for one not reported. A header row may "
      "name the columns (指标, 数值 or the year, 单位, 备注, note_en). Other figures of an "
      "existing data.yaml are kept. Nothing is written if anything is wrong; the new file "
      "replaces the old one in one rename. Exit status: 0 imported (or --check passed); 1 "
      "errors in the spreadsheet or the site (or warnings with --strict); 2 bad command line; "
      "3 data.yaml could not be written.");
  return c;
}

int RunImport(const ImportCommand& cmd) {
  importer::ImportRequest request;
  request.site = cmd.site;
  request.file = cmd.file;
  request.bureau = cmd.bureau;
  request.edition = cmd.edition;
  request.encoding = importer::ParseEncoding(cmd.encoding).value_or(importer::Encoding::kAuto);
  request.sheet = cmd.sheet;
  request.check_only = cmd.check;
  request.strict = cmd.strict;
  const bool csv = EndsWith(cmd.file, ".csv") || EndsWith(cmd.file, ".CSV");
  if (!csv && cmd.encoding != "auto") {
    std::cerr << "nianbao import: --encoding is for CSV files only\n";
    return kExitUsage;
  }
  if (csv && !cmd.sheet.empty()) {
    std::cerr << "nianbao import: --sheet is for .xlsx files only\n";
    return kExitUsage;
  }
  importer::ImportResult r = importer::Import(request);
  std::cerr << r.diags.FormatAll();
  if (r.write_failed) {
    std::cerr << "nianbao: import: " << r.data_path << " could not be written; it is as it was\n";
    return kExitOutputError;
  }
  if (!r.ok) {
    std::cerr << "nianbao: import failed: " << r.diags.ErrorCount() << " error(s), "
              << r.diags.WarningCount() << " warning(s)"
              << (!r.diags.HasErrors() ? " (--strict makes warnings errors)" : "")
              << "; nothing was written\n";
    return kExitContentError;
  }
  std::cerr << r.Summary(request);
  return kExitOk;
}

}  // namespace nianbao
