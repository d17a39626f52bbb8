#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "serve/serve.h"

namespace nianbao {

int RunCli(int argc, char** argv) {
  CLI::App app{
      "nianbao (年报) builds a bilingual static website of work reports from YAML indicator data "
      "and Markdown narratives.\nSee README.md and docs/ for the content format."};
  app.set_version_flag("--version", std::string("nianbao ") + NIANBAO_VERSION);
  app.require_subcommand(1);

  BuildCommand build;
  CLI::App* b =
      app.add_subcommand("build", "Build the site into the output folder (default public/)");
  b->add_option("--site,-s", build.site, "Site folder (holds content/)")->capture_default_str();
  b->add_option("--out,-o", build.out, "Output folder (default: <site>/public)");
  b->add_flag("--strict", build.strict, "Treat warnings as errors");
  b->add_flag("--quiet,-q", build.quiet, "Print only diagnostics");
  b->add_flag("--timings", build.timings, "Print how long loading, rendering and the swap took");
  b->add_flag("--publish", build.publish,
              "Build the copy for the live web server: adds the government badge and "
              "publish_snippet of site.yaml (never in a preview or an archive copy)");
  b->add_option("--jobs,-j", build.jobs, "Render threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  b->footer(
      "Exit status: 0 built; 1 the site has errors (or warnings with --strict), the output "
      "folder is untouched; 2 bad command line; 3 the output folder could not be written.");

  ServeOptions serve;
  CLI::App* s = app.add_subcommand(
      "serve", "Preview the site: build it, serve it, rebuild and reload pages on every change");
  s->add_option("--site,-s", serve.site, "Site folder (holds content/)")->capture_default_str();
  CLI::Option* port = s->add_option("--port,-p", serve.port,
                                    "Port (default 1313, or the next free one; 0: any free port)")
                          ->check(CLI::Range(0, 65535));
  s->add_option("--bind", serve.bind,
                "Address to listen on; anything but loopback lets other machines read the preview")
      ->capture_default_str();
  s->add_option("--jobs,-j", serve.jobs, "Render threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  s->footer(
      "Watches content/, templates/ and themes/. Pages reload when a rebuild changes them; "
      "build errors show in the terminal and over the page. Nothing is written to disk. "
      "Ctrl-C stops. Exit status: 0 stopped; 2 bad command line; 4 could not listen or watch.");

  VerifyCommand verify;
  CLI::App* v = app.add_subcommand(
      "verify", "Check a copy of a built site against its manifest.json (and a rebuild)");
  v->add_option("dir", verify.dir, "The copy: a folder nianbao built")->required();
  v->add_option("--site,-s", verify.site,
                "Also rebuild this site folder and check that the bytes are the same");
  v->add_option("--jobs,-j", verify.jobs, "Threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  v->footer(
      "Prints one line per missing, changed or extra file. Exit status: 0 the copy matches (and "
      "the rebuild gives the same bytes); 1 it does not, or the site did not build; 3 there is "
      "no readable manifest. Writes nothing (a rebuild goes to a temporary folder).");

  DiffCommand diff;
  CLI::App* d = app.add_subcommand("diff", "List the figures that differ between two builds");
  d->add_option("old", diff.old_dir, "The earlier build (a folder nianbao built)")->required();
  d->add_option("new", diff.new_dir, "The later build")->required();
  d->footer(
      "Reads each build's data/indicators.csv and data/bureaus.csv. One line per figure: "
      "changed, added or removed, with the bureau, edition and indicator in every language. "
      "Exit status: 0 no figure differs; 1 some do; 3 a folder has no readable open data.");

  CheckCommand check;
  CLI::App* c = AddCheckCommand(app, check);
  ImportCommand import_cmd;
  CLI::App* i = AddImportCommand(app, import_cmd);
  NewCommand scaffold;
  CLI::App* n = AddNewCommand(app, scaffold);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (b->parsed()) return RunBuild(build);
  if (v->parsed()) return RunVerify(verify);
  if (d->parsed()) return RunDiff(diff);

  if (c->parsed()) return RunCheck(check);
  if (i->parsed()) return RunImport(import_cmd);
  if (n->parsed()) return RunNew(scaffold);
  if (s->parsed()) {
    serve.port_given = port->count() > 0;
    return RunServe(serve) == 0 ? kExitOk : kExitServeError;
  }
  return kExitUsage;
}

}  // namespace nianbao
