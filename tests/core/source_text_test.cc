#include "core/source_text.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

std::string Check(std::string_view text, SourceKind kind = SourceKind::kYaml, int first_line = 1) {
  Diagnostics diags;
  bool clean = CheckSourceText(text, "f", first_line, kind, diags);
  EXPECT_EQ(clean, diags.empty());
  return diags.FormatAll();
}

TEST(CheckSourceText, CleanTextPasses) {
  EXPECT_EQ(Check("a: 市场\tx\r\nb: |\n  y\n"), "");
  EXPECT_EQ(Check("\xEF\xBB\xBFtitle: x\n"), "");  // a byte-order mark
  EXPECT_EQ(Check("&#x4E2D; &#9; &#10; &#0; &#x10FFFFF; &#12345678;", SourceKind::kMarkdown), "");
}

TEST(CheckSourceText, PointsAtTheFirstByteThatIsNotUtf8) {
  EXPECT_EQ(Check("a: 1\nb: 年\xC0\xBC\xC0\n"),
            "f:2:5: error: not valid UTF-8 (byte 0xC0): save the file as UTF-8\n"
            "  b: 年\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"
            "       ^\n");
  EXPECT_EQ(Check("x\xED\xA0\x80", SourceKind::kYaml, 7),
            "f:7:2: error: not valid UTF-8 (byte 0xED): save the file as UTF-8\n"
            "  x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"
            "   ^\n");
}

TEST(CheckSourceText, RefusesControlCharacters) {
  EXPECT_EQ(Check(std::string("title: a\0b\n", 11)),
            "f:1:9: error: control character U+0000 is not allowed here: remove it\n"
            "  title: a\xE2\x90\x80"
            "b\n"
            "          ^\n");
  EXPECT_EQ(Check("x\x7F"),
            "f:1:2: error: control character U+007F is not allowed here: remove it\n"
            "  x\xE2\x90\xA1\n"
            "   ^\n");
  EXPECT_EQ(Check("a\rb\n"),
            "f:1:2: error: carriage return (U+000D) without a line feed after it: save the "
            "file with LF or CRLF line endings\n"
            "  a\xE2\x90\x8D"
            "b\n"
            "   ^\n");
  EXPECT_EQ(Check("\xC2\x85"),
            "f:1:1: error: control character U+0085 is not allowed here: remove it\n"
            "  \xEF\xBF\xBD\n"
            "  ^\n");
}

// Long runs of ASCII are checked sixteen bytes at a time: a refused byte anywhere in or
// after such a run is still found at its own line and column.
TEST(CheckSourceText, FindsRefusedBytesInLongAsciiRuns) {
  for (size_t at = 0; at < 40; ++at) {
    for (std::string_view bad : {std::string_view("\x01"), std::string_view("\x7F"),
                                 std::string_view("\xC2\x85"), std::string_view("\xFF")}) {
      std::string text = "line one\n" + std::string(40, 'x');
      text.replace(9 + at, 1, bad);
      Diagnostics diags;
      EXPECT_FALSE(CheckSourceText(text, "f", 1, SourceKind::kYaml, diags));
      ASSERT_EQ(diags.ErrorCount(), 1);
      EXPECT_EQ(diags.Sorted().front().pos.line, 2);
      EXPECT_EQ(diags.Sorted().front().pos.col, static_cast<int>(at) + 1);
    }
  }
  // '&' starts a character reference in Markdown only.
  const std::string ref = std::string(20, 'x') + "&#1;" + std::string(20, 'y');
  EXPECT_EQ(Check(ref), "");
  EXPECT_NE(Check(ref, SourceKind::kMarkdown).find("f:1:21: error: '&#1;' stands for"),
            std::string::npos);
  EXPECT_EQ(
      Check(std::string(100, 'a') + "&amp; 市场 " + std::string(33, 'b'), SourceKind::kMarkdown),
      "");
}

// The placeholders of shortcodes and charts, and the Markdown marker, are plane 16.
TEST(CheckSourceText, RefusesReservedPrivateUseCharacters) {
  EXPECT_EQ(Check("t \"\xF4\x80\x80\x80"
                  "c0\"",
                  SourceKind::kMarkdown),
            "f:1:4: error: U+100000 (a private-use character that nianbao reserves for "
            "itself) is not allowed here: remove it\n"
            "  t \"\xEF\xBF\xBD"
            "c0\"\n"
            "     ^\n");
  EXPECT_NE(Check("\xF4\x8F\xBF\xBD"), "");  // U+10FFFD, the emphasis marker
  EXPECT_EQ(Check("\xEE\x80\x80"), "");      // U+E000: GBK's user-defined area maps here
}

TEST(CheckSourceText, RefusesCharacterReferencesToThemInMarkdown) {
  EXPECT_EQ(Check("[x](u \"&#x100000;c0&#1048577;\")", SourceKind::kMarkdown),
            "f:1:8: error: '&#x100000;' stands for U+100000 (a private-use character that "
            "nianbao reserves for itself), which is not allowed here: remove it\n"
            "  [x](u \"&#x100000;c0&#1048577;\")\n"
            "         ^\n"
            "f:1:20: error: '&#1048577;' stands for U+100001 (a private-use character that "
            "nianbao reserves for itself), which is not allowed here: remove it\n"
            "  [x](u \"&#x100000;c0&#1048577;\")\n"
            "                     ^\n");
  EXPECT_EQ(Check("&#1;", SourceKind::kMarkdown),
            "f:1:1: error: '&#1;' stands for control character U+0001, which is not allowed "
            "here: remove it\n  &#1;\n  ^\n");
  EXPECT_EQ(Check("&#x100000;", SourceKind::kYaml), "");  // YAML does not read references
}

TEST(TextValueProblem, CatchesWhatEscapesWrite) {
  EXPECT_EQ(TextValueProblem("市场\tx\ny"), "");
  EXPECT_EQ(TextValueProblem(std::string("a\0b", 3)),
            "an escape in this text stands for control character U+0000, which is not "
            "allowed: remove it");
  EXPECT_EQ(TextValueProblem("a\rb"),
            "an escape in this text stands for carriage return U+000D, which is not allowed: "
            "remove it");
  EXPECT_EQ(TextValueProblem("\xF4\x80\x80\x81"),
            "an escape in this text stands for U+100001 (a private-use character that nianbao "
            "reserves for itself), which is not allowed: remove it");
}

}  // namespace
}  // namespace nianbao
