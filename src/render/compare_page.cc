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
  row.Set("name", TemplateData::Borrow(ctx.Tr(ind.name)));
  const bool zh = format::IsChinese(ctx.lang());
  row.Set("unit", (zh ? "（" : " (") + ctx.Tr(ind.unit) + (zh ? "）" : ")"));
  row.Set("indicator_url", ctx.Link(urls::Indicator(ctx.lang(), ind.id)));
  row.Set("a_text", ctx.ValueText(va, ind, format::Style::kTable, ctx.lang()));
  row.Set("a_missing", va.status != ValueStatus::kNumber);
  row.Set("b_text", ctx.ValueText(vb, ind, format::Style::kTable, ctx.lang()));
  row.Set("b_missing", vb.status != ValueStatus::kNumber);
  const std::string dash = "—";
  row.Set("delta", Comparable(c)
                       ? format::FormatSignedDelta(c.delta, ctx.QuantityOf(ind), ctx.lang())
                       : dash);
  if (c.status == Change::Status::kOk && ind.kind != IndicatorKind::kRate) {
    row.Set("percent", format::FormatSignedPercent(c.percent));
  } else if (c.status == Change::Status::kZeroBase) {
    row.Set("percent", TemplateData::Borrow(ctx.T("change_zero_base")));
    row.Set("percent_missing", true);
  } else {
    row.Set("percent", dash);
    row.Set("percent_missing", true);
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
    row.Set("direction", key);
    row.Set("direction_symbol", symbol);
    row.Set("direction_text", TemplateData::Borrow(ctx.T("direction_" + key)));
  }
  // Notes of either edition, each marked with its period; the same text once.
  TemplateData notes = TemplateData::EmptyList();
  const auto note_a = pair.a->notes.find(ind.id);
  const auto note_b = pair.b->notes.find(ind.id);
  const bool has_a = note_a != pair.a->notes.end(), has_b = note_b != pair.b->notes.end();
  auto add_note = [&](const std::string& periods, const Translated& text) {
    TemplateData n;
    n.Set("label", ctx.T("note") + (zh ? "（" : " (") + periods + (zh ? "）：" : "): "));
    n.Set("text", TemplateData::Borrow(ctx.Tr(text)));
    notes.Push(std::move(n));
  };
  if (has_a && has_b && ctx.Tr(note_a->second) == ctx.Tr(note_b->second)) {
    add_note(ctx.PeriodLabel(pair.a->period) + (zh ? "、" : ", ") + ctx.PeriodLabel(pair.b->period),
             note_a->second);
  } else {
    if (has_a) add_note(ctx.PeriodLabel(pair.a->period), note_a->second);
    if (has_b) add_note(ctx.PeriodLabel(pair.b->period), note_b->second);
  }
  row.Set("notes", std::move(notes));
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
  if (pair.from_first) {
    bool zh = format::IsChinese(ctx.lang());
    label += (zh ? "（" : " (") +
             ctx.T(pair.first_vs_latest ? "compare_first_latest" : "compare_from_first") +
             (zh ? "）" : ")");
  }
  return label;
}

OutputFile RenderComparePage(const RenderInputs& in, const Templates& t, const std::string& lang,
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
  data.Set("heading", heading);
  data.Set("bureau_name", TemplateData::Borrow(ctx.Tr(bureau.name)));
  data.Set("bureau_url", ctx.Link(urls::Bureau(lang, bureau.id)));
  data.Set("kind", TemplateData::Borrow(ctx.T("kind_" + std::string(PeriodKindId(a.period.kind)))));
  data.Set("a_label", a_label);
  data.Set("a_url", ctx.Link(urls::Report(lang, a.bureau, a.name)));
  data.Set("b_label", b_label);
  data.Set("b_url", ctx.Link(urls::Report(lang, b.bureau, b.name)));
  data.Set("from_first", pair.from_first);

  // Every indicator that either edition lists, grouped by category, in catalogue order.
  Tally tally;
  bool has_rate = false;
  TemplateData groups =
      GroupByCategory(ctx, [&](const Indicator& ind) -> std::optional<TemplateData> {
        if (!a.Lists(ind) && !b.Lists(ind)) return std::nullopt;
        has_rate = has_rate || ind.kind == IndicatorKind::kRate;
        return CompareRow(ctx, pair, ind, tally);
      });
  data.Set("groups", std::move(groups));
  data.Set("has_rows", tally.total > 0);
  data.Set("has_rate", has_rate);
  data.Set(
      "summary",
      Fill(ctx.T("compare_summary"),
           {{"total", std::to_string(tally.total)},
            {"better", std::to_string(tally.better)},
            {"worse", std::to_string(tally.worse)},
            {"same", std::to_string(tally.same)},
            {"other", std::to_string(tally.total - tally.better - tally.worse - tally.same)}}));

  TemplateData others = TemplateData::EmptyList();
  for (const EditionPair& p : ComparisonsOf(model, bureau.id)) {
    // Neighbours and the first against the latest; the older first-vs pages are still
    // published (their URLs stay) but not listed.
    if (p.from_first && !p.first_vs_latest && !(p.a == pair.a && p.b == pair.b)) continue;
    TemplateData o;
    o.Set("label", ComparisonLabel(ctx, p));
    o.Set("url", ctx.Link(urls::Compare(lang, bureau.id, p.a->name, p.b->name)));
    o.Set("current", p.a == pair.a && p.b == pair.b);
    others.Push(std::move(o));
  }
  data.Set("others", std::move(others));

  return ctx.Finish(t, "compare", std::move(data), heading,
                    {{ctx.T("home"), urls::Home(lang)},
                     {ctx.Tr(bureau.short_name), urls::Bureau(lang, bureau.id)},
                     {ComparisonLabel(ctx, pair), ""}});
}

}  // namespace nianbao
