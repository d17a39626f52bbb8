#include "core/recording_file_system.h"

#include <gtest/gtest.h>

#include "core/sha256.h"
#include "output/manifest.h"

namespace nianbao {
namespace {

MemoryFileSystem Site() {
  return MemoryFileSystem({{"content/site.yaml", "title: x\n"},
                           {"content/reports/a/2021/data.yaml", "values: {}\n"},
                           {"content/reports/a/2021/report.zh.md", "正文\n"},
                           {"content/pages/about.en.md", "About\n"}});
}

TEST(RecordingFileSystem, KeepsTheDigestOfWhatWasRead) {
  const MemoryFileSystem site = Site();
  const RecordingFileSystem recorded(site);
  EXPECT_EQ(recorded.Read("content/site.yaml"), "title: x\n");
  EXPECT_EQ(recorded.DigestOf("content/site.yaml"), Sha256Hex("title: x\n"));
  EXPECT_EQ(recorded.DigestOf("content/pages/about.en.md"), std::nullopt);  // not read
  EXPECT_EQ(recorded.Read("content/missing.yaml"), std::nullopt);
  EXPECT_EQ(recorded.DigestOf("content/missing.yaml"), std::nullopt);
}

TEST(RecordingFileSystem, ForgetsWhatItRecorded) {
  const MemoryFileSystem site = Site();
  RecordingFileSystem recorded(site);
  recorded.Read("content/site.yaml");
  recorded.Forget();
  EXPECT_EQ(recorded.DigestOf("content/site.yaml"), std::nullopt);
  EXPECT_EQ(recorded.List("content").size(), 3u);  // listed anew
}

TEST(RecordingFileSystem, ListsAFolderOnce) {
  MemoryFileSystem site = Site();
  const RecordingFileSystem recorded(site);
  ASSERT_EQ(recorded.List("content/reports/a/2021").size(), 2u);
  site.Set("content/reports/a/2021/report.en.md", "Text\n");  // after the listing
  EXPECT_EQ(recorded.List("content/reports/a/2021").size(), 2u);
  EXPECT_EQ(site.List("content/reports/a/2021").size(), 3u);
}

// The manifest's digest of content/ is the same whether the files' digests come from the
// loading or from reading them again, whichever files were read.
TEST(RecordingFileSystem, TreeDigestFromWhatWasReadIsTheSame) {
  const MemoryFileSystem site = Site();
  const RecordingFileSystem recorded(site);
  recorded.Read("content/site.yaml");
  recorded.Read("content/reports/a/2021/report.zh.md");
  recorded.List("content/reports");
  auto known = [&](const std::string& path) { return recorded.DigestOf(path); };
  EXPECT_EQ(TreeDigest(recorded, "content", 1, known), TreeDigest(site, "content"));
  EXPECT_EQ(TreeDigest(site, "content").second, 4u);
  // A digest that were wrong would show: the lookup is used.
  auto wrong = [](const std::string&) { return std::optional<std::string>(std::string(64, '0')); };
  EXPECT_NE(TreeDigest(site, "content", 1, wrong), TreeDigest(site, "content"));
}

}  // namespace
}  // namespace nianbao
