#include "output/writer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using testing::ReadTree;
using testing::TempDir;
using testing::WriteFile;

TEST(WriteSite, CreatesTheFolder) {
  TempDir tmp;
  Diagnostics diags;
  ASSERT_TRUE(WriteSite(tmp.path() + "/public", {{"a/index.html", "A"}, {"b.css", "B"}}, diags));
  auto tree = ReadTree(tmp.path() + "/public");
  EXPECT_EQ(tree, (std::map<std::string, std::string>{{"a/index.html", "A"}, {"b.css", "B"}}));
}

TEST(WriteSite, ReplacesTheWholeSiteAndLeavesNoStagingFolder) {
  TempDir tmp;
  Diagnostics diags;
  WriteFile(tmp.path() + "/public/stale.html", "old");
  ASSERT_TRUE(WriteSite(tmp.path() + "/public/", {{"index.html", "new"}}, diags));
  auto tree = ReadTree(tmp.path() + "/public");
  EXPECT_EQ(tree, (std::map<std::string, std::string>{{"index.html", "new"}}));
  int entries = 0;
  for (auto it = fs::directory_iterator(tmp.path()); it != fs::directory_iterator(); ++it)
    ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(WriteSite, RefusesAFileInTheWay) {
  TempDir tmp;
  Diagnostics diags;
  WriteFile(tmp.path() + "/public", "a file");
  EXPECT_FALSE(WriteSite(tmp.path() + "/public", {{"index.html", "new"}}, diags));
  EXPECT_TRUE(diags.HasErrors());
  EXPECT_EQ(testing::ReadFile(tmp.path() + "/public"), "a file");
}

}  // namespace
}  // namespace nianbao
