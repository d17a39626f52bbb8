// yaml-cpp's pitfalls (shared/guides/libraries.md), each caught here.
#include "yaml/parse.h"

#include <gtest/gtest.h>

#include "yaml/reader.h"

namespace nianbao::yaml {
namespace {

std::optional<Node> ParseText(const std::string& text, Diagnostics& diags, int first_line = 1) {
  return Parse(text, Source{"f.yaml", text, first_line}, diags);
}

TEST(Parse, KeepsOneBasedPositionsInCharacters) {
  Diagnostics diags;
  auto root = ParseText("a: 1\n名称: {zh: 市场, en: x}\n", diags);
  ASSERT_TRUE(root);
  const Node* name = root->Find("名称");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->line, 2);
  EXPECT_EQ(name->col, 5);  // after "名称: ", counted in characters, not bytes
  EXPECT_EQ(name->Find("en")->col, 18);
}

TEST(Parse, FrontMatterLinesAreFileLines) {
  Diagnostics diags;
  auto root = ParseText("title: x\n", diags, 2);
  EXPECT_EQ(root->Find("title")->line, 2);
}

TEST(Parse, DuplicateKeysAreErrors) {
  Diagnostics diags;
  auto root = ParseText("a: 1\nb: 2\na: 3\n", diags);
  EXPECT_EQ(diags.FormatAll(),
            "f.yaml:3:1: error: duplicate key 'a' (first given on line 1)\n  a: 3\n  ^\n");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->Find("a")->value, "1");  // the first wins, as in yaml-cpp
}

TEST(Parse, UnterminatedQuoteIsAnError) {
  Diagnostics diags;
  ParseText("title: \"abc\nsummary: \"x\"\n", diags);
  EXPECT_EQ(
      diags.FormatAll(),
      "f.yaml:1:8: error: string has no closing \" on this line\n  title: \"abc\n         ^\n");
}

TEST(Parse, QuotedStringsWithEscapedQuotesAreFine) {
  Diagnostics diags;
  auto root = ParseText("a: \"x \\\" y\"\nb: 'it''s'\n", diags);
  EXPECT_FALSE(diags.HasErrors()) << diags.FormatAll();
  EXPECT_EQ(root->Find("b")->value, "it's");
}

TEST(Parse, SyntaxErrorsHaveFilePositions) {
  Diagnostics diags;
  EXPECT_FALSE(ParseText("a: [1, 2\n", diags, 5));
  EXPECT_EQ(diags.Sorted().at(0).pos.line, 5 + 1);
}

TEST(Parse, OneDocumentOnly) {
  Diagnostics diags;
  EXPECT_FALSE(ParseText("a: 1\n---\nb: 2\n", diags));
  EXPECT_NE(diags.FormatAll().find("more than one YAML document"), std::string::npos);
}

TEST(Parse, EmptyTextIsNull) {
  Diagnostics diags;
  auto root = ParseText("", diags);
  ASSERT_TRUE(root);
  EXPECT_TRUE(root->IsNull());
}

TEST(Reader, NumbersAreStrictDecimals) {
  Diagnostics diags;
  auto root = ParseText("a: 010\nb: 12.5\nc: -3\nd: 1e5\ne: \"7\"\nf: 0.5\ng: 0x1F\n", diags);
  Reader r(Source{"f.yaml", "", 1}, diags);
  EXPECT_FALSE(r.Number(*root->Find("a"), "a"));  // yaml-cpp reads 010 as octal 8
  EXPECT_EQ(r.Number(*root->Find("b"), "b"), 12.5);
  EXPECT_EQ(r.Number(*root->Find("c"), "c"), -3);
  EXPECT_FALSE(r.Number(*root->Find("d"), "d"));
  EXPECT_FALSE(r.Number(*root->Find("e"), "e"));
  EXPECT_EQ(r.Number(*root->Find("f"), "f"), 0.5);
  EXPECT_FALSE(r.Number(*root->Find("g"), "g"));
  EXPECT_EQ(diags.ErrorCount(), 4);
}

TEST(Reader, BoolsAreTrueOrFalseOnly) {
  Diagnostics diags;
  auto root = ParseText("a: yes\nb: true\nc: on\n", diags);
  Reader r(Source{"f.yaml", "", 1}, diags);
  EXPECT_FALSE(r.Bool(*root->Find("a"), "a"));
  EXPECT_EQ(r.Bool(*root->Find("b"), "b"), true);
  EXPECT_FALSE(r.Bool(*root->Find("c"), "c"));
}

TEST(Reader, TranslatedTextsCheckLanguages) {
  Diagnostics diags;
  auto root = ParseText("a: {zh: 甲}\nb: {zh: 甲, de: x}\nc: plain\n", diags);
  Reader r(Source{"f.yaml", "", 1}, diags, {"zh", "en"});
  auto a = r.Text(*root->Find("a"), "name");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->Get("en", "zh"), "甲");
  EXPECT_EQ(diags.WarningCount(), 1);  // no 'en'
  EXPECT_FALSE(r.Text(*root->Find("b"), "name"));
  auto c = r.Text(*root->Find("c"), "name");
  EXPECT_EQ(c->Get("en", "zh"), "plain");
}

TEST(Reader, UnknownKeysSuggestTheClosest) {
  Diagnostics diags;
  auto root = ParseText("titel: x\n", diags);
  Reader r(Source{"f.yaml", "titel: x\n", 1}, diags);
  r.CheckKeys(*root, {"title", "date"});
  EXPECT_EQ(diags.FormatAll(),
            "f.yaml:1:1: error: unknown key 'titel' (did you mean 'title'?); allowed keys: title, "
            "date\n  titel: x\n  ^\n");
}

// Every YAML file goes through Parse, so every YAML file is checked as narratives are.
TEST(Parse, RefusesBadBytesAndControlCharactersWithTheirPlace) {
  Diagnostics diags;
  EXPECT_FALSE(ParseText("a: 1\nname: {zh: \"\xED\xA0\x80\"}\n", diags, 3));
  EXPECT_EQ(diags.FormatAll(),
            "f.yaml:4:13: error: not valid UTF-8 (byte 0xED): save the file as UTF-8\n"
            "  name: {zh: \"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"}\n"
            "              ^\n");
  Diagnostics nul;
  EXPECT_FALSE(ParseText(std::string("title: a\0b\n", 11), nul));
  EXPECT_EQ(nul.Sorted().at(0).message, "control character U+0000 is not allowed here: remove it");
}

TEST(Parse, RefusesWhatEscapesWouldSmuggleIn) {
  Diagnostics diags;
  auto root = ParseText("a: \"x\\0\"\nb: \"\\U00100000c0\\U00100001\"\nc: \"\\t ok\"\n", diags);
  EXPECT_EQ(diags.FormatAll(),
            "f.yaml:1:4: error: an escape in this text stands for control character U+0000, "
            "which is not allowed: remove it\n"
            "  a: \"x\\0\"\n"
            "     ^\n"
            "f.yaml:2:4: error: an escape in this text stands for U+100000 (a private-use "
            "character that nianbao reserves for itself), which is not allowed: remove it\n"
            "  b: \"\\U00100000c0\\U00100001\"\n"
            "     ^\n");
}

}  // namespace
}  // namespace nianbao::yaml
