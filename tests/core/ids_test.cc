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
