#include "render/indicator_page.h"

#include <algorithm>

#include "core/text.h"
#include "render/chart.h"
#include "render/csv.h"
#include "render/urls.h"

namespace nianbao {

namespace {

constexpr PeriodKind kAllKinds[] = {PeriodKind::kAnnual, PeriodKind::kH1, PeriodKind::kH2,
                                    PeriodKind::kQ1,     PeriodKind::kQ2, PeriodKind::kQ3,
                                    PeriodKind::kQ4};

bool Comparable(const Change& c) {
  return c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase;
}

// The bureau × edition table of one period kind, as template data and as CSV. Unlike the
// chart it keeps every edition of the bureaus that list the indicator, so a year in which
// it was not reported still has its column.
TemplateData ChangeTable(const PageContext& ctx, const Indicator& ind, PeriodKind kind,
                         std::string& out_csv) {
  const SiteModel& model = ctx.model();
  std::vector<int> years;
  for (const Bureau& b : model.catalog.bureaus) {
    std::vector<const Edition*> series = model.SeriesOf(b.id, kind);
    if (std::none_of(series.begin(), series.end(),
                     [&](const Edition* e) { return e->Lists(ind) > 0; })) {
      continue;
    }
    for (const Edition* e : series) years.push_back(e->period.year);
  }
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  std::vector<EditionName> periods;
  for (int y : years) periods.push_back({y, kind});
  const bool rate = ind.kind == IndicatorKind::kRate;
  out_csv = std::string(csv::kBom) + csv::Field(ctx.T("bureau")) + "," +
            csv::Field(ctx.T("period")) + "," +
            csv::Field(ctx.T("value") + " (" + ctx.Tr(ind.unit) + ")") + "," +
            csv::Field(ctx.T("change") + " (" + (rate ? ctx.T("change_unit_points") : "%") + ")") +
            "\r\n";
  TemplateData columns = TemplateData::EmptyList();
  for (const EditionName& p : periods) columns.Push(One("label", ctx.PeriodLabel(p)));
  TemplateData rows = TemplateData::EmptyList();
  for (const Bureau& b : model.catalog.bureaus) {
    std::vector<const Edition*> series;
    bool listed = false;
    for (const Edition* e : model.SeriesOf(b.id, kind)) {
      series.push_back(e);
      listed = listed || e->Lists(ind);
    }
    if (!listed) continue;
    TemplateData cells = TemplateData::EmptyList();
    for (const EditionName& p : periods) {
      TemplateData cell;
      const Edition* e = nullptr;
      for (const Edition* s : series) {
        if (s->period.year == p.year) e = s;
      }
      if (!e) {
        cell.Set("text", ctx.T("no_edition"));
        cell.Set("missing", true);
        cells.Push(std::move(cell));
        continue;
      }
      const Value& v = e->ValueOf(ind);
      const Edition* prev = model.Previous(*e);
      Change c = ChangeAsShown(prev ? prev->ValueOf(ind) : Value{}, v, prev, ind);
      cell.Set("text", ctx.ValueText(v, ind, format::Style::kTable, ctx.lang()));
      cell.Set("report_url", ctx.Link(urls::Report(ctx.lang(), b.id, e->name)));
      cell.Set("missing", v.status != ValueStatus::kNumber);
      std::string change = CellChangeText(ctx, c, ind);
      if (!change.empty()) cell.Set("cell_change", change);
      cells.Push(std::move(cell));

      std::string value = v.status == ValueStatus::kNumber     ? csv::Number(v.number, ind.decimals)
                          : v.status == ValueStatus::kWithheld ? "withheld"
                                                               : "";
      std::string delta;
      if (c.status == Change::Status::kOk) {
        delta = rate ? csv::Number(c.delta, std::max(1, ind.decimals)) : csv::Number(c.percent, 1);
      }
      out_csv += csv::Field(ctx.Tr(b.short_name)) + "," + csv::Field(ctx.PeriodLabel(p)) + "," +
                 value + "," + delta + "\r\n";
    }
    TemplateData row;
    row.Set("name", ctx.Tr(b.short_name));
    row.Set("url", ctx.Link(urls::Bureau(ctx.lang(), b.id)));
    row.Set("cells", std::move(cells));
    rows.Push(std::move(row));
  }
  TemplateData d;
  d.Set("caption", ReplaceAll(ctx.T("indicator_table_caption"), "{unit}", ctx.Tr(ind.unit)));
  d.Set("columns", std::move(columns));
  d.Set("rows", std::move(rows));
  return d;
}

}  // namespace

Change ChangeAsShown(const Value& previous, const Value& current, const Edition* previous_edition,
                     const Indicator& ind) {
  auto shown = [&](const Value& v) {
    return v.status == ValueStatus::kNumber
               ? Value{v.status, format::RoundHalfAway(v.number, ind.decimals)}
               : v;
  };
  return ComputeChange(shown(previous), shown(current), previous_edition, ind.kind);
}

std::string CellChangeText(const PageContext& ctx, const Change& c, const Indicator& ind) {
  if (!Comparable(c)) return "";
  if (ind.kind == IndicatorKind::kRate || c.status == Change::Status::kZeroBase) {
    return format::FormatSignedDelta(c.delta, ctx.QuantityOf(ind), ctx.lang());
  }
  return format::FormatSignedPercent(c.percent);
}

OutputFiles RenderIndicatorPage(const RenderInputs& in, const Templates& t, const std::string& lang,
                                const Indicator& ind) {
  OutputFiles files;
  PageContext ctx(in, lang, urls::Indicator(lang, ind.id));
  const SiteModel& model = in.model;
  const std::string dir = ctx.path().substr(0, ctx.path().rfind('/') + 1);
  TemplateData data;
  data.Set("heading", ctx.Tr(ind.name));
  if (const Category* cat = model.catalog.FindCategory(ind.category)) {
    data.Set("category", ctx.Tr(cat->name));
  }
  if (!ind.description.empty()) data.Set("description", ctx.Tr(ind.description));
  data.Set("unit", ctx.Tr(ind.unit));
  data.Set("change_rule",
           ctx.T(ind.kind == IndicatorKind::kRate ? "change_rule_points" : "change_rule_percent"));
  data.Set("better", ctx.T(ind.better == Better::kHigher  ? "better_higher"
                           : ind.better == Better::kLower ? "better_lower"
                                                          : "better_neutral"));

  TemplateData kinds = TemplateData::EmptyList();
  for (PeriodKind kind : kAllKinds) {
    ChartData chart = IndicatorChart(ctx, ind, kind);
    if (chart.series.empty() || chart.periods.empty()) continue;
    const std::string kind_id(PeriodKindId(kind));
    chart.id = "chart-" + kind_id;
    chart.title = ctx.Tr(ind.name) + (format::IsChinese(lang) ? "（" : " (") +
                  ctx.T("series_" + kind_id) + (format::IsChinese(lang) ? "）" : ")");
    // A series with no figure at all (only withheld or not reported) draws nothing: keep
    // the table, which says why, and leave the chart out.
    bool any_figure = false;
    for (const ChartSeries& s : chart.series) {
      for (const Value* v : s.values) any_figure |= v && v->status == ValueStatus::kNumber;
    }
    if (any_figure) {
      chart.csv_name = chart.id + ".csv";
      files.push_back({dir + chart.csv_name, ChartCsv(ctx, chart)});
    }
    std::string table_csv;
    TemplateData k = ChangeTable(ctx, ind, kind, table_csv);
    files.push_back({dir + "table-" + kind_id + ".csv", table_csv});
    k.Set("id", kind_id);
    k.Set("name", ctx.T("series_" + kind_id));
    if (any_figure) k.Set("chart_html", t.Render("chart", ChartTemplateData(ctx, chart)));
    k.Set("table_csv_url", "table-" + kind_id + ".csv");
    kinds.Push(std::move(k));
  }
  data.Set("has_figures", !kinds.IsEmptyList());
  data.Set("kinds", std::move(kinds));

  // Notes, one line per bureau and text: a note repeated every year is listed once.
  TemplateData notes = TemplateData::EmptyList();
  for (const Bureau& b : model.catalog.bureaus) {
    std::vector<std::pair<std::string, TemplateData>> by_text;  // first-seen order
    for (const Edition* e : model.EditionsOf(b.id)) {
      auto it = e->notes.find(ind.id);
      if (it == e->notes.end()) continue;
      const std::string& text = ctx.Tr(it->second);
      auto same = std::find_if(by_text.begin(), by_text.end(),
                               [&](const auto& entry) { return entry.first == text; });
      if (same == by_text.end()) {
        by_text.emplace_back(text, TemplateData::EmptyList());
        same = by_text.end() - 1;
      }
      TemplateData period;
      period.Set("label", ctx.PeriodLabel(e->period));
      period.Set("url", ctx.Link(urls::Report(lang, b.id, e->name)));
      period.Set("sep", same->second.IsEmptyList() ? "" : format::IsChinese(lang) ? "、" : ", ");
      same->second.Push(std::move(period));
    }
    for (auto& [text, periods] : by_text) {
      TemplateData n;
      const bool zh = format::IsChinese(lang);
      n.Set("bureau_open", ctx.Tr(b.short_name) + (zh ? "（" : " ("));
      n.Set("close", zh ? "）：" : "): ");
      n.Set("periods", std::move(periods));
      n.Set("text", text);
      notes.Push(std::move(n));
    }
  }
  data.Set("has_notes", !notes.IsEmptyList());
  data.Set("notes", std::move(notes));

  files.insert(files.begin(),
               ctx.Finish(t, "indicator", std::move(data), ctx.Tr(ind.name),
                          {{ctx.T("home"), urls::Home(lang)}, {ctx.Tr(ind.name), ""}}));
  return files;
}

}  // namespace nianbao
