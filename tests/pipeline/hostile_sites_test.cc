// Each folder under tests/hostile/ is a hostile change to tests/sites/good (files to add or
// replace, names in delete.txt to remove, and in symlinks.txt lines "link -> target" of
// symbolic links to make). The build must end by itself with exit status 1 (no crash, no
// hang) and print exactly expected.txt.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <sstream>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

const std::string kHostile = std::string(NIANBAO_SOURCE_DIR) + "/tests/hostile";

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kHostile)) {
    if (e.is_directory()) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool IsControlFile(const std::string& rel) {
  return rel == "expected.txt" || rel == "delete.txt" || rel == "symlinks.txt";
}

std::string WithoutSummary(const std::string& output) {
  std::string out;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("nianbao: ", 0) == 0) continue;
    out += line + "\n";
  }
  return out;
}

class HostileSite : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileSite, FailsWithItsExactDiagnosticAndDoesNotCrashOrHang) {
  const std::string case_dir = kHostile + "/" + GetParam();
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  for (const auto& e : fs::recursive_directory_iterator(case_dir)) {
    std::string rel = fs::relative(e.path(), case_dir).generic_string();
    if (!e.is_regular_file() || IsControlFile(rel)) continue;
    WriteFile(site + "/" + rel, ReadFile(e.path().string()));
  }
  std::istringstream deletions(ReadFile(case_dir + "/delete.txt"));
  for (std::string rel; std::getline(deletions, rel);) {
    if (!rel.empty()) fs::remove_all(site + "/" + rel);
  }
  std::istringstream links(ReadFile(case_dir + "/symlinks.txt"));
  for (std::string line; std::getline(links, line);) {
    size_t arrow = line.find(" -> ");
    if (arrow == std::string::npos) continue;
    const fs::path link = site + "/" + line.substr(0, arrow);
    fs::create_directories(link.parent_path());
    fs::create_symlink(line.substr(arrow + 4), link);
  }

  auto start = std::chrono::steady_clock::now();
  // `timeout` turns a hang into exit status 124 instead of a stuck test run.
  RunResult r = RunCommand("timeout 60 " + Binary() + " build --site " + site);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  EXPECT_EQ(r.exit_code, 1) << r.output.substr(0, 2000);
  EXPECT_EQ(WithoutSummary(r.output), ReadFile(case_dir + "/expected.txt"));
  EXPECT_NE(r.output.find("the output folder was not touched"), std::string::npos);
  EXPECT_LT(seconds, 10.0);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, HostileSite, ::testing::ValuesIn(Cases()), [](const auto& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
});

}  // namespace
}  // namespace nianbao::testing
