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
