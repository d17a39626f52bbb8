#include "core/file_system.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "support/site_runner.h"

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

namespace fs = std::filesystem;

// Every file a walk with List finds (what the loaders and the theme do), in order.
std::vector<std::string> Walk(const FileSystem& site, const std::string& dir) {
  std::vector<std::string> out;
  std::function<void(const std::string&)> walk = [&](const std::string& d) {
    for (const DirEntry& e : site.List(d)) {
      if (e.is_dir) {
        walk(JoinPath(d, e.name));
      } else {
        out.push_back(JoinPath(d, e.name));
      }
    }
  };
  walk(dir);
  return out;
}

// A link to /etc/passwd in content/pages/ was read and published.
TEST(DiskFileSystem, LinksOutOfTheSiteAreNotFollowedAndAreReported) {
  testing::TempDir tmp;
  const std::string site = tmp.path() + "/site";
  testing::WriteFile(tmp.path() + "/secret.txt", "secret");
  testing::WriteFile(site + "/content/pages/about.en.md", "about");
  fs::create_symlink(tmp.path() + "/secret.txt", site + "/content/pages/passwd.en.md");
  fs::create_symlink("../../../secret.txt", site + "/content/pages/relative.en.md");
  fs::create_symlink("about.en.md", site + "/content/pages/same.en.md");  // inside: fine
  fs::create_symlink(tmp.path(), site + "/content/up");
  fs::create_symlink("missing.md", site + "/content/pages/dangling.en.md");

  DiskFileSystem disk(site);
  EXPECT_EQ(disk.Read("content/pages/passwd.en.md"), std::nullopt);
  EXPECT_EQ(disk.Read("content/pages/relative.en.md"), std::nullopt);
  EXPECT_EQ(disk.Read("content/up/secret.txt"), std::nullopt);
  EXPECT_FALSE(disk.IsDir("content/up"));
  EXPECT_EQ(disk.Read("content/pages/same.en.md"), "about");
  EXPECT_EQ(Walk(disk, "content"),
            (std::vector<std::string>{"content/pages/about.en.md", "content/pages/same.en.md"}));
  Diagnostics diags;
  disk.CheckLinks(diags);
  EXPECT_EQ(diags.FormatAll(),
            "content/pages/passwd.en.md: error: symbolic link to '" + tmp.path() +
                "/secret.txt' leads out of the site folder: nianbao reads only files inside it "
                "(copy the file in instead)\n"
                "content/pages/relative.en.md: error: symbolic link to '../../../secret.txt' leads "
                "out of the site folder: nianbao reads only files inside it (copy the file in "
                "instead)\n"
                "content/up: error: symbolic link to '" +
                tmp.path() +
                "' leads out of the site folder: nianbao reads only files inside it (copy the "
                "file in instead)\n");
}

// Read opens in one call where the kernel can check the path (openat2, RESOLVE_BENEATH),
// and must then agree with the exact check: links inside are followed, even absolute ones.
TEST(DiskFileSystem, ReadFollowsLinksInsideAndRefusesEveryWayOut) {
  testing::TempDir tmp;
  const std::string site = tmp.path() + "/site";
  testing::WriteFile(tmp.path() + "/secret.txt", "secret");
  testing::WriteFile(site + "/content/pages/about.en.md", "about");
  fs::create_symlink(site + "/content/pages/about.en.md", site + "/content/pages/abs.en.md");
  fs::create_symlink(site + "/content/pages", site + "/content/abs-dir");
  fs::create_symlink("pages", site + "/content/rel-dir");
  fs::create_symlink("loop.md", site + "/content/pages/loop.md");

  DiskFileSystem disk(site);
  EXPECT_EQ(disk.Read("content/pages/abs.en.md"), "about");
  EXPECT_EQ(disk.Read("content/abs-dir/about.en.md"), "about");
  EXPECT_EQ(disk.Read("content/rel-dir/about.en.md"), "about");
  EXPECT_EQ(disk.Read("content/../content/pages/about.en.md"), "about");
  EXPECT_EQ(disk.Read("../secret.txt"), std::nullopt);
  EXPECT_EQ(disk.Read("content/../../secret.txt"), std::nullopt);
  EXPECT_EQ(disk.Read(tmp.path() + "/secret.txt"), std::nullopt);
  EXPECT_EQ(disk.Read("content/pages/loop.md"), std::nullopt);
  EXPECT_EQ(disk.Read("content/pages"), std::nullopt);  // a folder is not a file
  EXPECT_EQ(disk.Read("content/pages/missing.md"), std::nullopt);
}

// A link to its own folder, or two folders linking to each other: the walk never ended.
TEST(DiskFileSystem, LinkLoopsEndTheWalkAndAreReported) {
  testing::TempDir tmp;
  const std::string site = tmp.path() + "/site";
  testing::WriteFile(site + "/templates/x/a.mustache", "x");
  testing::WriteFile(site + "/templates/y/b.mustache", "y");
  fs::create_symlink(".", site + "/templates/self");
  fs::create_symlink("../y", site + "/templates/x/link");
  fs::create_symlink("../x", site + "/templates/y/link");
  fs::create_directories(site + "/themes/t/assets");
  fs::create_symlink("b", site + "/themes/t/assets/a");
  fs::create_symlink("a", site + "/themes/t/assets/b");

  DiskFileSystem disk(site);
  EXPECT_EQ(Walk(disk, "templates"),
            (std::vector<std::string>{"templates/x/a.mustache", "templates/x/link/b.mustache",
                                      "templates/y/b.mustache", "templates/y/link/a.mustache"}));
  EXPECT_TRUE(Walk(disk, "themes").empty());
  EXPECT_EQ(disk.Read("themes/t/assets/a"), std::nullopt);
  Diagnostics diags;
  disk.CheckLinks(diags);
  EXPECT_EQ(diags.FormatAll(),
            "templates/self: error: symbolic link loop: '.' leads back to 'templates', which "
            "leads back here: the folders would never end\n"
            "templates/x/link: error: symbolic link loop: '../y' leads back to 'templates/y', "
            "which leads back here: the folders would never end\n"
            "templates/y/link: error: symbolic link loop: '../x' leads back to 'templates/x', "
            "which leads back here: the folders would never end\n"
            "themes/t/assets/a: error: symbolic link loop: 'b' leads through links that never "
            "reach a file or folder\n"
            "themes/t/assets/b: error: symbolic link loop: 'a' leads through links that never "
            "reach a file or folder\n");
}

TEST(JoinPath, DropsEmptyParts) {
  EXPECT_EQ(JoinPath("", "a"), "a");
  EXPECT_EQ(JoinPath("a/", "b"), "a/b");
  EXPECT_EQ(JoinPath("a", ""), "a");
}

}  // namespace
}  // namespace nianbao
