// The command line: `nianbao build`, `serve`, `check`, `import`, `new`, in the Hugo habit.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace nianbao {

/// Exit codes scripts can rely on.
enum ExitCode : int {
  kExitOk = 0,
  kExitContentError = 1,  // the site has errors (or warnings with --strict)
  kExitUsage = 2,         // bad command line
  kExitOutputError = 3,   // the output folder could not be written
  kExitServeError = 4,    // serve: could not listen on the address or watch the site
};

struct BuildCommand {
  std::string site = ".";
  std::string out;  // default: <site>/public
  bool strict = false;
  bool quiet = false;
  bool timings = false;  // print how long each stage took
  bool publish = false;  // the live site: badge and snippet of site.yaml's government block
  int jobs = 0;
};

/// Runs a build and prints diagnostics and a one-line summary to stderr.
int RunBuild(const BuildCommand& cmd);

struct VerifyCommand {
  std::string dir;   // a published copy, with its manifest.json
  std::string site;  // also rebuild this site and compare, if given
  int jobs = 0;
};

/// Checks a copy against its manifest (and, with a site, against a rebuild). 0: it
/// matches; 1: it does not (or the site did not build); 3: no readable manifest.
int RunVerify(const VerifyCommand& cmd);

struct DiffCommand {
  std::string old_dir, new_dir;  // two builds
};

/// Lists the figures that differ between two builds. 0: none; 1: some; 3: unreadable.
int RunDiff(const DiffCommand& cmd);

/// `nianbao check`: everything build checks, nothing written (cli/check_command.cc).
struct CheckCommand {
  std::string site = ".";
  std::string format = "text";  // text | json
  bool strict = false;
  int jobs = 0;
};
CLI::App* AddCheckCommand(CLI::App& app, CheckCommand& cmd);
int RunCheck(const CheckCommand& cmd);

/// `nianbao import FILE`: a spreadsheet into data.yaml (cli/import_command.cc).
struct ImportCommand {
  std::string site = ".";
  std::string file, bureau, edition;
  std::string encoding = "auto";
  std::string sheet;
  bool check = false;
  bool strict = false;
};
CLI::App* AddImportCommand(CLI::App& app, ImportCommand& cmd);
int RunImport(const ImportCommand& cmd);

/// `nianbao new site DIR`, `nianbao new edition BUREAU EDITION` (cli/new_command.cc).
struct NewCommand {
  std::string dir;  // new site
  std::string site = ".";
  std::string bureau, edition;  // new edition
  CLI::App* site_command = nullptr;
  CLI::App* edition_command = nullptr;
};
CLI::App* AddNewCommand(CLI::App& app, NewCommand& cmd);
int RunNew(const NewCommand& cmd);

/// Parses argv and runs the command.
int RunCli(int argc, char** argv);

}  // namespace nianbao
