#include "core/json_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace nianbao {
namespace {

TEST(JsonText, StringsAreWrittenAsNlohmannDumpsThem) {
  std::string every_control;
  for (char c = 0; c < 0x20; ++c) every_control += c;
  for (const std::string s : {std::string(""), std::string("plain"), std::string("引号\"与\\斜杠"),
                              every_control, std::string("\x7f é 𠀀 ") + '\0' + "end"}) {
    EXPECT_EQ(JsonString(s), nlohmann::json(s).dump()) << s;
  }
  std::string out = "x";
  AppendJsonString(out, "a\nb");
  EXPECT_EQ(out, "x\"a\\nb\"");
}

// Plain stretches are passed sixteen bytes at a time: a character to escape at any place
// of a long text, and text of every length, are written as nlohmann writes them.
TEST(JsonText, EscapesAtEveryPositionOfLongText) {
  for (const char special : {'"', '\\', '\n', '\x01', '\x1f', '\0'}) {
    for (size_t at = 6; at < 70; ++at) {
      std::string s = "食品" + std::string(64, 'x');
      s[at] = special;
      EXPECT_EQ(JsonString(s), nlohmann::json(s).dump()) << at;
    }
  }
  for (size_t n = 0; n < 40; ++n) {
    const std::string s(n, 'a');
    EXPECT_EQ(JsonString(s), nlohmann::json(s).dump());
  }
}

TEST(JsonText, NumbersAreWrittenAsNlohmannDumpsThem) {
  std::vector<double> values = {0.0,      -0.0,
                                1.0,      -1.5,
                                100.0,    1e21,
                                1e-7,     0.1,
                                1.0 / 3,  35232.0,
                                2.5e-300, 1.7976931348623157e308,
                                4.9e-324, 123456789012345680.0};
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> wide(-1e9, 1e9);
  for (int i = 0; i < 2000; ++i) values.push_back(wide(random));
  for (int i = 0; i < 2000; ++i) values.push_back(std::round(wide(random)) / 100);
  // Whole numbers, which take a shortcut up to 10^15, on both sides of it.
  for (double x : {999999999999999.0, -999999999999999.0, 1e15, -1e15, 9007199254740992.0}) {
    values.push_back(x);
  }
  for (int digits = 1; digits <= 17; ++digits) {
    std::uniform_real_distribution<double> up_to(0, std::pow(10.0, digits));
    for (int i = 0; i < 100; ++i) values.push_back((i % 2 ? -1 : 1) * std::floor(up_to(random)));
  }
  // Figures of one to four decimals (a shortcut too), small and large, and just beyond.
  for (int places = 1; places <= 5; ++places) {
    for (int digits = 1; digits <= 16; ++digits) {
      std::uniform_real_distribution<double> up_to(0, std::pow(10.0, digits));
      for (int i = 0; i < 200; ++i) {
        values.push_back((i % 2 ? -1 : 1) * std::floor(up_to(random)) / std::pow(10.0, places));
      }
    }
  }
  for (double x : {0.0001, 0.00015, 0.0005, 0.25, 0.5, 450359962737.0495, 45035996273.70495}) {
    values.push_back(x);
  }
  for (double x : values) {
    std::string out;
    AppendJsonNumber(out, x);
    EXPECT_EQ(out, nlohmann::json(x).dump()) << x;
  }
  std::string out;
  AppendJsonNumber(out, std::numeric_limits<double>::quiet_NaN());
  AppendJsonNumber(out, std::numeric_limits<double>::infinity());
  EXPECT_EQ(out, "nullnull");
}

}  // namespace
}  // namespace nianbao
