#include "render/indicator_page.h"

#include <algorithm>
#include <cstdlib>

#include "core/text.h"
#include "render/chart.h"
#include "render/csv.h"
#include "render/index_pages.h"
#include "render/urls.h"

namespace nianbao {

namespace {

constexpr PeriodKind kAllKinds[] = {PeriodKind::kAnnual, PeriodKind::kH1, PeriodKind::kH2,
                                    PeriodKind::kQ1,     PeriodKind::kQ2, PeriodKind::kQ3,
                                    PeriodKind::kQ4};

bool Comparable(const Change& c) {
  return c.status == Change::Status::kOk || c.status == Change::Status::kZeroBase;
}

// The bureaus that list the indicator in an edition of one kind, and the union of those
// editions' years: the rows and columns of the bureau × edition table. Unlike the chart it
// keeps every edition, so a year in which the figure was not reported still has its column.
struct TableShape {
  std::vector<const Bureau*> bureaus;
  std::vector<EditionName> periods;
};

TableShape ShapeOf(const SiteModel& model, const Indicator& ind, PeriodKind kind) {
  TableShape shape;
  std::vector<int> years;
  for (const Bureau& b : model.catalog.bureaus) {
    const std::vector<const Edition*>& series = model.SeriesOf(b.id, kind);
    if (std::none_of(series.begin(), series.end(),
                     [&](const Edition* e) { return e->Lists(ind); })) {
      continue;
    }
    shape.bureaus.push_back(&b);
    for (const Edition* e : series) years.push_back(e->period.year);
  }
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  for (int y : years) shape.periods.push_back({y, kind});
  return shape;
}

const Edition* EditionIn(const std::vector<const Edition*>& series, int year) {
  for (const Edition* e : series) {
    if (e->period.year == year) return e;
  }
  return nullptr;
}

// The whole table as CSV, one row per bureau and edition.
std::string TableCsv(const PageContext& ctx, const Indicator& ind, PeriodKind kind,
                     const TableShape& shape) {
  const SiteModel& model = ctx.model();
  const bool rate = ind.kind == IndicatorKind::kRate;
  std::string out =
      std::string(csv::kBom) + csv::Field(ctx.T("bureau")) + "," + csv::Field(ctx.T("period")) +
      "," + csv::Field(ctx.T("value") + " (" + ctx.Tr(ind.unit) + ")") + "," +
      csv::Field(ctx.T("change") + " (" + (rate ? ctx.T("change_unit_points") : "%") + ")") +
      "\r\n";
  for (const Bureau* b : shape.bureaus) {
    const std::vector<const Edition*>& series = model.SeriesOf(b->id, kind);
    for (const EditionName& p : shape.periods) {
      const Edition* e = EditionIn(series, p.year);
      if (!e) continue;
      const Value& v = e->ValueOf(ind);
      const Edition* prev = model.Previous(*e);
      Change c = ChangeAsShown(prev ? prev->ValueOf(ind) : Value{}, v, prev, ind);
      std::string value = v.status == ValueStatus::kNumber     ? csv::Number(v.number, ind.decimals)
                          : v.status == ValueStatus::kWithheld ? "withheld"
                                                               : "";
      std::string delta;
      if (c.status == Change::Status::kOk) {
        delta = rate ? csv::Number(c.delta, std::max(1, ind.decimals)) : csv::Number(c.percent, 1);
      }
      out += csv::Field(ctx.Tr(b->short_name)) + "," + csv::Field(ctx.PeriodLabel(p)) + "," +
             value + "," + delta + "\r\n";
    }
  }
  return out;
}

// Template data of the table's rows for bureaus [from, to).
TemplateData ChangeTable(const PageContext& ctx, const Indicator& ind, PeriodKind kind,
                         const TableShape& shape, size_t from, size_t to) {
  const SiteModel& model = ctx.model();
  TemplateData columns = TemplateData::EmptyList();
  for (const EditionName& p : shape.periods) columns.Push(One("label", ctx.PeriodLabel(p)));
  TemplateData rows = TemplateData::EmptyList();
  for (size_t i = from; i < to && i < shape.bureaus.size(); ++i) {
    const Bureau& b = *shape.bureaus[i];
    const std::vector<const Edition*>& series = model.SeriesOf(b.id, kind);
    TemplateData cells = TemplateData::EmptyList();
    for (const EditionName& p : shape.periods) {
      TemplateData cell;
      const Edition* e = EditionIn(series, p.year);
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

std::string FromTo(std::string text, size_t from, size_t to) {
  text = ReplaceAll(text, "{from}", std::to_string(from));
  return ReplaceAll(text, "{to}", std::to_string(to));
}

// Links to the pages of a long table. On the indicator page (`current` 0) every page is
// listed; a table page lists the first, the last and the two on either side of itself, so
// that its size does not grow with the number of bureaus.
TemplateData Pager(const PageContext& ctx, const Indicator& ind, std::string_view kind_id,
                   size_t bureaus, int current) {
  const int count = static_cast<int>((bureaus + kTableBureaus - 1) / kTableBureaus);
  TemplateData pages = TemplateData::EmptyList();
  for (int page = 1; page <= count; ++page) {
    if (current > 0 && page != 1 && page != count && std::abs(page - current) > 2) continue;
    const size_t from = static_cast<size_t>(page - 1) * kTableBureaus;
    TemplateData p;
    p.Set("label",
          FromTo(ctx.T("table_page_label"), from + 1, std::min(bureaus, from + kTableBureaus)));
    p.Set("url", ctx.Link(urls::IndicatorTable(ctx.lang(), ind.id, kind_id, page)));
    p.Set("current", page == current);
    pages.Push(std::move(p));
  }
  return pages;
}

// Quantile p of sorted values, interpolating linearly between the closest ranks.
double Quantile(const std::vector<double>& sorted, double p) {
  double h = (static_cast<double>(sorted.size()) - 1) * p;
  size_t lo = static_cast<size_t>(h);
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

}  // namespace

ChartData BandChart(const PageContext& ctx, const Indicator& ind, const ChartData& bureaus) {
  ChartData band;
  band.periods = bureaus.periods;
  band.name_series = true;
  auto storage = std::make_shared<std::vector<Value>>(3 * band.periods.size());
  const char* names[] = {"band_q1", "band_median", "band_q3"};
  const double ps[] = {0.25, 0.5, 0.75};
  for (int s = 0; s < 3; ++s) {
    ChartSeries series;
    series.name = ctx.T(names[s]);
    series.indicator = &ind;
    series.storage = storage;
    band.series.push_back(std::move(series));
  }
  for (size_t i = 0; i < band.periods.size(); ++i) {
    std::vector<double> numbers;
    for (const ChartSeries& s : bureaus.series) {
      const Value* v = s.values[i];
      if (v && v->status == ValueStatus::kNumber) numbers.push_back(v->number);
    }
    std::sort(numbers.begin(), numbers.end());
    for (int s = 0; s < 3; ++s) {
      Value& v = (*storage)[s * band.periods.size() + i];
      v.listed = true;
      if (!numbers.empty()) v = {ValueStatus::kNumber, Quantile(numbers, ps[s]), true};
      band.series[s].values.push_back(&v);
    }
  }
  return band;
}

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
    const std::string series_name = ctx.T("series_" + kind_id);
    const size_t reporting = chart.series.size();
    chart.id = "chart-" + kind_id;
    chart.title = ctx.Tr(ind.name) + (format::IsChinese(lang) ? "（" : " (") + series_name +
                  (format::IsChinese(lang) ? "）" : ")");
    // A series with no figure at all (only withheld or not reported) draws nothing: keep
    // the table, which says why, and leave the chart out.
    bool any_figure = false;
    for (const ChartSeries& s : chart.series) {
      for (const Value* v : s.values) any_figure |= v && v->status == ValueStatus::kNumber;
    }
    TemplateData k;
    // More lines than a reader can tell apart: draw the spread of all bureaus instead.
    if (reporting > kMaxIndicatorSeries) {
      ChartData band = BandChart(ctx, ind, chart);
      band.id = chart.id;
      band.title = ReplaceAll(
          ReplaceAll(WithCount(ctx.T("band_title"), reporting), "{name}", ctx.Tr(ind.name)),
          "{series}", series_name);
      chart = std::move(band);
    }
    if (any_figure) {
      chart.csv_name = chart.id + ".csv";
      files.push_back({dir + chart.csv_name, ChartCsv(ctx, chart)});
    }
    const TableShape shape = ShapeOf(model, ind, kind);
    files.push_back({dir + "table-" + kind_id + ".csv", TableCsv(ctx, ind, kind, shape)});
    if (shape.bureaus.size() <= kTableBureaus) {
      k = ChangeTable(ctx, ind, kind, shape, 0, shape.bureaus.size());
      k.Set("has_table", true);
    } else {
      // The table in pages of kTableBureaus bureaus, each a page of its own.
      k.Set("pages", Pager(ctx, ind, kind_id, shape.bureaus.size(), 0));
      k.Set("has_pages", true);
      for (size_t from = 0, page = 1; from < shape.bureaus.size(); from += kTableBureaus, ++page) {
        const size_t to = std::min(shape.bureaus.size(), from + kTableBureaus);
        PageContext pc(in, lang,
                       urls::IndicatorTable(lang, ind.id, kind_id, static_cast<int>(page)));
        TemplateData td = ChangeTable(pc, ind, kind, shape, from, to);
        td.Set("id", kind_id);
        td.Set("indicator_name", pc.Tr(ind.name));
        td.Set("indicator_url", pc.Link(urls::Indicator(lang, ind.id)));
        td.Set("series", series_name);
        std::string heading =
            FromTo(ReplaceAll(ReplaceAll(pc.T("table_page_heading"), "{name}", pc.Tr(ind.name)),
                              "{series}", series_name),
                   from + 1, to);
        td.Set("heading", heading);
        td.Set("pages", Pager(pc, ind, kind_id, shape.bureaus.size(), static_cast<int>(page)));
        td.Set("has_pages", true);
        files.push_back(pc.Finish(t, "indicator_table", std::move(td), heading,
                                  {{pc.T("home"), urls::Home(lang)},
                                   {pc.Tr(ind.name), urls::Indicator(lang, ind.id)},
                                   {FromTo(pc.T("table_page_label"), from + 1, to), ""}}));
      }
    }
    if (reporting > kMaxIndicatorSeries) {
      k.Set("band_note",
            ReplaceAll(ctx.T("band_note"), "{max}", std::to_string(kMaxIndicatorSeries)));
    }
    k.Set("id", kind_id);
    k.Set("name", series_name);
    k.Set("series", series_name);
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
