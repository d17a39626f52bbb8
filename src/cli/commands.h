// The command line: `nianbao build`, `nianbao serve`, in the Hugo habit.
#pragma once

#include <string>
#include <vector>

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
  int jobs = 0;
};

/// Runs a build and prints diagnostics and a one-line summary to stderr.
int RunBuild(const BuildCommand& cmd);

/// Parses argv and runs the command.
int RunCli(int argc, char** argv);

}  // namespace nianbao
