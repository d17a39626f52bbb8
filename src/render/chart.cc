#include "render/chart.h"

#include <algorithm>

#include "core/json_text.h"
#include "core/text.h"
#include "format/trend_summary.h"
#include "render/csv.h"

namespace nianbao {

namespace {
std::string PeriodForSummary(const PageContext& ctx, const EditionName& p) {
  return p.kind == PeriodKind::kAnnual ? std::to_string(p.year) : ctx.PeriodLabel(p);
}

}  // namespace

ChartData BureauChart(const PageContext& ctx, const std::string& bureau, PeriodKind kind,
                      const std::vector<std::string>& indicators, const Edition* until) {
  ChartData chart;
  std::vector<const Edition*> editions = ctx.model().SeriesOf(bureau, kind);
  if (until) {
    auto end = std::find(editions.begin(), editions.end(), until);
    if (end != editions.end()) editions.erase(end + 1, editions.end());
  }
  for (const Edition* e : editions) chart.periods.push_back(e->period);
  for (const std::string& id : indicators) {
    const Indicator* ind = ctx.model().catalog.FindIndicator(id);
    if (!ind) continue;
    ChartSeries s;
    s.indicator = ind;
    s.name = ctx.Tr(ind->name);
    for (const Edition* e : editions) s.values.push_back(&e->ValueOf(*ind));
    chart.series.push_back(std::move(s));
  }
  return chart;
}

ChartData IndicatorChart(const PageContext& ctx, const Indicator& indicator, PeriodKind kind) {
  ChartData chart;
  chart.name_series = true;  // the bureau is not in the title
  const SiteModel& model = ctx.model();
  std::vector<std::pair<const Bureau*, std::vector<const Edition*>>> bureaus;
  std::vector<int> years;
  for (const Bureau& b : model.catalog.bureaus) {
    std::vector<const Edition*> series = model.SeriesOf(b.id, kind);
    bool listed = false;
    for (const Edition* e : series) listed = listed || e->Lists(indicator);
    if (!listed) continue;
    for (const Edition* e : series) years.push_back(e->period.year);
    bureaus.emplace_back(&b, std::move(series));
  }
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  // Leading and trailing years in which no bureau reports a figure (nor withholds one)
  // would only widen the chart: drop them. Gaps inside the range stay.
  auto shown = [&](int y) {
    for (const auto& [bureau, series] : bureaus) {
      for (const Edition* e : series) {
        if (e->period.year == y && e->ValueOf(indicator).status != ValueStatus::kNull) {
          return true;
        }
      }
    }
    return false;
  };
  while (!years.empty() && !shown(years.back())) years.pop_back();
  auto first = std::find_if(years.begin(), years.end(), shown);
  years.erase(years.begin(), first);
  for (int y : years) chart.periods.push_back({y, kind});
  for (const auto& [bureau, series] : bureaus) {
    ChartSeries s;
    s.indicator = &indicator;
    s.name = ctx.Tr(bureau->short_name);
    for (int y : years) {
      auto it = std::find_if(series.begin(), series.end(),
                             [&](const Edition* e) { return e->period.year == y; });
      s.values.push_back(it == series.end() ? nullptr : &(*it)->ValueOf(indicator));
    }
    chart.series.push_back(std::move(s));
  }
  return chart;
}

TemplateData ChartTemplateData(const PageContext& ctx, const ChartData& chart) {
  TemplateData d;
  d.Set("t", ctx.inputs().StringsOf(ctx.lang()));
  d.Set("id", chart.id);
  d.Set("title", chart.title);
  // Chart.js data: null is a gap, never zero.
  // Written as nlohmann's dump() of {"type", "labels", "datasets"} would write it.
  // One unit for every series goes on the axis title, not into each legend entry.
  std::string common_unit;
  bool one_unit = !chart.series.empty();
  bool rates = !chart.series.empty();
  for (const ChartSeries& s : chart.series) {
    const std::string& unit = ctx.Tr(s.indicator->unit);
    if (&s == &chart.series.front()) common_unit = unit;
    one_unit = one_unit && unit == common_unit;
    rates = rates && s.indicator->kind == IndicatorKind::kRate;
  }
  std::string js = std::string("{\"type\":\"") + (chart.bar ? "bar" : "line") + "\",";
  if (one_unit) js += "\"unit\":" + JsonString(common_unit) + ",";
  if (rates) js += "\"rate\":true,";
  js += "\"labels\":[";
  for (size_t i = 0; i < chart.periods.size(); ++i) {
    js += (i ? "," : "") + JsonString(ctx.PeriodLabel(chart.periods[i]));
  }
  js += "],\"datasets\":[";
  TemplateData header = TemplateData::ListWithRoom(chart.series.size());
  std::string summary;
  for (const ChartSeries& s : chart.series) {
    if (&s != &chart.series.front()) js += ",";
    js += "{\"label\":" +
          JsonString(one_unit ? s.name : s.name + " (" + ctx.Tr(s.indicator->unit) + ")") +
          (s.band.empty() ? "" : ",\"band\":\"" + s.band + "\"") + ",\"data\":[";
    const Value* first = nullptr;
    const Value* last = nullptr;
    size_t first_i = 0, last_i = 0;
    for (size_t i = 0; i < s.values.size(); ++i) {
      const Value* v = s.values[i];
      if (v && v->status == ValueStatus::kNumber) {
        if (i) js += ',';
        AppendJsonNumber(js, v->number);
        if (!first) {
          first = v;
          first_i = i;
        }
        last = v;
        last_i = i;
      } else {
        js += i ? ",null" : "null";
      }
    }
    js += "]}";
    TemplateData h = TemplateData::ObjectWithRoom(2);
    h.Set("name", s.name);
    h.Set("unit", TemplateData::Borrow(ctx.Tr(s.indicator->unit)));
    header.Push(std::move(h));
    const bool summarized = static_cast<size_t>(&s - chart.series.data()) < chart.summarized;
    if (summarized && first && last && first_i != last_i) {
      const EditionName& a = chart.periods[first_i];
      const EditionName& b = chart.periods[last_i];
      std::string sentence = format::SummarizeTrend(
          PeriodForSummary(ctx, a), first->number, PeriodForSummary(ctx, b), last->number,
          b.year - a.year, ctx.QuantityOf(*s.indicator), ctx.lang());
      if (chart.series.size() > 1 || chart.name_series) {
        sentence = s.name + (format::IsChinese(ctx.lang()) ? "：" : ": ") + sentence;
      }
      summary += (summary.empty() ? "" : (format::IsChinese(ctx.lang()) ? "；" : " ")) + sentence;
    }
  }
  if (!summary.empty() && format::IsChinese(ctx.lang())) summary += "。";
  if (!chart.summary_tail.empty()) {
    summary += (summary.empty() || format::IsChinese(ctx.lang()) ? "" : " ") + chart.summary_tail;
  }
  d.Set("summary", summary);
  js += "]}";
  d.Set("json", std::move(js));
  d.Set("series", std::move(header));
  TemplateData rows = TemplateData::ListWithRoom(chart.periods.size());
  for (size_t i = 0; i < chart.periods.size(); ++i) {
    TemplateData row = TemplateData::ObjectWithRoom(2);
    row.Set("label", ctx.PeriodLabel(chart.periods[i]));
    TemplateData cells = TemplateData::ListWithRoom(chart.series.size());
    for (const ChartSeries& s : chart.series) {
      TemplateData cell = TemplateData::ObjectWithRoom(2);
      const Value* v = s.values[i];
      cell.Set("text", v ? ctx.ValueText(*v, *s.indicator, format::Style::kTable, ctx.lang())
                         : ctx.T("no_edition"));
      cell.Set("missing", !v || v->status != ValueStatus::kNumber);
      cells.Push(std::move(cell));
    }
    row.Set("cells", std::move(cells));
    rows.Push(std::move(row));
  }
  d.Set("rows", std::move(rows));
  d.Set("bar", chart.bar);
  if (!chart.csv_name.empty()) d.Set("csv_url", chart.csv_name);
  return d;
}

std::string ChartCsv(const PageContext& ctx, const ChartData& chart) {
  std::string out = std::string(csv::kBom);
  out += csv::Field(ctx.T("period"));
  for (const ChartSeries& s : chart.series) {
    out += "," + csv::Field(s.name + " (" + ctx.Tr(s.indicator->unit) + ")");
  }
  out += "\r\n";
  for (size_t i = 0; i < chart.periods.size(); ++i) {
    csv::AppendField(out, ctx.PeriodLabel(chart.periods[i]));
    for (const ChartSeries& s : chart.series) {
      const Value* v = s.values[i];
      std::string field;  // empty for null and for no edition
      if (v && v->status == ValueStatus::kNumber) {
        field = csv::Number(v->number, s.indicator->decimals);
      } else if (v && v->status == ValueStatus::kWithheld) {
        field = "withheld";
      }
      out += "," + field;
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace nianbao
