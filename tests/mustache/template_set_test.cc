#include "mustache/template_set.h"

#include <gtest/gtest.h>

#include <thread>

namespace nianbao::mustache {
namespace {

struct Compiled {
  TemplateSet set;
  std::vector<Error> errors;
};

Compiled CompileAll(const std::map<std::string, std::string>& sources) {
  Compiled c;
  c.set = TemplateSet::Compile(sources, c.errors);
  return c;
}

std::string Render(const std::map<std::string, std::string>& sources, const Value& data,
                   const std::string& name = "main") {
  Compiled c = CompileAll(sources);
  EXPECT_TRUE(c.errors.empty()) << c.errors.front().message;
  std::string out;
  EXPECT_FALSE(c.set.Render(name, data, out));
  return out;
}

std::string Render(const std::string& source, const Value& data) {
  return Render({{"main", source}}, data);
}

std::string Errors(const std::map<std::string, std::string>& sources) {
  std::string text;
  for (const Error& e : CompileAll(sources).errors) {
    text += e.template_name + ":" + std::to_string(e.line) + ":" + std::to_string(e.col) + ": " +
            e.message + "\n";
  }
  return text;
}

Value Obj(std::initializer_list<std::pair<const char*, const char*>> members) {
  Value v = Value::EmptyObject();
  for (auto [k, s] : members) v.Set(Key::Lasting(k), s);
  return v;
}

// Every special byte at every place of texts up to three blocks of sixteen long, and
// several in one block, against one replacement a byte.
TEST(AppendEscapedTest, EscapesAtEveryPosition) {
  auto naive = [](std::string_view text) {
    std::string out;
    for (char c : text) {
      out += c == '&'    ? "&amp;"
             : c == '<'  ? "&lt;"
             : c == '>'  ? "&gt;"
             : c == '"'  ? "&quot;"
             : c == '\'' ? "&#39;"
                         : std::string(1, c);
    }
    return out;
  };
  for (size_t len = 0; len <= 48; ++len) {
    for (size_t at = 0; at < len; ++at) {
      for (char special : std::string("&<>\"'")) {
        std::string text(len, 'x');
        for (size_t i = 0; i < len; ++i) text[i] = "年a\xE5"[i % 3];
        text[at] = special;
        if (at + 3 < len) text[at + 3] = '<';
        std::string out = "prefix";
        AppendEscaped(text, out);
        ASSERT_EQ(out, "prefix" + naive(text)) << "len " << len << " at " << at;
      }
    }
  }
  std::string out;
  AppendEscaped("", out);
  EXPECT_EQ(out, "");
  // Short texts just before a page's end take the byte-by-byte way (a sixteen-byte read
  // from there could cross into the next page), elsewhere one read: the same output.
  alignas(4096) static char page[8192];
  for (size_t len = 1; len < 16; ++len) {
    for (size_t start : {size_t{0}, size_t{100}, 4096 - len, 4096 - len - 3, size_t{4096 - 16}}) {
      char* text = page + start;
      for (size_t i = 0; i < len; ++i) text[i] = "a<年&b"[i % 5];
      std::string got;
      AppendEscaped(std::string_view(text, len), got);
      ASSERT_EQ(got, naive(std::string_view(text, len))) << "len " << len << " at " << start;
    }
  }
}

TEST(ValueTest, TheLastSetOfAKeyWins) {
  Value v;
  v.Set("a", "1");
  v.Set("b", true);
  v.Set("a", "2");
  ASSERT_NE(v.Find("a"), nullptr);
  EXPECT_EQ(*v.Find("a")->AsString(), "2");
  EXPECT_EQ(v.AsObject()->size(), 3u);  // appended: the later one is found first
  EXPECT_EQ(v.Find("c"), nullptr);
}

// Values made in place (a literal, a std::string, a bool) and moved ones read the same;
// objects and lists made with room behave as empty ones until filled, and grow past it.
TEST(ValueTest, SetInPlaceAndRoomAheadReadAsUsual) {
  Value row = Value::ObjectWithRoom(2);
  EXPECT_NE(row.AsObject(), nullptr);
  EXPECT_TRUE(row.Truthy());  // an empty object is truthy, as EmptyObject()
  const std::string owned = "拥有";
  row.Set("literal", "字面");
  row.Set("copy", owned);
  row.Set("moved", std::string("移入"));
  row.Set("flag", false);
  row.Set("value", Value("值"));
  for (int i = 0; i < 20; ++i) row.Set("k", std::to_string(i));  // past the room, the last wins
  EXPECT_EQ(*row.Find("literal")->AsString(), "字面");
  EXPECT_EQ(*row.Find("copy")->AsString(), "拥有");
  EXPECT_EQ(*row.Find("moved")->AsString(), "移入");
  EXPECT_EQ(*row.Find("flag")->AsBool(), false);
  EXPECT_EQ(*row.Find("value")->AsString(), "值");
  EXPECT_EQ(*row.Find("k")->AsString(), "19");
  Value list = Value::ListWithRoom(1);
  EXPECT_TRUE(list.IsEmptyList());
  EXPECT_FALSE(list.Truthy());
  for (int i = 0; i < 3; ++i) list.Push(Value(std::to_string(i)));
  Value page;
  page.Set("items", std::move(list));
  page.Set("row", std::move(row));
  EXPECT_EQ(Render("{{#items}}{{.}}{{/items}}|{{row.literal}}{{row.k}}", page), "012|字面19");
}

// A borrowed string reads, escapes, tests and clones like an owned one, and is not copied:
// a change to the target shows (the caller keeps it alive and unchanged while rendering).
TEST(ValueTest, BorrowedTextIsReadInPlace) {
  std::string name = "食品<抽检> & \"合格\"";
  const std::string empty;
  Value v;
  v.Set("name", Value::Borrow(name));
  v.Set("empty", Value::Borrow(empty));
  EXPECT_EQ(v.Find("name")->AsString(), &name);
  EXPECT_EQ(Render("{{name}}|{{{name}}}|{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", v),
            "食品&lt;抽检&gt; &amp; &quot;合格&quot;|食品<抽检> & \"合格\"|none");
  Value copy = v.Clone();
  name = "改";
  EXPECT_EQ(Render("{{name}}", copy), "改");
}

TEST(ValueTest, TruthinessOfEachKind) {
  EXPECT_FALSE(Value().Truthy());
  EXPECT_FALSE(Value(false).Truthy());
  EXPECT_FALSE(Value("").Truthy());
  EXPECT_FALSE(Value::EmptyList().Truthy());
  EXPECT_TRUE(Value(true).Truthy());
  EXPECT_TRUE(Value("x").Truthy());
  EXPECT_TRUE(Value::EmptyObject().Truthy());
}

TEST(ValueTest, RefReadsTheTargetWithoutCopying) {
  Value shared = Obj({{"skip", "跳到正文"}});
  Value page;
  page.Set("t", Value::Ref(shared));
  EXPECT_EQ(page.Find("t")->Find("skip"), shared.Find("skip"));
  EXPECT_EQ(Render("{{t.skip}}", page), "跳到正文");
}

TEST(ValueTest, IndexedObjectsFindEveryMember) {
  Value::Object members;
  for (const char* key : {"zeta", "alpha", "mid", "beta"})
    members.push_back({Key::Lasting(key), Value(key)});
  Value indexed = Value::Indexed(std::move(members));
  for (const char* key : {"zeta", "alpha", "mid", "beta"}) {
    ASSERT_NE(indexed.Find(key), nullptr) << key;
    EXPECT_EQ(*indexed.Find(key)->AsString(), key);
  }
  EXPECT_EQ(indexed.Find("gamma"), nullptr);
  Value page;
  page.Set("t", Value::Ref(indexed));
  EXPECT_EQ(Render("{{t.mid}}|{{#t}}{{alpha}}{{/t}}", page), "mid|alpha");
}

// Keys that share their first 8 or 16 bytes, differ only in length or in a byte beyond
// 16, and three hundred of them: each found, and nothing else.
TEST(ValueTest, IndexedObjectsTellKeysWithACommonStartApart) {
  std::vector<std::string> keys = {"compare_",
                                   "compare_a",
                                   "compare_delta",
                                   "compare_percent",
                                   "compare_first_latest",
                                   "compare_first_latest_note",
                                   "compare_first_latest_notf",
                                   "a",
                                   "",
                                   "ab"};
  for (int i = 0; i < 300; ++i) keys.push_back("direction_" + std::to_string(i * 7919 % 1000));
  Value::Object members;
  for (const std::string& k : keys) members.push_back({Key(k), Value(k)});
  const Value indexed = Value::Indexed(std::move(members));
  for (const std::string& k : keys) {
    const Value* v = indexed.Find(k);
    ASSERT_NE(v, nullptr) << k;
    EXPECT_EQ(*v->AsString(), k);
  }
  for (std::string_view miss : {"compare", "compare_first_latest_nots", "compare_deltas",
                                "compare_first_latest_not", "direction_1000", "b"}) {
    EXPECT_EQ(indexed.Find(miss), nullptr) << miss;
  }
  const Value copy = indexed.Clone();
  EXPECT_EQ(*copy.Find("compare_first_latest_notf")->AsString(), "compare_first_latest_notf");
}

// Keys are told apart by their first 8 bytes as a number, then the rest; an object's mask
// of its keys turns most misses away without a scan. Keys that share a head, or differ
// only after it, or only in length, are each found; others are not.
TEST(ValueTest, KeysSharingTheirFirstBytesAreToldApart) {
  const std::vector<std::string> keys = {"a",         "ab",         "abcdefgh",
                                         "abcdefghi", "abcdefghij", "abcdefgxij",
                                         "abcdefghz", "",           std::string("ab\0", 3),
                                         "t"};
  Value v;
  for (const std::string& k : keys) v.Set(k, Value("=" + k));
  std::vector<std::string> numbered;  // keys are borrowed: they outlive the value
  for (int i = 0; i < 200; ++i) numbered.push_back("key" + std::to_string(i));
  for (int i = 0; i < 200; ++i) v.Set(numbered[i], Value(std::to_string(i)));
  for (const std::string& k : keys) {
    ASSERT_NE(v.Find(k), nullptr) << k;
    EXPECT_EQ(*v.Find(k)->AsString(), "=" + k);
  }
  for (int i = 0; i < 200; ++i) {
    ASSERT_NE(v.Find("key" + std::to_string(i)), nullptr) << i;
    EXPECT_EQ(*v.Find("key" + std::to_string(i))->AsString(), std::to_string(i));
  }
  for (const char* missing : {"abc", "abcdefg", "abcdefghijk", "abcdefgxi", "key200", "b"}) {
    EXPECT_EQ(v.Find(missing), nullptr) << missing;
  }
  Value object(Value::Object{});
  EXPECT_EQ(object.Find("a"), nullptr);
  Value::Object members;
  members.push_back({"abcdefghij", Value("x")});
  members.push_back({"abcdefghik", Value("y")});
  Value built(std::move(members));
  EXPECT_EQ(*built.Find("abcdefghik")->AsString(), "y");
  EXPECT_EQ(Render("{{#inner}}{{abcdefghij}}{{t}}{{/inner}}",
                   [&] {
                     Value page;
                     page.Set("t", "top");
                     page.Set("inner", std::move(built));
                     return page;
                   }()),
            "xtop");
}

TEST(ValueTest, CloneIsDeep) {
  Value v;
  v.Set("list", Value::EmptyList()).Push("a");
  Value copy = v.Clone();
  v.Set("list", "changed");
  EXPECT_EQ(*copy.Find("list")->AsList()->front().AsString(), "a");
}

TEST(InterpolationTest, EscapesUnlessTripleOrAmpersand) {
  Value d = Obj({{"x", "<a href=\"b\">&'</a>"}});
  EXPECT_EQ(Render("{{x}}", d), "&lt;a href=&quot;b&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(Render("{{{x}}}|{{& x}}", d), "<a href=\"b\">&'</a>|<a href=\"b\">&'</a>");
}

TEST(InterpolationTest, MissingNamesAndNonStringsRenderNothing) {
  Value d;
  d.Set("list", Value::EmptyList());
  d.Set("yes", true);
  EXPECT_EQ(Render("[{{nothing}}][{{list}}][{{yes}}]", d), "[][][true]");
}

TEST(InterpolationTest, DottedNamesDoNotSearchUpTheStackForLaterParts) {
  Value d;
  d.Set("a", Obj({{"b", "ab"}}));
  d.Set("c", "top");
  EXPECT_EQ(Render("{{a.b}}|{{#a}}{{c}}{{/a}}|{{a.c}}", d), "ab|top|");
}

TEST(SectionTest, ListsRepeatAndPushEachItem) {
  Value d;
  Value& items = d.Set("items", Value::EmptyList());
  items.Push(Obj({{"n", "一"}}));
  items.Push(Obj({{"n", "二"}}));
  d.Set("sep", "、");
  EXPECT_EQ(Render("{{#items}}{{n}}{{sep}}{{/items}}", d), "一、二、");
  Value strings;
  strings.Set("s", Value::EmptyList()).Push("x");
  EXPECT_EQ(Render("{{#s}}({{.}}){{/s}}", strings), "(x)");
}

TEST(SectionTest, FalsyValuesSkipAndInvertedRenders) {
  Value d;
  d.Set("empty", "");
  d.Set("no", false);
  d.Set("none", Value::EmptyList());
  EXPECT_EQ(
      Render("{{#empty}}a{{/empty}}{{#no}}b{{/no}}{{#none}}c{{/none}}{{#missing}}d{{/missing}}", d),
      "");
  EXPECT_EQ(
      Render("{{^empty}}a{{/empty}}{{^no}}b{{/no}}{{^none}}c{{/none}}{{^missing}}d{{/missing}}", d),
      "abcd");
}

TEST(SectionTest, StandaloneLinesAreRemoved) {
  Value d;
  d.Set("on", true);
  EXPECT_EQ(Render("<ul>\n  {{#on}}\n  <li>x</li>\n  {{/on}}\n</ul>\n", d),
            "<ul>\n  <li>x</li>\n</ul>\n");
  EXPECT_EQ(Render("a\r\n{{#on}}\r\nb\r\n{{/on}}\r\nc", d), "a\r\nb\r\nc");
  EXPECT_EQ(Render("a\n  {{! note }}\nb", d), "a\nb");
  // Two tags on a line: not standalone, the whitespace stays.
  EXPECT_EQ(Render(" {{#on}}x{{/on}} \n", d), " x \n");
}

TEST(PartialTest, IncludesWithTheCallersContextAndIndentation) {
  Value d;
  d.Set("name", "年报");
  d.Set("body", "<b>\nc");
  std::map<std::string, std::string> sources = {{"main", "<div>\n  {{> item}}\n</div>\n"},
                                                {"item", "<p>{{name}}</p>\n{{{body}}}\n"}};
  EXPECT_EQ(Render(sources, d), "<div>\n  <p>年报</p>\n  <b>\nc\n</div>\n");
}

TEST(PartialTest, RecursionEndsWithTheData) {
  Value leaf = Obj({{"name", "c"}});
  leaf.Set("kids", Value::EmptyList());  // else {{#kids}} finds the parent's: Mustache scope
  Value mid;
  mid.Set("name", "b");
  mid.Set("kids", Value::EmptyList()).Push(std::move(leaf));
  Value root;
  root.Set("name", "a");
  root.Set("kids", Value::EmptyList()).Push(std::move(mid));
  std::map<std::string, std::string> sources = {{"main", "{{> node}}"},
                                                {"node", "{{name}}({{#kids}}{{> node}}{{/kids}})"}};
  EXPECT_EQ(Render(sources, root), "a(b(c()))");
}

TEST(PartialTest, RunawayRecursionStopsWithAnError) {
  // Each level is a new object with a "next" member, so only the depth bound stops it.
  Value deep;
  Value* at = &deep;
  for (int i = 0; i < kMaxPartialDepth + 5; ++i) at = &at->Set("next", Value::EmptyObject());
  Compiled c = CompileAll({{"main", "{{> loop}}"}, {"loop", "x{{#next}}{{> loop}}{{/next}}"}});
  ASSERT_TRUE(c.errors.empty());
  std::string out;
  std::optional<Error> error = c.set.Render("main", deep, out);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->template_name, "loop");
  EXPECT_EQ(error->line, 1);
  EXPECT_EQ(error->col, 11);
  EXPECT_EQ(error->message, "partials nested more than 64 deep: does 'loop' include itself?");
}

TEST(PartialTest, AlwaysSelfIncludingTemplatesAreRefusedAtCompileTime) {
  EXPECT_EQ(Errors({{"layout", "<p>\n{{> layout}}\n"}}),
            "layout:2:1: '{{> layout}}' always includes itself again (layout → layout): it "
            "would never end\n");
  EXPECT_EQ(Errors({{"a", "{{> b}}"}, {"b", "x {{> a}}"}}),
            "b:1:3: '{{> a}}' always includes itself again (a → b → a): it would never end\n");
}

TEST(DelimiterTest, SetDelimitersApplyToTheRestOfTheTemplate) {
  Value d = Obj({{"x", "1"}});
  EXPECT_EQ(Render("{{x}} {{=<% %>=}}<% x %> {{x}} <%={{ }}=%>{{x}}", d), "1 1 {{x}} 1");
}

TEST(ErrorTest, PositionsAreLinesAndCharacterColumns) {
  EXPECT_EQ(Errors({{"t", "第一行\n中文{{#a}}\n"}}),
            "t:2:3: unclosed section '{{#a}}': add '{{/a}}'\n");
  EXPECT_EQ(Errors({{"t", "{{#a}}{{/b}}"}}),
            "t:1:7: '{{/b}}' does not close '{{#a}}' of line 1: close that first\n");
  EXPECT_EQ(Errors({{"t", "x{{/a}}"}}), "t:1:2: '{{/a}}' closes no section\n");
  EXPECT_EQ(Errors({{"t", "a\n  {{name"}}), "t:2:3: unclosed tag: '{{' without '}}'\n");
  EXPECT_EQ(Errors({{"t", "{{}}"}}), "t:1:1: empty tag: give it a name\n");
  EXPECT_EQ(Errors({{"t", "{{a b}}"}}), "t:1:1: a tag name has no spaces: 'a b'\n");
  EXPECT_EQ(Errors({{"t", "{{a..b}}"}}), "t:1:1: 'a..b' is not a name: dots go between names\n");
  EXPECT_EQ(Errors({{"t", "{{> nope}}"}}), "t:1:1: no template 'nope' to include\n");
  EXPECT_EQ(Errors({{"t", "{{=<%>=}}"}}),
            "t:1:1: a delimiter tag names two delimiters, like {{=<% %>=}}\n");
}

TEST(ErrorTest, AGoodTemplateIncludingABrokenOneGetsNoSecondError) {
  Compiled c = CompileAll({{"main", "{{> broken}}"}, {"broken", "{{#x}}"}});
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].template_name, "broken");
  EXPECT_TRUE(c.set.Has("main"));
  EXPECT_FALSE(c.set.Has("broken"));
}

TEST(ConcurrencyTest, OneSetRendersOnManyThreads) {
  Compiled c =
      CompileAll({{"main", "{{#items}}<li>{{> item}}</li>{{/items}}"}, {"item", "{{name}}"}});
  Value d;
  Value& items = d.Set("items", Value::EmptyList());
  std::string expected;
  for (int i = 0; i < 100; ++i) {
    items.Push(Obj({{"name", "n"}}));
    expected += "<li>n</li>";
  }
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        std::string out;
        c.set.Render("main", d, out);
        wrong[t] += out != expected;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(wrong, (std::vector<int>{0, 0, 0, 0}));
}

}  // namespace
}  // namespace nianbao::mustache
