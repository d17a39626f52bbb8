#include "render/indicator_page.h"

#include <algorithm>
#include <cstdlib>
#include <map>

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
      csv::AppendField(out, ctx.Tr(b->short_name));
      out += ',';
      csv::AppendField(out, ctx.PeriodLabel(p));
      ((((out += ',') += value) += ',') += delta) += "\r\n";
    }
  }
  return out;
}

// Template data of the table's rows for bureaus [from, to).
// `below` (may be null): the first table page of each parent's group, linked from its row.
TemplateData ChangeTable(const PageContext& ctx, const Indicator& ind, PeriodKind kind,
                         const TableShape& shape, size_t from, size_t to,
                         const std::map<const Bureau*, int>* below = nullptr,
                         std::string_view kind_id = {}) {
  const SiteModel& model = ctx.model();
  TemplateData columns = TemplateData::EmptyList();
  for (const EditionName& p : shape.periods) columns.Push(One("label", ctx.PeriodLabel(p)));
  TemplateData rows = TemplateData::EmptyList();
  for (size_t i = from; i < to && i < shape.bureaus.size(); ++i) {
    const Bureau& b = *shape.bureaus[i];
    const std::vector<const Edition*>& series = model.SeriesOf(b.id, kind);
    TemplateData cells = TemplateData::ListWithRoom(shape.periods.size());
    for (const EditionName& p : shape.periods) {
      TemplateData cell = TemplateData::ObjectWithRoom(4);
      const Edition* e = EditionIn(series, p.year);
      if (!e) {
        cell.Set("text", TemplateData::Borrow(ctx.T("no_edition")));
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
    TemplateData row = TemplateData::ObjectWithRoom(4);
    row.Set("name", TemplateData::Borrow(ctx.Tr(b.short_name)));
    row.Set("url", ctx.Link(urls::Bureau(ctx.lang(), b.id)));
    if (below) {
      if (auto it = below->find(&b); it != below->end()) {
        row.Set("below_url",
                ctx.Link(urls::IndicatorTable(ctx.lang(), ind.id, kind_id, it->second)));
      }
    }
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

// A table page's name: its parent's short name ("甲市局", with the bureaus' numbers when
// the parent's group takes several pages), else the bureaus' numbers.
std::string PageLabel(const PageContext& ctx, const TablePage& page, size_t bureaus) {
  (void)bureaus;
  const std::string numbers = FromTo(ctx.T("table_page_label"), page.from + 1, page.to);
  if (!page.parent) {
    // Beside pages named by parents, the first one is named too.
    const SiteModel& model = ctx.model();
    if (model.TopLevel().size() == model.catalog.bureaus.size()) return numbers;
    return ctx.T("top_level_group") + (format::IsChinese(ctx.lang()) ? "：" : ": ") + numbers;
  }
  return ctx.Tr(page.parent->short_name) + (format::IsChinese(ctx.lang()) ? "：" : ": ") + numbers;
}

// The table pages that the indicator page links: those of bureaus without a parent and of
// the bureaus under a top-level one. The rest are reached down the tree (a row of a bureau
// with bureaus under it links their page) or along a page's pager.
bool IsTopGroup(const SiteModel& model, const TablePage& page) {
  return !page.parent || !model.catalog.FindBureau(page.parent->parent);
}

// The first table page of each parent's group (1-based), for the rows that link down.
std::map<const Bureau*, int> FirstPageOf(const std::vector<TablePage>& pages) {
  std::map<const Bureau*, int> first;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].parent) first.try_emplace(pages[i].parent, static_cast<int>(i) + 1);
  }
  return first;
}

// A table page's breadcrumbs: home, the indicator, then up the tree the pages that hold the
// rows of the group's parent, its parent's, … as far as a top group, then the page itself.
std::vector<Crumb> TableCrumbs(const PageContext& ctx, const Indicator& ind,
                               std::string_view kind_id, const std::vector<TablePage>& pages,
                               const std::vector<const Bureau*>& order, size_t page) {
  const SiteModel& model = ctx.model();
  auto holding = [&](const Bureau* b) -> size_t {  // the page with b's row, 0 if none
    for (size_t i = 0; i < pages.size(); ++i) {
      for (size_t k = pages[i].from; k < pages[i].to; ++k) {
        if (order[k] == b) return i + 1;
      }
    }
    return 0;
  };
  std::vector<size_t> up;  // nearest first
  for (size_t at = page; !IsTopGroup(model, pages[at - 1]) && up.size() < 16;) {
    at = holding(pages[at - 1].parent);
    if (at == 0 || at == page) break;
    up.push_back(at);
  }
  std::vector<Crumb> crumbs = {{ctx.T("home"), urls::Home(ctx.lang())},
                               {ctx.Tr(ind.name), urls::Indicator(ctx.lang(), ind.id)}};
  for (size_t i = up.size(); i-- > 0;) {
    crumbs.push_back({PageLabel(ctx, pages[up[i] - 1], order.size()),
                      urls::IndicatorTable(ctx.lang(), ind.id, kind_id, static_cast<int>(up[i]))});
  }
  crumbs.push_back({PageLabel(ctx, pages[page - 1], order.size()), ""});
  return crumbs;
}

// Links to the pages of a long table. On the indicator page (`current` 0) the pages of the
// top groups are listed, at most kIndicatorPageLinks of them (the first ones and the last);
// a table page lists the first, the last and the two on either side of itself, so that no
// page's size grows with the number of bureaus.
constexpr int kIndicatorPageLinks = 12;

TemplateData Pager(const PageContext& ctx, const Indicator& ind, std::string_view kind_id,
                   const std::vector<TablePage>& table_pages, size_t bureaus, int current) {
  const int count = static_cast<int>(table_pages.size());
  std::vector<int> listed;
  if (current == 0) {
    for (int page = 1; page <= count; ++page) {
      if (IsTopGroup(ctx.model(), table_pages[page - 1])) listed.push_back(page);
    }
    if (static_cast<int>(listed.size()) > kIndicatorPageLinks) {
      const int last = listed.back();
      listed.resize(kIndicatorPageLinks - 1);
      listed.push_back(last);
    }
  } else {
    for (int page = 1; page <= count; ++page) {
      if (page == 1 || page == count || std::abs(page - current) <= 2) listed.push_back(page);
    }
  }
  TemplateData pages = TemplateData::EmptyList();
  for (size_t i = 0; i < listed.size(); ++i) {
    const int page = listed[i];
    TemplateData p;
    p.Set("label", PageLabel(ctx, table_pages[page - 1], bureaus));
    p.Set("url", ctx.Link(urls::IndicatorTable(ctx.lang(), ind.id, kind_id, page)));
    p.Set("current", page == current);
    // A gap in the numbers is marked, so that a reader knows pages are left out.
    p.Set("gap_before", i > 0 && listed[i - 1] != page - 1);
    pages.Push(std::move(p));
  }
  return pages;
}

}  // namespace

ChartData LevelBandChart(const PageContext& ctx, const Indicator& ind,
                         const std::vector<EditionName>& periods, int rank) {
  ChartData band;
  band.periods = periods;
  band.name_series = true;
  auto storage = std::make_shared<std::vector<Value>>(3 * periods.size());
  const char* names[] = {"band_q1", "band_median", "band_q3"};
  const char* parts[] = {"q1", "median", "q3"};
  for (int s = 0; s < 3; ++s) {
    ChartSeries series;
    series.name = ctx.T(names[s]);
    series.indicator = &ind;
    series.storage = storage;
    series.band = parts[s];
    band.series.push_back(std::move(series));
  }
  for (size_t i = 0; i < periods.size(); ++i) {
    const Band b = ctx.model().BandOf(ind, rank, periods[i]);
    const double q[] = {b.q1, b.median, b.q3};
    for (int s = 0; s < 3; ++s) {
      Value& v = (*storage)[s * periods.size() + i];
      v.listed = true;
      if (b.count > 0) v = {ValueStatus::kNumber, q[s], true};
      band.series[s].values.push_back(&v);
    }
  }
  return band;
}

std::vector<TablePage> TablePages(const SiteModel& model, std::vector<const Bureau*>& order) {
  auto parent_of = [&](const Bureau* b) { return model.catalog.FindBureau(b->parent); };
  auto key = [&](const Bureau* b) {
    const Bureau* p = parent_of(b);
    return p ? static_cast<long long>(p->index) : -1LL;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](const Bureau* a, const Bureau* b) { return key(a) < key(b); });
  std::vector<TablePage> pages;
  for (size_t from = 0; from < order.size();) {
    size_t end = from;
    while (end < order.size() && key(order[end]) == key(order[from])) ++end;
    for (size_t i = from; i < end; i += kTableBureaus) {
      pages.push_back({i, std::min(end, i + kTableBureaus), parent_of(order[from])});
    }
    from = end;
  }
  return pages;
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
  data.Set("heading", TemplateData::Borrow(ctx.Tr(ind.name)));
  if (const Category* cat = model.catalog.FindCategory(ind.category)) {
    data.Set("category", TemplateData::Borrow(ctx.Tr(cat->name)));
  }
  if (!ind.description.empty())
    data.Set("description", TemplateData::Borrow(ctx.Tr(ind.description)));
  data.Set("unit", TemplateData::Borrow(ctx.Tr(ind.unit)));
  data.Set("change_rule",
           ctx.T(ind.kind == IndicatorKind::kRate ? "change_rule_points" : "change_rule_percent"));
  data.Set("better",
           TemplateData::Borrow(ctx.T(ind.better == Better::kHigher  ? "better_higher"
                                      : ind.better == Better::kLower ? "better_lower"
                                                                     : "better_neutral")));

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
    // A chart with no figure at all (only withheld or not reported) draws nothing: the
    // table says why, and the chart is left out.
    TemplateData k;
    const bool zh = format::IsChinese(lang);
    std::vector<ChartData> charts;
    if (reporting <= kMaxIndicatorSeries) {
      charts.push_back(std::move(chart));
    } else {
      // More lines than a reader can tell apart: one chart per level, each level's own
      // lines if they are few, else the band of all its bureaus (a county's figures are
      // not drawn on a province's scale). IndicatorChart has a series per bureau of the
      // table's shape, in the same order.
      const TableShape all = ShapeOf(model, ind, kind);
      for (int rank = 0; rank <= 2; ++rank) {
        ChartData level;
        level.periods = chart.periods;
        level.name_series = true;
        for (size_t i = 0; i < all.bureaus.size() && i < chart.series.size(); ++i) {
          if (LevelRank(all.bureaus[i]->level) == rank) level.series.push_back(chart.series[i]);
        }
        const size_t count = level.series.size();
        if (count == 0) continue;
        const std::string level_name = ctx.T("rank_" + std::to_string(rank));
        if (count > kMaxIndicatorSeries) {
          level = LevelBandChart(ctx, ind, chart.periods, rank);
          level.title =
              ReplaceAll(ReplaceAll(ReplaceAll(WithCount(ctx.T("band_level_title"), count),
                                               "{name}", ctx.Tr(ind.name)),
                                    "{series}", series_name),
                         "{level}", level_name);
        } else {
          level.title = ctx.Tr(ind.name) + (zh ? "（" : " (") + series_name + (zh ? "，" : ", ") +
                        level_name + (zh ? "）" : ")");
        }
        level.id = chart.id + "-" + std::to_string(rank);
        charts.push_back(std::move(level));
      }
    }
    std::string charts_html;
    for (ChartData& c : charts) {
      bool figures = false;
      for (const ChartSeries& s : c.series) {
        for (const Value* v : s.values) figures |= v && v->status == ValueStatus::kNumber;
      }
      if (!figures) continue;
      c.csv_name = c.id + ".csv";
      files.push_back({dir + c.csv_name, ChartCsv(ctx, c)});
      charts_html += t.Render("chart", ChartTemplateData(ctx, c));
    }
    TableShape shape = ShapeOf(model, ind, kind);
    files.push_back({dir + "table-" + kind_id + ".csv", TableCsv(ctx, ind, kind, shape)});
    // A short table stays on the page; a long one is split by parent.
    const std::vector<TablePage> pages = shape.bureaus.size() <= kTableBureaus
                                             ? std::vector<TablePage>{}
                                             : TablePages(model, shape.bureaus);
    if (pages.empty()) {
      k = ChangeTable(ctx, ind, kind, shape, 0, shape.bureaus.size());
      k.Set("has_table", true);
    } else {
      // The table in pages, one per parent (and of at most kTableBureaus bureaus).
      k.Set("pages", Pager(ctx, ind, kind_id, pages, shape.bureaus.size(), 0));
      k.Set("has_pages", true);
      const std::map<const Bureau*, int> below = FirstPageOf(pages);
      for (size_t page = 1; page <= pages.size(); ++page) {
        const TablePage& tp = pages[page - 1];
        PageContext pc(in, lang,
                       urls::IndicatorTable(lang, ind.id, kind_id, static_cast<int>(page)));
        TemplateData td = ChangeTable(pc, ind, kind, shape, tp.from, tp.to, &below, kind_id);
        td.Set("id", kind_id);
        td.Set("indicator_name", pc.Tr(ind.name));
        td.Set("indicator_url", pc.Link(urls::Indicator(lang, ind.id)));
        td.Set("series", series_name);
        const std::string label = PageLabel(pc, tp, shape.bureaus.size());
        std::string heading =
            ReplaceAll(ReplaceAll(pc.T("table_page_heading"), "{name}", pc.Tr(ind.name)),
                       "{series}", series_name);
        heading = tp.parent ? ReplaceAll(ReplaceAll(ReplaceAll(pc.T("table_parent_heading"),
                                                               "{name}", pc.Tr(ind.name)),
                                                    "{series}", series_name),
                                         "{parent}", label)
                            : FromTo(heading, tp.from + 1, tp.to);
        td.Set("heading", heading);
        td.Set("pages",
               Pager(pc, ind, kind_id, pages, shape.bureaus.size(), static_cast<int>(page)));
        td.Set("has_pages", true);
        td.Set("pager_h2", true);  // under the page's h1 (on the indicator page, under an h2)
        files.push_back(pc.Finish(t, "indicator_table", std::move(td), heading,
                                  TableCrumbs(pc, ind, kind_id, pages, shape.bureaus, page)));
      }
    }
    if (reporting > kMaxIndicatorSeries) {
      k.Set("band_note",
            ReplaceAll(ctx.T("band_note"), "{max}", std::to_string(kMaxIndicatorSeries)));
    }
    k.Set("id", kind_id);
    k.Set("name", series_name);
    k.Set("series", series_name);
    if (!charts_html.empty()) k.Set("chart_html", charts_html);
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
