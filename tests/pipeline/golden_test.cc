// The archivist's promise, proven on every CI run: the fixture site still builds to the
// manifest checked in, byte for byte (docs/archiving.md).
#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

TEST(Golden, TheFixtureSiteStillBuildsToItsManifest) {
  TempDir tmp;
  RunResult r = RunCommand(Binary() + " build --quiet --site " + FixtureSite("good") + " --out " +
                           tmp.path() + "/public");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string golden = std::string(NIANBAO_SOURCE_DIR) + "/tests/golden/good.manifest.json";
  EXPECT_EQ(ReadFile(tmp.path() + "/public/manifest.json"), ReadFile(golden))
      << "today's build of tests/sites/good differs from its golden manifest. If the change is "
         "on purpose, run scripts/update-golden.sh and commit the new manifest with it.";
  // And a copy verifies against it.
  r = RunCommand(Binary() + " verify " + tmp.path() + "/public");
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

}  // namespace
}  // namespace nianbao::testing
