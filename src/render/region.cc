#include "render/region.h"

#include <algorithm>

#include "core/text.h"
#include "format/number_format.h"
#include "render/index_pages.h"
#include "render/urls.h"

namespace nianbao {

std::vector<Crumb> BureauCrumbs(const PageContext& ctx, const Bureau& bureau) {
  std::vector<Crumb> crumbs = {{ctx.T("home"), urls::Home(ctx.lang())}};
  for (const Bureau* up : ctx.model().AncestorsOf(bureau)) {
    crumbs.push_back({ctx.Tr(up->short_name), urls::Bureau(ctx.lang(), up->id)});
  }
  crumbs.push_back({ctx.Tr(bureau.short_name), ""});
  return crumbs;
}

std::vector<const Indicator*> HeadlineIndicators(const SiteModel& model,
                                                 const std::vector<const Bureau*>& bureaus) {
  std::vector<const Indicator*> out;
  for (const Indicator& ind : model.catalog.indicators) {
    if (out.size() == kHeadlineIndicators) break;
    for (const Bureau* b : bureaus) {
      const Edition* latest = model.Latest(b->id);
      if (latest && latest->Lists(ind)) {
        out.push_back(&ind);
        break;
      }
    }
  }
  return out;
}

std::vector<RankedRow> RankBureaus(const SiteModel& model, const Indicator& indicator,
                                   const std::vector<const Bureau*>& bureaus) {
  struct Entry {
    RankedRow row;
    int group = 0;  // 0 a figure, 1 withheld, 2 not reported
    double shown = 0;
  };
  std::vector<Entry> entries;
  for (const Bureau* b : bureaus) {
    Entry e;
    e.row.bureau = b;
    e.row.edition = model.Latest(b->id);
    const Value v = e.row.edition ? e.row.edition->ValueOf(indicator) : Value{};
    if (v.status == ValueStatus::kNumber) {
      // Ranked as shown: two figures that print the same share a rank.
      e.shown = format::RoundHalfAway(v.number, indicator.decimals);
      if (indicator.better == Better::kLower) e.shown = -e.shown;
    } else {
      e.group = v.status == ValueStatus::kWithheld ? 1 : 2;
    }
    entries.push_back(e);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.group != b.group) return a.group < b.group;
    return a.group == 0 && a.shown > b.shown;
  });
  std::vector<RankedRow> rows;
  for (size_t i = 0; i < entries.size(); ++i) {
    Entry& e = entries[i];
    if (e.group == 0) {
      const bool tie = i > 0 && entries[i - 1].group == 0 && entries[i - 1].shown == e.shown;
      e.row.rank = tie ? rows.back().rank : static_cast<int>(i) + 1;
    }
    rows.push_back(e.row);
  }
  return rows;
}

namespace {

// A figure with its unit ("12.35万户", "98.7%"), or the words for withheld, not reported
// and no edition.
std::string FigureText(const PageContext& ctx, const Edition* e, const Indicator& ind) {
  if (!e) return ctx.T("no_editions");
  return ctx.ValueText(e->ValueOf(ind), ind, format::Style::kProse, ctx.lang());
}

}  // namespace

void SetRegion(const PageContext& ctx, const Bureau& bureau, TemplateData& data) {
  const SiteModel& model = ctx.model();
  const std::string& lang = ctx.lang();
  const std::vector<const Bureau*>& children = model.ChildrenOf(bureau.id);
  if (children.empty()) return;
  const std::vector<const Indicator*> headline = HeadlineIndicators(model, children);
  data.Set("has_children", true);
  data.Set("children_heading", WithCount(ctx.T("children_heading"), children.size()));
  TemplateData columns = TemplateData::EmptyList();
  for (const Indicator* ind : headline) {
    TemplateData c;
    c.Set("name", TemplateData::Borrow(ctx.Tr(ind->name)));
    c.Set("unit", TemplateData::Borrow(ctx.Tr(ind->unit)));
    columns.Push(std::move(c));
  }
  data.Set("headline_columns", std::move(columns));
  TemplateData rows = TemplateData::EmptyList();
  for (const Bureau* child : children) {
    TemplateData row;
    row.Set("name", TemplateData::Borrow(ctx.Tr(child->short_name)));
    row.Set("url", ctx.Link(urls::Bureau(lang, child->id)));
    row.Set("level",
            TemplateData::Borrow(ctx.T("level_" + std::string(BureauLevelId(child->level)))));
    const std::vector<const Bureau*>& grandchildren = model.ChildrenOf(child->id);
    if (!grandchildren.empty()) {
      row.Set("under", WithCount(ctx.T("children_count"), grandchildren.size()));
    }
    const Edition* latest = model.Latest(child->id);
    if (latest) {
      row.Set("latest_label", ctx.PeriodLabel(latest->period));
      row.Set("latest_url", ctx.Link(urls::Report(lang, child->id, latest->name)));
    }
    TemplateData cells = TemplateData::EmptyList();
    for (const Indicator* ind : headline) {
      TemplateData cell;
      cell.Set("text", latest ? FigureText(ctx, latest, *ind) : "—");
      cell.Set("missing", !latest || latest->ValueOf(*ind).status != ValueStatus::kNumber);
      cells.Push(std::move(cell));
    }
    row.Set("cells", std::move(cells));
    rows.Push(std::move(row));
  }
  data.Set("children", std::move(rows));
  data.Set("rankings_heading", TemplateData::Borrow(ctx.T("rankings_heading")));

  // One table per headline indicator, already sorted: a ranking needs no script.
  TemplateData rankings = TemplateData::EmptyList();
  for (const Indicator* ind : headline) {
    TemplateData r;
    r.Set("id", ind->id);
    r.Set("heading", ReplaceAll(ctx.T("ranking_heading"), "{name}", ctx.Tr(ind->name)));
    r.Set("order",
          ctx.T(ind->better == Better::kLower ? "ranking_order_lower" : "ranking_order_higher"));
    r.Set("indicator_url", ctx.Link(urls::Indicator(lang, ind->id)));
    TemplateData ranked = TemplateData::EmptyList();
    for (const RankedRow& row : RankBureaus(model, *ind, children)) {
      TemplateData d;
      d.Set("rank", row.rank > 0 ? std::to_string(row.rank) : "—");
      d.Set("name", TemplateData::Borrow(ctx.Tr(row.bureau->short_name)));
      d.Set("url", ctx.Link(urls::Bureau(lang, row.bureau->id)));
      d.Set("value", FigureText(ctx, row.edition, *ind));
      d.Set("missing", row.rank == 0);
      if (row.edition) {
        d.Set("period", ctx.PeriodLabel(row.edition->period));
        d.Set("report_url", ctx.Link(urls::Report(lang, row.bureau->id, row.edition->name)));
      }
      ranked.Push(std::move(d));
    }
    r.Set("rows", std::move(ranked));
    rankings.Push(std::move(r));
  }
  data.Set("rankings", std::move(rankings));
}

}  // namespace nianbao
