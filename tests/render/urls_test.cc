// Links between output paths: the link from one page must reach the other from disk.
#include "render/urls.h"

#include <gtest/gtest.h>

#include <random>

namespace nianbao::urls {
namespace {

// The rule written the plain way: shared folders dropped, one "../" per folder left.
std::string ReferenceRelative(const std::string& from, const std::string& to) {
  size_t common = 0;
  for (size_t i = 0; i < from.size() && i < to.size() && from[i] == to[i]; ++i) {
    if (from[i] == '/') common = i + 1;
  }
  std::string out;
  for (size_t i = common; i < from.size(); ++i) {
    if (from[i] == '/') out += "../";
  }
  return out + to.substr(common);
}

TEST(UrlsTest, RelativeLinks) {
  EXPECT_EQ(Relative("zh/reports/b1/2021/index.html", "zh/reports/b1/2020/index.html"),
            "../2020/index.html");
  EXPECT_EQ(Relative("zh/reports/b1/2021/index.html", "zh/index.html"), "../../../index.html");
  EXPECT_EQ(Relative("zh/index.html", "en/index.html"), "../en/index.html");
  EXPECT_EQ(Relative("index.html", "zh/index.html"), "zh/index.html");
  EXPECT_EQ(Relative("zh/index.html", "zh/index.html"), "index.html");
  // A shared prefix that is not a whole folder: bureau-0001 against bureau-00012.
  EXPECT_EQ(Relative("zh/bureaus/bureau-00012/index.html", "zh/bureaus/bureau-0001/index.html"),
            "../bureau-0001/index.html");
  EXPECT_EQ(Relative("zh/compare/bureau-0001/2014-vs-2019/index.html",
                     "zh/compare/bureau-0001/2014-vs-2019/index.html"),
            "index.html");
}

TEST(UrlsTest, RelativeMatchesTheRuleOnRandomPaths) {
  std::mt19937 rng(7);
  const std::vector<std::string> parts = {"zh",           "en",        "reports", "bureau-0001",
                                          "bureau-00012", "2021",      "2021-h1", "a",
                                          "ab",           "index.html"};
  auto path = [&] {
    std::string p;
    const int n = 1 + static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) p += parts[rng() % parts.size()] + "/";
    return p + "index.html";
  };
  for (int i = 0; i < 5000; ++i) {
    const std::string from = path(), to = rng() % 3 ? path() : from;
    ASSERT_EQ(Relative(from, to), ReferenceRelative(from, to)) << from << " → " << to;
  }
}

}  // namespace
}  // namespace nianbao::urls
