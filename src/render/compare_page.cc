#include "render/compare_page.h"

#include "core/text.h"
#include "render/indicator_page.h"
#include "render/urls.h"

namespace nianbao {

namespace {

bool Comparable(const Change& c) {
  return c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase;
}

struct Tally {
  int total = 0, better = 0, worse = 0, same = 0;
};

// One indicator's row: both values, the change from a to b, and better or worse in words
// and a symbol (never colour alone).
TemplateData CompareRow(const PageContext& ctx, const EditionPair& pair, const Indicator& ind,
                        Tally& tally) {
  const Value& va = pair.a->ValueOf(ind);
  const Value& vb = pair.b->ValueOf(ind);
  Change c = ChangeAsShown(va, vb, pair.a, ind);
  TemplateData row;
  row.set("name", ctx.Tr(ind.name));
  const bool zh = format::IsChinese(ctx.lang());
  row.set("unit", (zh ? "（" : " (") + ctx.Tr(ind.unit) + (zh ? "）" : ")"));
  row.set("indicator_url", ctx.Link(urls::Indicator(ctx.lang(), ind.id)));
  row.set("a_text", ctx.ValueText(va, ind, format::Style::kTable, ctx.lang()));
  row.set("a_missing", va.status != ValueStatus::kNumber);
  row.set("b_text", ctx.ValueText(vb, ind, format::Style::kTable, ctx.lang()));
  row.set("b_missing", vb.status != ValueStatus::kNumber);
  const std::string dash = "—";
  row.set("delta", Comparable(c)
                       ? format::FormatSignedDelta(c.delta, ctx.QuantityOf(ind), ctx.lang())
                       : dash);
  if (c.status == Change::Status::kOk && ind.kind != IndicatorKind::kRate) {
    row.set("percent", format::FormatSignedPercent(c.percent));
  } else if (c.status == Change::Status::kZeroBase) {
    row.set("percent", ctx.T("change_zero_base"));
    row.set("percent_missing", true);
  } else {
    row.set("percent", dash);
    row.set("percent_missing", true);
  }
  ++tally.total;
  Direction dir = DirectionOf(c, ind.better);
  std::string key = "neutral", symbol = "·";
  if (!Comparable(c)) {
    key = "";
  } else if (dir == Direction::kBetter) {
    key = "better", symbol = "✓", ++tally.better;
  } else if (dir == Direction::kWorse) {
    key = "worse", symbol = "✗", ++tally.worse;
  } else if (dir == Direction::kSame) {
    key = "same", symbol = "＝", ++tally.same;
  }
  if (!key.empty()) {
    row.set("direction", key);
    row.set("direction_symbol", symbol);
    row.set("direction_text", ctx.T("direction_" + key));
  }
  // Notes of either edition, each marked with its period; the same text once.
  TemplateData notes(TemplateData::type::list);
  const auto note_a = pair.a->notes.find(ind.id);
  const auto note_b = pair.b->notes.find(ind.id);
  const bool has_a = note_a != pair.a->notes.end(), has_b = note_b != pair.b->notes.end();
  auto add_note = [&](const std::string& periods, const Translated& text) {
    TemplateData n;
    n.set("label", ctx.T("note") + (zh ? "（" : " (") + periods + (zh ? "）：" : "): "));
    n.set("text", ctx.Tr(text));
    notes.push_back(n);
  };
  if (has_a && has_b && ctx.Tr(note_a->second) == ctx.Tr(note_b->second)) {
    add_note(ctx.PeriodLabel(pair.a->period) + (zh ? "、" : ", ") + ctx.PeriodLabel(pair.b->period),
             note_a->second);
  } else {
    if (has_a) add_note(ctx.PeriodLabel(pair.a->period), note_a->second);
    if (has_b) add_note(ctx.PeriodLabel(pair.b->period), note_b->second);
  }
  row.set("notes", notes);
  return row;
}

std::string Fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [k, v] : values) text = ReplaceAll(text, "{" + k + "}", v);
  return text;
}

}  // namespace

std::string ComparisonLabel(const PageContext& ctx, const EditionPair& pair) {
  std::string label = Fill(ctx.T("compare_pair"), {{"a", ctx.PeriodLabel(pair.a->period)},
                                                   {"b", ctx.PeriodLabel(pair.b->period)}});
  if (pair.first_vs_latest) {
    bool zh = format::IsChinese(ctx.lang());
    label += (zh ? "（" : " (") + ctx.T("compare_first_latest") + (zh ? "）" : ")");
  }
  return label;
}

OutputFile RenderComparePage(const RenderInputs& in, TemplateSet& t, const std::string& lang,
                             const EditionPair& pair) {
  const Edition& a = *pair.a;
  const Edition& b = *pair.b;
  PageContext ctx(in, lang, urls::Compare(lang, a.bureau, a.name, b.name));
  const SiteModel& model = in.model;
  const Bureau& bureau = *model.catalog.FindBureau(a.bureau);
  const std::string a_label = ctx.PeriodLabel(a.period);
  const std::string b_label = ctx.PeriodLabel(b.period);
  TemplateData data;
  std::string heading = Fill(ctx.T("compare_heading"),
                             {{"bureau", ctx.Tr(bureau.name)}, {"a", a_label}, {"b", b_label}});
  data.set("heading", heading);
  data.set("bureau_name", ctx.Tr(bureau.name));
  data.set("bureau_url", ctx.Link(urls::Bureau(lang, bureau.id)));
  data.set("kind", ctx.T("kind_" + std::string(PeriodKindId(a.period.kind))));
  data.set("a_label", a_label);
  data.set("a_url", ctx.Link(urls::Report(lang, a.bureau, a.name)));
  data.set("b_label", b_label);
  data.set("b_url", ctx.Link(urls::Report(lang, b.bureau, b.name)));
  data.set("first_vs_latest", pair.first_vs_latest);

  // Every indicator that either edition lists, grouped by category, in catalogue order.
  Tally tally;
  bool has_rate = false;
  TemplateData groups =
      GroupByCategory(ctx, [&](const Indicator& ind) -> std::optional<TemplateData> {
        if (!a.Lists(ind) && !b.Lists(ind)) return std::nullopt;
        has_rate = has_rate || ind.kind == IndicatorKind::kRate;
        return CompareRow(ctx, pair, ind, tally);
      });
  data.set("groups", groups);
  data.set("has_rows", tally.total > 0);
  data.set("has_rate", has_rate);
  data.set(
      "summary",
      Fill(ctx.T("compare_summary"),
           {{"total", std::to_string(tally.total)},
            {"better", std::to_string(tally.better)},
            {"worse", std::to_string(tally.worse)},
            {"same", std::to_string(tally.same)},
            {"other", std::to_string(tally.total - tally.better - tally.worse - tally.same)}}));

  TemplateData others(TemplateData::type::list);
  for (const EditionPair& p : ComparisonsOf(model, bureau.id)) {
    TemplateData o;
    o.set("label", ComparisonLabel(ctx, p));
    o.set("url", ctx.Link(urls::Compare(lang, bureau.id, p.a->name, p.b->name)));
    o.set("current", p.a == pair.a && p.b == pair.b);
    others.push_back(o);
  }
  data.set("others", others);

  return ctx.Finish(t, "compare", data, heading,
                    {{ctx.T("home"), urls::Home(lang)},
                     {ctx.Tr(bureau.short_name), urls::Bureau(lang, bureau.id)},
                     {ComparisonLabel(ctx, pair), ""}});
}

}  // namespace nianbao
