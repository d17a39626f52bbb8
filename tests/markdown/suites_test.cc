// The public Markdown suites in ../shared/testdata/markdown (third-party files, read in
// place and never copied here; see their README): GFM's examples must come out as plain
// cmark-gfm renders them, the CJK-friendly cases as the amendment's reference renders them.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "markdown/baseline.h"
#include "markdown/markdown.h"

namespace nianbao::markdown {
namespace {

const std::string kSuites = NIANBAO_SOURCE_DIR "/../shared/testdata/markdown";

std::optional<std::string> ReadSuite(const std::string& name) {
  std::ifstream in(kSuites + "/" + name, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

#define ASSERT_SUITE(var, name)                                                              \
  std::optional<std::string> var = ReadSuite(name);                                          \
  ASSERT_TRUE(var) << "cannot read " << kSuites << "/" << name                               \
                   << ": the public Markdown suites must be in ../shared/testdata/markdown " \
                      "next to the source tree (they are not part of this repository)"

struct Example {
  std::string file;
  int line = 0;
  std::string markdown, html;
};

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// spec.txt format: a line of 32 backticks and "example" (maybe naming extensions) opens an
// example, a line "." separates Markdown from HTML, 32 backticks close it; → is a tab.
// Examples marked "disabled" are skipped, as cmark-gfm's own spec runner does.
std::vector<Example> SpecExamples(const std::string& file, std::string_view text) {
  const std::string fence(32, '`');
  std::vector<Example> examples;
  int state = 0, number = 0;  // 0 outside, 1 Markdown, 2 HTML
  bool disabled = false;
  for (std::string_view line : SplitLines(text)) {
    ++number;
    if (state == 0 && line.starts_with(fence + " example")) {
      state = 1;
      disabled = line.find("disabled") != std::string_view::npos;
      examples.push_back({file, number, "", ""});
    } else if (state == 1 && line == ".") {
      state = 2;
    } else if (state == 2 && line == fence) {
      state = 0;
      if (disabled) examples.pop_back();
    } else if (state != 0) {
      std::string& target = state == 1 ? examples.back().markdown : examples.back().html;
      target += Replace(std::string(line), "→", "\t") + "\n";
    }
  }
  return examples;
}

// Task-list checkboxes are labelled by their item (the one deliberate difference).
std::string WithoutTaskLabels(std::string html) {
  return Replace(Replace(std::move(html), "<label><input", "<input"), "</label>", "");
}

TEST(SpecSuiteTest, GfmExamplesRenderAsPlainCmarkGfm) {
  int total = 0, identical = 0, labelled = 0, ours_pass = 0, plain_pass = 0;
  for (const char* name : {"spec.txt", "extensions.txt", "regression.txt"}) {
    ASSERT_SUITE(text, name);
    std::vector<Example> examples = SpecExamples(name, *text);
    ASSERT_FALSE(examples.empty()) << name << " holds no examples: is it the GFM spec format?";
    for (const Example& example : examples) {
      ++total;
      // Unsafe, as cmark-gfm's spec runner renders them; and safe, nianbao's default.
      for (bool unsafe : {true, false}) {
        std::string plain = RenderWithCmarkOnly(example.markdown, Options{unsafe});
        std::string ours = RenderBlocks(example.markdown, Options{unsafe});
        if (unsafe) {
          plain_pass += plain == example.html;
          ours_pass += ours == example.html;
        }
        if (ours == plain) {
          identical += unsafe;
        } else if (ours.find("<label><input type=\"checkbox\"") != std::string::npos &&
                   WithoutTaskLabels(ours) == plain) {
          labelled += unsafe;
        } else {
          ADD_FAILURE() << example.file << ":" << example.line << " differs from cmark-gfm ("
                        << (unsafe ? "unsafe" : "safe") << ")\n"
                        << example.markdown << "cmark-gfm:\n"
                        << plain << "nianbao:\n"
                        << ours;
        }
      }
    }
  }
  EXPECT_EQ(total, 726);
  EXPECT_EQ(identical + labelled, total);
  std::cout << "GFM examples: " << total << ", nianbao = cmark-gfm: " << identical << " (+ "
            << labelled << " differing only by task-list <label>); expected HTML: "
            << "cmark-gfm " << plain_pass << ", nianbao " << ours_pass << "\n";
}

struct Case {
  std::string id, markdown, html;
};

std::vector<Case> JsonCases(const std::string& text) {
  std::vector<Case> cases;
  for (const auto& c : nlohmann::json::parse(text)) {
    cases.push_back({c.at("id"), c.at("markdown"), c.at("html")});
  }
  return cases;
}

// Cases nianbao cannot pass, each with the reason.
const std::map<std::string, std::string> kEmphasisExceptions = [] {
  const std::string symbol =
      " is a mathematical symbol (Sm). CommonMark 0.31, which the amendment amends, counts "
      "symbols as punctuation, so the run does not close; cmark-gfm 0.29's table counts only "
      "P* categories, and nianbao keeps that table so that text without CJK renders exactly "
      "as cmark-gfm renders it.";
  return std::map<std::string, std::string>{
      {"non-bmp.md #3", "∇ (U+2207)" + symbol},
      {"non-bmp.md #4", "∇ (U+2207)" + symbol},
      {"non-bmp.md #5", "𝜵 (U+1D735)" + symbol},
      {"non-bmp.md #6", "𝜵 (U+1D735)" + symbol},
  };
}();

void CheckCases(const std::vector<Case>& cases,
                const std::map<std::string, std::string>& exceptions, int* plain_pass,
                int* ours_pass) {
  for (const Case& c : cases) {
    std::string ours = RenderBlocks(c.markdown, Options{});
    std::string plain = RenderWithCmarkOnly(c.markdown, Options{});
    *plain_pass += plain == c.html;
    *ours_pass += ours == c.html;
    auto exception = exceptions.find(c.id);
    if (exception == exceptions.end()) {
      EXPECT_EQ(ours, c.html) << c.id << ": " << c.markdown;
    } else {
      EXPECT_NE(ours, c.html) << c.id << " passes now: take it off the exception list";
      EXPECT_EQ(ours, plain) << c.id << " (" << exception->second << ")";
    }
  }
}

TEST(CjkFriendlySuiteTest, Emphasis) {
  ASSERT_SUITE(text, "cjk-friendly-emphasis.json");
  std::vector<Case> cases = JsonCases(*text);
  EXPECT_EQ(cases.size(), 115u);
  int plain_pass = 0, ours_pass = 0;
  CheckCases(cases, kEmphasisExceptions, &plain_pass, &ours_pass);
  EXPECT_EQ(ours_pass, static_cast<int>(cases.size() - kEmphasisExceptions.size()));
  std::cout << "CJK-friendly emphasis: " << cases.size() << " cases, cmark-gfm " << plain_pass
            << ", nianbao " << ours_pass << "\n";
}

TEST(CjkFriendlySuiteTest, Strikethrough) {
  ASSERT_SUITE(text, "cjk-friendly-strikethrough.json");
  std::vector<Case> cases = JsonCases(*text);
  EXPECT_EQ(cases.size(), 11u);
  int plain_pass = 0, ours_pass = 0;
  CheckCases(cases, {}, &plain_pass, &ours_pass);
  std::cout << "CJK-friendly strikethrough: " << cases.size() << " cases, cmark-gfm " << plain_pass
            << ", nianbao " << ours_pass << "\n";
}

}  // namespace
}  // namespace nianbao::markdown
