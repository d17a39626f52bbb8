#include "search/page_text.h"

#include <gtest/gtest.h>

namespace nianbao::search {
namespace {

TEST(ExtractPageText, TakesTheTitleAndProseOfMain) {
  PageText t = ExtractPageText(
      "<html><head><title>x</title></head><body><nav>菜单</nav>"
      "<main id=\"main\"><section class=\"gov-info\" data-nosearch><dl><dd>索引号</dd></dl>"
      "<section>x</section></section><h1>示例市<em>2021</em>年报告</h1>"
      "<p>全市<strong>食品</strong>抽检&amp;检测 5,000&#25209;次。</p>"
      "<figure class=\"chart\"><table><tr><td>99</td></tr></table></figure>"
      "<table><tr><td>表</td></tr></table><nav><a>上一期</a></nav>"
      "<p>Special\n  equipment&nbsp;&lt;ok&gt;</p></main><footer>页脚</footer></body></html>");
  EXPECT_EQ(t.title, "示例市2021年报告");
  EXPECT_EQ(t.body, "全市食品抽检&检测 5,000批次。 Special equipment <ok>");
}

TEST(ExtractPageText, NestedSkippedElementsAndNoMain) {
  PageText t = ExtractPageText(
      "<main><figure><figure>a</figure>b</figure><p>c</p><p>d&bogus;e&#xZZ;</p></main>");
  EXPECT_EQ(t.title, "");
  EXPECT_EQ(t.body, "c d&bogus;e&#xZZ;");
  EXPECT_EQ(ExtractPageText("<p>no main</p>").body, "");
}

TEST(ExtractPageText, SkippedElementsEndAtTheirOwnEndTag) {
  // A longer name that starts the same is another element; a nested one of the same name
  // with attributes counts; a self-closing one holds nothing; an unended one ends the text.
  PageText t = ExtractPageText(
      "<main><p>a</p><table class=\"x\"><tr><td><tablex>1</tablex><table id=\"in\"><tr>"
      "<td>2</td></tr></table>3</td></tr></table ><p>b</p><svg/><p>c</p>"
      "<div data-nosearch><div><div>x</div></div>y</div><p>d</p><nav><p>e</p></main>");
  EXPECT_EQ(t.body, "a b c d");
}

TEST(ExtractPageText, SpacesCollapseWithinAndAcrossStretches) {
  // Runs of spaces inside a sentence, at its ends, beside tags, entities and line ends.
  PageText t = ExtractPageText(
      "<main><p>  Special   equipment  inspected </p>  <p> a<em> b </em>c &amp;  d\n  e"
      "</p><p>\t  f</p>   </main>");
  EXPECT_EQ(t.body, "Special equipment inspected a b c & d e f");
  // A stretch longer than sixteen bytes with a double space beyond them, and none at all.
  EXPECT_EQ(ExtractPageText("<main>x<p>abcdefghijklmnopqrstuvwxyz  z</p></main>").body,
            "x abcdefghijklmnopqrstuvwxyz z");
  EXPECT_EQ(ExtractPageText("<main><p>全市食品抽检合格率达到百分之九十八点四。</p></main>").body,
            "全市食品抽检合格率达到百分之九十八点四。");
}

}  // namespace
}  // namespace nianbao::search
