#include "core/ids.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(Ids, FollowTheSpecPattern) {
  EXPECT_TRUE(IsValidId("example-city"));
  EXPECT_TRUE(IsValidId("0a_b"));
  EXPECT_FALSE(IsValidId(""));
  EXPECT_FALSE(IsValidId("-x"));
  EXPECT_FALSE(IsValidId("Alpha"));
  EXPECT_FALSE(IsValidId("../x"));
  EXPECT_FALSE(IsValidId("a/b"));
  EXPECT_FALSE(IsValidId(std::string(65, 'a')));
  EXPECT_TRUE(IsValidId(std::string(64, 'a')));
}

// Windows has no file or folder named so: a copied site would lose those pages.
TEST(Ids, WindowsDeviceNamesAreRefused) {
  for (const char* name : {"con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9", "com0"}) {
    EXPECT_TRUE(IsWindowsReservedName(name)) << name;
    EXPECT_FALSE(IsValidId(name)) << name;
  }
  EXPECT_TRUE(IsWindowsReservedName("CON"));
  EXPECT_FALSE(IsValidLanguage("con"));
  EXPECT_FALSE(IsValidLanguage("nul"));
  for (const char* name : {"cons", "com", "com10", "lpt", "nul-1", "console", "auxiliary"}) {
    EXPECT_FALSE(IsWindowsReservedName(name)) << name;
    EXPECT_TRUE(IsValidId(name)) << name;
  }
}

TEST(Ids, LanguageCodes) {
  EXPECT_TRUE(IsValidLanguage("zh"));
  EXPECT_TRUE(IsValidLanguage("zh-Hant"));
  EXPECT_TRUE(IsValidLanguage("yue"));
  EXPECT_FALSE(IsValidLanguage("ZH"));
  EXPECT_FALSE(IsValidLanguage("zh_CN"));
  EXPECT_FALSE(IsValidLanguage("z"));
}

TEST(Ids, EditionNames) {
  auto annual = ParseEditionName("2021");
  ASSERT_TRUE(annual);
  EXPECT_EQ(annual->year, 2021);
  EXPECT_EQ(annual->kind, PeriodKind::kAnnual);
  auto h1 = ParseEditionName("2022-h1");
  ASSERT_TRUE(h1);
  EXPECT_EQ(h1->kind, PeriodKind::kH1);
  EXPECT_EQ(ParseEditionName("2023-q4")->kind, PeriodKind::kQ4);
  EXPECT_FALSE(ParseEditionName("2021-annual"));
  EXPECT_FALSE(ParseEditionName("21"));
  EXPECT_FALSE(ParseEditionName("2021-H1"));
  EXPECT_FALSE(ParseEditionName("0999"));
}

}  // namespace
}  // namespace nianbao
