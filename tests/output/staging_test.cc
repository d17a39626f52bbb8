#include "output/staging.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/site_runner.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using testing::ReadTree;
using testing::TempDir;
using testing::WriteFile;

using Tree = std::map<std::string, std::string>;

// Entries of a folder, names only, sorted.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<StagingSink> Stage(const std::string& out, const std::string& site,
                                   Diagnostics& diags) {
  return StagingSink::Create(out, site, diags);
}

TEST(StagingSink, WritesIntoANewFolderAndSwapsItIn) {
  TempDir tmp;
  Diagnostics diags;
  auto sink = Stage(tmp.path() + "/public", tmp.path(), diags);
  ASSERT_TRUE(sink) << diags.FormatAll();
  sink->Put(OutputFile{"a/b/index.html", "A"});
  std::unique_ptr<Sink::Stream> big = sink->Open("data/big.csv");
  big->Append("x,");
  big->Append("y\r\n");
  big->Close();
  EXPECT_FALSE(fs::exists(tmp.path() + "/public"));  // nothing there until the commit
  ASSERT_TRUE(sink->Commit(diags)) << diags.FormatAll();
  Tree tree = ReadTree(tmp.path() + "/public");
  EXPECT_EQ(tree.at("a/b/index.html"), "A");
  EXPECT_EQ(tree.at("data/big.csv"), "x,y\r\n");
  EXPECT_TRUE(tree.count(kOutputMarker));
  EXPECT_EQ(tree.size(), 3u);
  EXPECT_EQ(Names(tmp.path()), (std::vector<std::string>{".public.lock", "public"}));
}

TEST(StagingSink, ReplacesAnEarlierBuildWhole) {
  TempDir tmp;
  Diagnostics diags;
  for (const char* page : {"old.html", "new.html"}) {
    auto sink = Stage(tmp.path() + "/public/", tmp.path(), diags);  // a trailing '/' too
    ASSERT_TRUE(sink) << diags.FormatAll();
    sink->Put(OutputFile{page, page});
    ASSERT_TRUE(sink->Commit(diags));
  }
  Tree tree = ReadTree(tmp.path() + "/public");
  EXPECT_FALSE(tree.count("old.html"));
  EXPECT_EQ(tree.at("new.html"), "new.html");
  EXPECT_EQ(Names(tmp.path()).size(), 2u);  // no staging folder left
}

TEST(StagingSink, AbortLeavesTheOutputAsItWas) {
  TempDir tmp;
  Diagnostics diags;
  WriteFile(tmp.path() + "/public/" + kOutputMarker, "");
  WriteFile(tmp.path() + "/public/index.html", "old");
  {
    auto sink = Stage(tmp.path() + "/public", tmp.path(), diags);
    ASSERT_TRUE(sink);
    sink->Put(OutputFile{"index.html", "new"});
    // Destroyed without a commit: a failed build.
  }
  EXPECT_EQ(ReadTree(tmp.path() + "/public").at("index.html"), "old");
  EXPECT_EQ(Names(tmp.path()).size(), 2u);
}

TEST(StagingSink, TheSamePathTwiceIsAnError) {
  TempDir tmp;
  Diagnostics diags;
  auto sink = Stage(tmp.path() + "/public", tmp.path(), diags);
  ASSERT_TRUE(sink);
  sink->Put(OutputFile{"x.html", "1"});
  sink->Put(OutputFile{"x.html", "2"});
  EXPECT_TRUE(sink->failed());
  EXPECT_EQ(sink->Problems().FormatAll(),
            "x.html: error: internal error: two files rendered at this path\n");
  EXPECT_FALSE(sink->Commit(diags));
  EXPECT_FALSE(fs::exists(tmp.path() + "/public"));
}

// Regression: `--out` naming a folder of the user's replaced it, and `--out /` hung.
TEST(OutputProblem, RefusesFoldersNianbaoDidNotWrite) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  WriteFile(site + "/content/site.yaml", "title: x\n");
  WriteFile(site + "/templates/layout.mustache", "");
  WriteFile(tmp.path() + "/mine/thesis.docx", "years of work");
  EXPECT_EQ(OutputProblem("/", site),
            "that is the root of the file system: give the site a folder of its own");
  EXPECT_EQ(OutputProblem("//", site),
            "that is the root of the file system: give the site a folder of its own");
  EXPECT_EQ(OutputProblem(site, site), "that is the site folder itself");
  EXPECT_EQ(OutputProblem(site + "/", site), "that is the site folder itself");
  EXPECT_EQ(OutputProblem(tmp.path(), site),
            "that folder holds the site folder, which it would replace");
  EXPECT_EQ(OutputProblem(site + "/content", site),
            "that folder is inside the site's content/ folder");
  EXPECT_EQ(OutputProblem(site + "/templates/out", site),
            "that folder is inside the site's templates/ folder");
  EXPECT_EQ(OutputProblem(site + "/themes/x", site),
            "that folder is inside the site's themes/ folder");
  EXPECT_EQ(OutputProblem(tmp.path() + "/mine", site),
            "that folder holds files nianbao did not write: build into an empty or new folder "
            "(nianbao replaces only a folder it wrote, which holds .nianbao-output)");
  EXPECT_EQ(OutputProblem(tmp.path() + "/mine/thesis.docx", site),
            "that path exists and is not a folder");
  EXPECT_EQ(OutputProblem(site + "/public", site), "");  // new
  fs::create_directories(tmp.path() + "/empty");
  EXPECT_EQ(OutputProblem(tmp.path() + "/empty", site), "");
  // A site built before the marker existed.
  WriteFile(tmp.path() + "/legacy/index.html", "");
  WriteFile(tmp.path() + "/legacy/assets/nianbao.js", "");
  EXPECT_EQ(OutputProblem(tmp.path() + "/legacy", site), "");
}

TEST(OutputProblem, SeesThroughSymlinks) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  WriteFile(site + "/content/site.yaml", "title: x\n");
  fs::create_directory_symlink(site + "/content", tmp.path() + "/link");
  EXPECT_EQ(OutputProblem(tmp.path() + "/link", site),
            "that folder is inside the site's content/ folder");
}

TEST(StagingSink, CreateRefusesWithTheReason) {
  TempDir tmp;
  WriteFile(tmp.path() + "/mine/notes.txt", "keep");
  Diagnostics diags;
  EXPECT_FALSE(Stage(tmp.path() + "/mine", tmp.path() + "/site", diags));
  EXPECT_EQ(diags.FormatAll(),
            tmp.path() +
                "/mine: error: cannot build into this folder: that folder holds files "
                "nianbao did not write: build into an empty or new folder (nianbao "
                "replaces only a folder it wrote, which holds .nianbao-output)\n");
  EXPECT_EQ(Names(tmp.path()), (std::vector<std::string>{"mine"}));
}

TEST(StagingSink, OneBuildPerOutputFolderAtATime) {
  TempDir tmp;
  Diagnostics diags;
  auto first = Stage(tmp.path() + "/public", tmp.path(), diags);
  ASSERT_TRUE(first);
  Diagnostics second_diags;
  EXPECT_FALSE(Stage(tmp.path() + "/public", tmp.path(), second_diags));
  EXPECT_NE(second_diags.FormatAll().find("another nianbao build is writing it now"),
            std::string::npos);
  first->Abort();
  EXPECT_TRUE(Stage(tmp.path() + "/public", tmp.path(), second_diags));
}

// Regression: staging folders of killed builds piled up (675 MB after eight kills).
TEST(StagingSink, RemovesStagingFoldersOfKilledBuildsOnly) {
  TempDir tmp;
  WriteFile(tmp.path() + "/.public.new-abc123/index.html", "left by kill -9");
  WriteFile(tmp.path() + "/.public.new-keep/index.html", "not a name nianbao makes");
  WriteFile(tmp.path() + "/.other.new-abc123/index.html", "another output's");
  Diagnostics diags;
  auto sink = Stage(tmp.path() + "/public", tmp.path(), diags);
  ASSERT_TRUE(sink);
  ASSERT_TRUE(sink->Commit(diags));
  EXPECT_EQ(Names(tmp.path()), (std::vector<std::string>{".other.new-abc123", ".public.lock",
                                                         ".public.new-keep", "public"}));
}

}  // namespace
}  // namespace nianbao
