#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "scaffold/scaffold.h"

namespace nianbao {

CLI::App* AddNewCommand(CLI::App& app, NewCommand& cmd) {
  CLI::App* n = app.add_subcommand("new", "Start a site or an edition from a template");
  n->require_subcommand(1);
  cmd.site_command = n->add_subcommand(
      "site", "Write a minimal bilingual site (one bureau, one edition) into DIR");
  cmd.site_command->add_option("DIR", cmd.dir, "The new site's folder")->required();
  cmd.site_command->footer(
      "The site builds with no warning: nianbao build --strict --site DIR. Nothing is "
      "overwritten: if any of its files exists, nothing is written (exit status 1).");
  cmd.edition_command = n->add_subcommand(
      "edition",
      "Add an edition folder: data.yaml listing every indicator as null, a narrative per "
      "language");
  cmd.edition_command->add_option("BUREAU", cmd.bureau, "Bureau id (content/bureaus/<id>.yaml)")
      ->required();
  cmd.edition_command->add_option("EDITION", cmd.edition, "YYYY, YYYY-h1, YYYY-h2, YYYY-q1 … q4")
      ->required();
  cmd.edition_command->add_option("--site,-s", cmd.site, "Site folder (holds content/)")
      ->capture_default_str();
  cmd.edition_command->footer(
      "Fill in data.yaml, or run nianbao import on the statistics office's spreadsheet. "
      "Nothing is overwritten: if any of the files exists, nothing is written (exit status 1).");
  return n;
}

int RunNew(const NewCommand& cmd) {
  Diagnostics diags;
  std::vector<scaffold::NewFile> files;
  std::string root;
  if (cmd.site_command->parsed()) {
    files = scaffold::SiteFiles();
    root = cmd.dir;
  } else {
    DiskFileSystem site(cmd.site);
    auto edition = scaffold::EditionFiles(site, cmd.bureau, cmd.edition, diags);
    if (!edition) {
      std::cerr << diags.FormatAll() << "nianbao: new edition: nothing was written\n";
      return kExitContentError;
    }
    files = std::move(*edition);
    root = cmd.site;
  }
  if (!scaffold::WriteNewFiles(root, files, diags)) {
    std::cerr << diags.FormatAll() << "nianbao: new: nothing was written\n";
    return kExitContentError;
  }
  for (const scaffold::NewFile& f : files) std::cerr << "  " << f.path << "\n";
  if (cmd.site_command->parsed()) {
    std::cerr << "nianbao: new site: " << files.size() << " files in " << root
              << "; build it with: nianbao build --site " << root << "\n";
  } else {
    std::cerr << "nianbao: new edition: " << files.size() << " files; fill in data.yaml or run: "
              << "nianbao import FILE --bureau " << cmd.bureau << " --edition " << cmd.edition
              << (cmd.site == "." ? "" : " --site " + cmd.site) << "\n";
  }
  return kExitOk;
}

}  // namespace nianbao
