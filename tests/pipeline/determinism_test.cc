// Same input, same bytes: whatever the locale, time zone, thread count or time of day.
#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

std::map<std::string, std::string> Build(const std::string& site, const std::string& env, int jobs,
                                         const std::string& out) {
  RunResult r = RunCommand(env + " " + Binary() + " build --quiet --jobs " + std::to_string(jobs) +
                           " --site " + site + " --out " + out);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return ReadTree(out);
}

void ExpectSameBytes(const std::string& site) {
  TempDir tmp;
  auto a = Build(site, "LC_ALL=C TZ=UTC", 1, tmp.path() + "/a");
  auto b = Build(site, "LC_ALL=C.UTF-8 LANG=zh_CN.UTF-8 TZ=Asia/Shanghai", 8, tmp.path() + "/b");
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [path, bytes] : a) {
    auto it = b.find(path);
    ASSERT_NE(it, b.end()) << path;
    EXPECT_TRUE(it->second == bytes) << "differs: " << path;
  }
}

TEST(Determinism, FixtureSiteBuildsToTheSameBytes) { ExpectSameBytes(FixtureSite("good")); }

TEST(Determinism, SampleSiteBuildsToTheSameBytes) {
  ExpectSameBytes(std::string(NIANBAO_SOURCE_DIR));
}

}  // namespace
}  // namespace nianbao::testing
