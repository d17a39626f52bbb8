// Regression (issue: never lose a user's files): `nianbao build --out` naming the site, its
// content/, a folder holding it, a folder of the user's or `/` replaced or hung; now each is
// refused with exit 3 and nothing is touched.
#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

class OutputFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = tmp_.path() + "/site";
    CopyTree(FixtureSite("good"), site_);
    WriteFile(tmp_.path() + "/mine/thesis.docx", "years of work");
  }
  void ExpectRefused(const std::string& out, const std::string& reason) {
    auto before = ReadTree(tmp_.path());
    RunResult r = RunCommand("timeout 20 " + Binary() + " build --site " + site_ + " --out " + out);
    EXPECT_EQ(r.exit_code, 3) << out << ": " << r.output;
    EXPECT_NE(r.output.find("error: cannot build into this folder: " + reason), std::string::npos)
        << r.output;
    EXPECT_EQ(ReadTree(tmp_.path()), before) << out;
  }
  TempDir tmp_;
  std::string site_;
};

TEST_F(OutputFolder, TheSiteAndWhatHoldsOrIsInsideItAreRefused) {
  ExpectRefused(site_, "that is the site folder itself");
  ExpectRefused(site_ + "/content", "that folder is inside the site's content/ folder");
  ExpectRefused(site_ + "/templates/x", "that folder is inside the site's templates/ folder");
  ExpectRefused(tmp_.path(), "that folder holds the site folder, which it would replace");
  ExpectRefused("/", "that is the root of the file system");
}

TEST_F(OutputFolder, AFolderOfTheUsersIsRefused) {
  ExpectRefused(tmp_.path() + "/mine", "that folder holds files nianbao did not write");
}

TEST_F(OutputFolder, ItsOwnOutputIsReplacedAndNothingElse) {
  const std::string out = tmp_.path() + "/public";
  for (int i = 0; i < 2; ++i) {
    RunResult r = RunCommand(Binary() + " build --quiet --site " + site_ + " --out " + out);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  EXPECT_EQ(ReadFile(tmp_.path() + "/mine/thesis.docx"), "years of work");
  EXPECT_FALSE(ReadFile(out + "/.nianbao-output").empty());
}

}  // namespace
}  // namespace nianbao::testing
