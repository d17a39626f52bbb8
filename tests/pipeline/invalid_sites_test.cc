// Each folder under tests/sites/invalid/ is a change to tests/sites/good (files to add or
// replace, and names listed in delete.txt to remove) that makes the site wrong in one way.
// expected.txt holds the exact diagnostics; the build must fail and leave public/ untouched.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(FixtureSite("invalid"))) {
    if (e.is_directory()) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Everything the build printed but its closing summary line.
std::string Diagnostics(const std::string& output) {
  std::string out;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("nianbao: ", 0) == 0) continue;
    out += line + "\n";
  }
  return out;
}

class InvalidSite : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidSite, FailsWithExactDiagnosticsAndLeavesOutputUntouched) {
  const std::string case_dir = FixtureSite("invalid/" + GetParam());
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  for (const auto& e : fs::recursive_directory_iterator(case_dir)) {
    std::string rel = fs::relative(e.path(), case_dir).generic_string();
    if (!e.is_regular_file() || rel == "expected.txt" || rel == "delete.txt") continue;
    WriteFile(site + "/" + rel, ReadFile(e.path().string()));
  }
  std::istringstream deletions(ReadFile(case_dir + "/delete.txt"));
  for (std::string rel; std::getline(deletions, rel);) {
    if (!rel.empty()) fs::remove_all(site + "/" + rel);
  }
  const std::string out = site + "/public";
  WriteFile(out + "/index.html", "the previous site");
  WriteFile(out + "/.nianbao-output", "");
  auto before = ReadTree(out);

  RunResult r = RunCommand(Binary() + " build --site " + site);

  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_EQ(Diagnostics(r.output), ReadFile(case_dir + "/expected.txt"));
  EXPECT_NE(r.output.find("the output folder was not touched"), std::string::npos);
  EXPECT_EQ(ReadTree(out), before);
  // No staging folder is left beside the output.
  for (const auto& e : fs::directory_iterator(site)) {
    EXPECT_EQ(e.path().filename().string().find(".public.new"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, InvalidSite, ::testing::ValuesIn(Cases()), [](const auto& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
});

}  // namespace
}  // namespace nianbao::testing
