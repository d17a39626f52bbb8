// Published means frozen: adding an edition leaves every earlier report page (and its
// files) byte-identical, and every comparison URL once generated keeps existing.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> Under(const std::map<std::string, std::string>& tree,
                                         const std::string& part) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : tree) {
    if (path.find(part) != std::string::npos) out[path] = bytes;
  }
  return out;
}

TEST(FrozenEditions, ANewEditionChangesNoEarlierReportAndKeepsEveryComparison) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  RunResult r =
      RunCommand(Binary() + " build --quiet --site " + site + " --out " + tmp.path() + "/before");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto before = ReadTree(tmp.path() + "/before");

  // alpha's next annual edition, with figures and narratives like the latest one's.
  const std::string from = site + "/content/reports/alpha/2021";
  const std::string to = site + "/content/reports/alpha/2022";
  ASSERT_TRUE(fs::exists(from));
  ASSERT_FALSE(fs::exists(to));
  for (const auto& [name, bytes] : ReadTree(from)) {
    std::string text = bytes;
    for (size_t at; (at = text.find("2021")) != std::string::npos;) text.replace(at, 4, "2022");
    WriteFile(to + "/" + name, text);
  }
  r = RunCommand(Binary() + " build --quiet --site " + site + " --out " + tmp.path() + "/after");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto after = ReadTree(tmp.path() + "/after");

  const auto reports = Under(before, "/reports/");
  ASSERT_GT(reports.size(), 4u);
  for (const auto& [path, bytes] : reports) {
    ASSERT_TRUE(after.count(path)) << path << " is gone";
    EXPECT_EQ(after.at(path), bytes) << path << " changed when alpha/2022 was added";
  }
  EXPECT_TRUE(after.count("zh/reports/alpha/2022/index.html"));
  const auto compare = Under(before, "/compare/");
  ASSERT_FALSE(compare.empty());
  for (const auto& [path, bytes] : compare) {
    EXPECT_TRUE(after.count(path)) << path << ": a comparison URL disappeared";
  }
  EXPECT_GT(Under(after, "/compare/").size(), compare.size());
}

}  // namespace
}  // namespace nianbao::testing
