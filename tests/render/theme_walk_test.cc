// The walk over templates/ and a theme's folders ends even on a file system that lets a
// loop through (DiskFileSystem does not; this is the second guard).
#include <gtest/gtest.h>

#include "render/theme.h"

namespace nianbao {
namespace {

// Every listing of a folder under "templates/" shows one more folder: an endless tree.
class EndlessTemplates : public FileSystem {
 public:
  std::optional<std::string> Read(const std::string& path) const override {
    return files_.Read(path);
  }
  std::vector<DirEntry> List(const std::string& dir) const override {
    if (dir.rfind("templates", 0) == 0) return {{"again", true}};
    return files_.List(dir);
  }
  bool IsDir(const std::string& path) const override {
    return path.rfind("templates", 0) == 0 || files_.IsDir(path);
  }

 private:
  MemoryFileSystem files_;
};

TEST(ThemeWalk, StopsAtAFolderTooDeepAndSaysSo) {
  EndlessTemplates site;
  SiteConfig config;
  config.languages = {"en"};
  Diagnostics diags;
  EXPECT_FALSE(LoadTheme(site, config, diags));
  std::string folder = "templates";
  for (int i = 0; i < 33; ++i) folder += "/again";
  EXPECT_EQ(diags.Sorted().at(0).Format(),
            folder +
                ": error: folders nested more than 32 deep: is there a loop of symbolic "
                "links?\n");
}

}  // namespace
}  // namespace nianbao
