#include "render/bureau_trends.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "render/chart.h"
#include "render/csv.h"
#include "render/index_pages.h"
#include "render/indicator_page.h"
#include "render/urls.h"

namespace nianbao {

std::vector<std::vector<const Indicator*>> GroupForCharts(
    const std::vector<const Indicator*>& indicators, const std::vector<double>& peaks,
    const std::string& default_language) {
  struct Group {
    std::vector<const Indicator*> members;
    double low = 0, high = 0;  // smallest and largest peak of the members
  };
  std::vector<Group> groups;
  for (size_t i = 0; i < indicators.size(); ++i) {
    const Indicator* ind = indicators[i];
    const double peak = peaks[i];
    auto fits = [&](const Group& g) {
      const Indicator* first = g.members.front();
      if (g.members.size() >= kMaxSeries || first->kind != ind->kind ||
          first->unit.Get(default_language, default_language) !=
              ind->unit.Get(default_language, default_language)) {
        return false;
      }
      if (ind->kind == IndicatorKind::kRate) return true;  // all on the 0–100 scale
      double low = std::min(g.low, peak), high = std::max(g.high, peak);
      return low > 0 && high / low <= kMaxSpread;
    };
    auto it = std::find_if(groups.begin(), groups.end(), fits);
    if (it == groups.end()) {
      groups.push_back({{ind}, peak, peak});
    } else {
      it->members.push_back(ind);
      it->low = std::min(it->low, peak);
      it->high = std::max(it->high, peak);
    }
  }
  std::vector<std::vector<const Indicator*>> out;
  for (Group& g : groups) out.push_back(std::move(g.members));
  return out;
}

namespace {

// Where the bureau's latest figure stands among its peers' ("2023年低于同级下四分位数。"),
// compared as shown; "" without a figure and a band in the same period.
std::string PeerPosition(const PageContext& ctx, const ChartData& chart, const Indicator& ind) {
  const std::vector<const Value*>& own = chart.series[0].values;
  for (size_t i = own.size(); i-- > 0;) {
    const Value* v = own[i];
    const Value* q1 = chart.series[1].values[i];
    const Value* q3 = chart.series[3].values[i];
    const Value* median = chart.series[2].values[i];
    if (!v || v->status != ValueStatus::kNumber) continue;
    if (q1->status != ValueStatus::kNumber) return "";
    auto shown = [&](const Value* x) { return format::RoundHalfAway(x->number, ind.decimals); };
    const double x = shown(v);
    const char* key = x < shown(q1)       ? "peer_below_q1"
                      : x > shown(q3)     ? "peer_above_q3"
                      : x < shown(median) ? "peer_lower_half"
                      : x > shown(median) ? "peer_upper_half"
                                          : "peer_at_median";
    return ReplaceAll(ctx.T(key), "{period}", ctx.PeriodLabel(chart.periods[i]));
  }
  return "";
}

// The rows of a chart against peers in the page's peers-<kind>.csv: indicator, unit,
// period, the bureau's figure and the band (empty where there is none; "withheld").
void AppendPeerRows(const PageContext& ctx, const ChartData& chart, const Indicator& ind,
                    std::string& out) {
  const std::string head = csv::Field(ctx.Tr(ind.name)) + "," + csv::Field(ctx.Tr(ind.unit)) + ",";
  for (size_t i = 0; i < chart.periods.size(); ++i) {
    out += head;
    csv::AppendField(out, ctx.PeriodLabel(chart.periods[i]));
    for (const ChartSeries& s : chart.series) {
      const Value* v = s.values[i];
      out += ",";
      if (v && v->status == ValueStatus::kNumber) out += csv::Number(v->number, ind.decimals);
      if (v && v->status == ValueStatus::kWithheld) out += "withheld";
    }
    out += "\r\n";
  }
}

}  // namespace

TemplateData BureauTrends(const PageContext& ctx, const Templates& t, const std::string& bureau,
                          PeriodKind kind, OutputFiles& files) {
  const SiteModel& model = ctx.model();
  const std::string lang = ctx.lang();
  const std::string kind_id(PeriodKindId(kind));
  const std::string dir = ctx.path().substr(0, ctx.path().rfind('/') + 1);
  std::vector<const Edition*> series = model.SeriesOf(bureau, kind);
  int chart_count = 0;
  const std::string peers_csv_name = "peers-" + kind_id + ".csv";
  std::string peers_csv;  // rows of every chart against peers, for one file
  const Bureau* self = model.catalog.FindBureau(bureau);
  const int rank = self ? LevelRank(self->level) : 1;
  TemplateData categories = TemplateData::EmptyList();
  for (const Category& cat : model.catalog.categories) {
    std::vector<const Indicator*> listed, peered;  // grouped charts; against peers
    std::vector<double> peaks;
    TemplateData rows = TemplateData::EmptyList();
    for (const Indicator& ind : model.catalog.indicators) {
      if (ind.category != cat.id) continue;
      bool any = false;
      double peak = 0;
      int numbers = 0;
      TemplateData cells = TemplateData::ListWithRoom(series.size());
      for (const Edition* e : series) {
        const Value& v = e->ValueOf(ind);
        any = any || e->Lists(ind);
        if (v.status == ValueStatus::kNumber) {
          peak = std::max(peak, std::fabs(v.number));
          ++numbers;
        }
        TemplateData cell = TemplateData::ObjectWithRoom(2);
        cell.Set("text", ctx.ValueText(v, ind, format::Style::kTable, lang));
        cell.Set("missing", v.status != ValueStatus::kNumber);
        cells.Push(std::move(cell));
      }
      if (!any) continue;
      TemplateData row;
      row.Set("name", TemplateData::Borrow(ctx.Tr(ind.name)));
      row.Set("unit", TemplateData::Borrow(ctx.Tr(ind.unit)));
      row.Set("url", ctx.Link(urls::Indicator(lang, ind.id)));
      row.Set("cells", std::move(cells));
      rows.Push(std::move(row));
      // Two figures are a change, not a trend: the table and the comparison page show
      // them better than a chart would.
      if (numbers >= kMinPointsForChart) {
        if (model.ReportingOf(ind, rank, kind) >= kMinPeers) {
          peered.push_back(&ind);
        } else {
          listed.push_back(&ind);
          peaks.push_back(peak);
        }
      }
    }
    if (rows.IsEmptyList()) continue;
    TemplateData charts = TemplateData::EmptyList();
    for (const auto& group : GroupForCharts(listed, peaks, model.config.default_language())) {
      std::vector<std::string> ids;
      std::string title;
      for (const Indicator* ind : group) {
        ids.push_back(ind->id);
        if (!title.empty()) title += format::IsChinese(lang) ? "、" : ", ";
        title += ctx.Tr(ind->name);
      }
      ChartData chart = BureauChart(ctx, bureau, kind, ids);
      chart.id = "trend-" + kind_id + "-" + std::to_string(++chart_count);
      // The period kind in the title: a bureau with annual and half-year reports has two
      // charts of the same indicators, and each needs a name of its own.
      const bool zh = format::IsChinese(lang);
      chart.title = title + (zh ? "（" : " (") + ctx.T("series_" + kind_id) + (zh ? "）" : ")");
      chart.csv_name = chart.id + ".csv";
      files.push_back({dir + chart.csv_name, ChartCsv(ctx, chart)});
      charts.Push(One("html", t.Render("chart", ChartTemplateData(ctx, chart))));
    }
    // Where its level has peers, an indicator's chart shows the bureau against their band,
    // so that a reader sees whether the figure is typical for a bureau of its level.
    for (const Indicator* ind : peered) {
      ChartData chart = BureauChart(ctx, bureau, kind, {ind->id});
      const std::string own = ctx.Tr(self->short_name);
      for (ChartSeries& s : chart.series) s.name = own;
      ChartData band = LevelBandChart(ctx, *ind, chart.periods, rank);
      for (ChartSeries& s : band.series) chart.series.push_back(std::move(s));
      chart.name_series = true;
      chart.summarized = 1;
      chart.id = "trend-" + kind_id + "-" + std::to_string(++chart_count);
      chart.title = ReplaceAll(
          ReplaceAll(WithCount(ctx.T("peer_band_title"), model.ReportingOf(*ind, rank, kind)),
                     "{name}", ctx.Tr(ind->name)),
          "{series}", ctx.T("series_" + kind_id));
      chart.summary_tail = PeerPosition(ctx, chart, *ind);
      // One CSV for all of them: a file per chart would triple a bureau's files.
      chart.csv_name = peers_csv_name;
      AppendPeerRows(ctx, chart, *ind, peers_csv);
      charts.Push(One("html", t.Render("chart", ChartTemplateData(ctx, chart))));
    }
    TemplateData c;
    c.Set("has_peer_charts", !peered.empty());
    c.Set("name", TemplateData::Borrow(ctx.Tr(cat.name)));
    c.Set("id", kind_id + "-" + cat.id);
    c.Set("rows", std::move(rows));
    c.Set("has_charts", !charts.IsEmptyList());
    c.Set("charts", std::move(charts));
    categories.Push(std::move(c));
  }
  if (!peers_csv.empty()) {
    const std::string& own = ctx.Tr(self->short_name);
    files.push_back({dir + peers_csv_name, std::string(csv::kBom) + csv::Field(ctx.T("indicator")) +
                                               "," + csv::Field(ctx.T("unit")) + "," +
                                               csv::Field(ctx.T("period")) + "," + csv::Field(own) +
                                               "," + csv::Field(ctx.T("band_q1")) + "," +
                                               csv::Field(ctx.T("band_median")) + "," +
                                               csv::Field(ctx.T("band_q3")) + "\r\n" + peers_csv});
  }
  return categories;
}

}  // namespace nianbao
