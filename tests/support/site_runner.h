// Test helpers: copy a fixture site to a temporary folder, run the nianbao binary on it.
#pragma once

#include <map>
#include <string>

namespace nianbao::testing {

/// A fresh temporary folder, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

/// Runs `command` through the shell; captures its output and exit status.
RunResult RunCommand(const std::string& command);

/// Copies folder `from` into `to` (created), recursively.
void CopyTree(const std::string& from, const std::string& to);

/// Every regular file below `root`: relative path → bytes.
std::map<std::string, std::string> ReadTree(const std::string& root);

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& bytes);

/// The fixture folder tests/sites/<name>.
std::string FixtureSite(const std::string& name);
/// The nianbao binary under test.
std::string Binary();

}  // namespace nianbao::testing
