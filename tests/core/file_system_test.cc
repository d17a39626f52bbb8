#include "core/file_system.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(MemoryFileSystem, ListsSortedWithImpliedFolders) {
  MemoryFileSystem fs({{"content/reports/b/2021/data.yaml", "x"},
                       {"content/reports/a/2020/data.yaml", "y"},
                       {"content/site.yaml", "z"}});
  auto entries = fs.List("content/reports");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].name, "a");
  EXPECT_TRUE(entries[0].is_dir);
  EXPECT_EQ(fs.List("content")[1].name, "site.yaml");
  EXPECT_FALSE(fs.List("content")[1].is_dir);
  EXPECT_TRUE(fs.IsDir("content/reports/a"));
  EXPECT_EQ(fs.Read("content/site.yaml"), "z");
  EXPECT_FALSE(fs.Read("content/missing.yaml"));
}

TEST(JoinPath, DropsEmptyParts) {
  EXPECT_EQ(JoinPath("", "a"), "a");
  EXPECT_EQ(JoinPath("a/", "b"), "a/b");
  EXPECT_EQ(JoinPath("a", ""), "a");
}

}  // namespace
}  // namespace nianbao
