// verify and diff, run as a user runs them: on a built fixture site.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = tmp_.path() + "/site";
    out_ = tmp_.path() + "/public";
    CopyTree(FixtureSite("good"), site_);
    RunResult r = RunCommand(Binary() + " build --quiet --site " + site_ + " --out " + out_);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  RunResult Verify(const std::string& extra = "") {
    return RunCommand("(" + Binary() + " verify " + out_ + extra + " 2>/dev/null)");
  }
  TempDir tmp_;
  std::string site_, out_;
};

TEST_F(ArchiveTest, AFreshBuildVerifies) {
  RunResult r = RunCommand(Binary() + " verify " + out_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("files match the manifest\n"), std::string::npos) << r.output;
}

TEST_F(ArchiveTest, MissingChangedAndExtraFilesAreListed) {
  WriteFile(out_ + "/zh/index.html", "tampered");
  fs::remove(out_ + "/en/index.html");
  WriteFile(out_ + "/zh/added.html", "x");
  RunResult r = Verify();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output, "missing: en/index.html\nchanged: zh/index.html\nextra: zh/added.html\n");
}

TEST_F(ArchiveTest, ARebuildOfTheSameSiteGivesTheSameBytes) {
  RunResult r = Verify(" --site " + site_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "");
  // A changed figure: the rebuild says which files and that the content differs.
  const std::string data = site_ + "/content/reports/alpha/2020/data.yaml";
  std::string text = ReadFile(data);
  text.replace(text.find("120000"), 6, "120001");
  WriteFile(data, text);
  r = Verify(" --site " + site_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output.rfind("rebuild: content: the site's content/ differs", 0), 0u) << r.output;
  EXPECT_NE(r.output.find("rebuild: differs: data/indicators.csv\n"), std::string::npos);
}

TEST_F(ArchiveTest, NoOrABrokenManifestIsAnErrorAndNothingIsWritten) {
  fs::remove(out_ + "/manifest.json");
  RunResult r = RunCommand(Binary() + " verify " + out_);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.output.find("manifest.json: error: no manifest.json: not a folder nianbao built"),
            std::string::npos)
      << r.output;
  WriteFile(out_ + "/manifest.json",
            "{\"format\": \"nianbao-manifest/1\", \"generator\": \"x\", \"content\": {\"files\": "
            "0, \"sha256\": \"\"}, \"theme\": {\"name\": \"d\", \"sha256\": \"\"}, \"files\": "
            "[{\"path\": \"../../etc/passwd\", \"size\": 1, \"sha256\": \"" +
                std::string(64, '0') + "\"}]}");
  auto before = ReadTree(tmp_.path());
  r = RunCommand(Binary() + " verify " + out_);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.output.find("manifest names a path outside the folder: \"../../etc/passwd\""),
            std::string::npos)
      << r.output;
  EXPECT_EQ(ReadTree(tmp_.path()), before);
}

TEST_F(ArchiveTest, DiffNamesEachChangedFigureInBothLanguages) {
  const std::string old_out = tmp_.path() + "/old";
  fs::rename(out_, old_out);
  const std::string data = site_ + "/content/reports/alpha/2020/data.yaml";
  std::string text = ReadFile(data);
  text.replace(text.find("120000"), 6, "120500");
  WriteFile(data, text);
  RunResult r = RunCommand(Binary() + " build --quiet --site " + site_ + " --out " + out_);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = RunCommand("(" + Binary() + " diff " + old_out + " " + out_ + " 2>/dev/null)");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            "changed: alpha (甲市局 / Alpha City) 2020 entities (市场主体 / Market entities): "
            "120000 → 120500 户 / entities\n");
  r = RunCommand("(" + Binary() + " diff " + out_ + " " + out_ + " 2>/dev/null)");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output, "");
  r = RunCommand(Binary() + " diff " + tmp_.path() + " " + out_);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.output.find("/data/indicators.csv: error: cannot read it"), std::string::npos);
}

}  // namespace
}  // namespace nianbao::testing
