#include "render/index_pages.h"

#include "core/text.h"
#include "render/urls.h"

namespace nianbao {

std::string WithCount(const std::string& text, size_t count) {
  return ReplaceAll(text, "{count}", std::to_string(count));
}

OutputFile RenderBureauIndex(const RenderInputs& in, const Templates& t, const std::string& lang) {
  PageContext ctx(in, lang, urls::BureauIndex(lang));
  const SiteModel& model = in.model;
  TemplateData data;
  data.Set("heading", TemplateData::Borrow(ctx.T("bureau_index_heading")));
  data.Set("intro", WithCount(ctx.T("bureau_index_intro"), model.catalog.bureaus.size()));
  auto entry = [&](const Bureau& b) {
    TemplateData bd;
    bd.Set("name", TemplateData::Borrow(ctx.Tr(b.name)));
    bd.Set("url", ctx.Link(urls::Bureau(lang, b.id)));
    if (const Edition* latest = model.Latest(b.id)) {
      bd.Set("latest_label", ctx.PeriodLabel(latest->period));
      bd.Set("latest_url", ctx.Link(urls::Report(lang, b.id, latest->name)));
      bd.Set("editions", WithCount(ctx.T("edition_count"), model.EditionsOf(b.id).size()));
    }
    return bd;
  };
  // Bureaus are kept in list order (level, order, id), so each level is one run; inside
  // it they are grouped by parent, the parents in list order, those without one first.
  TemplateData levels = TemplateData::EmptyList();
  const std::vector<Bureau>& all = model.catalog.bureaus;
  for (size_t from = 0; from < all.size();) {
    size_t to = from;
    while (to < all.size() && all[to].level == all[from].level) ++to;
    std::vector<const Bureau*> run;
    for (size_t i = from; i < to; ++i) run.push_back(&all[i]);
    auto parent_index = [&](const Bureau* b) -> long long {
      const Bureau* p = model.catalog.FindBureau(b->parent);
      return p ? static_cast<long long>(p->index) : -1;
    };
    std::stable_sort(run.begin(), run.end(), [&](const Bureau* a, const Bureau* b) {
      return parent_index(a) < parent_index(b);
    });
    TemplateData groups = TemplateData::EmptyList();
    for (size_t i = 0; i < run.size();) {
      size_t j = i;
      TemplateData bureaus = TemplateData::EmptyList();
      while (j < run.size() && parent_index(run[j]) == parent_index(run[i])) {
        bureaus.Push(entry(*run[j]));
        ++j;
      }
      TemplateData g;
      if (const Bureau* p = model.catalog.FindBureau(run[i]->parent)) {
        g.Set("parent_heading", ReplaceAll(ctx.T("under_parent"), "{name}", ctx.Tr(p->name)));
        g.Set("parent_url", ctx.Link(urls::Bureau(lang, p->id)));
        g.Set("id", std::string(BureauLevelId(all[from].level)) + "-" + p->id);
      }
      g.Set("bureaus", std::move(bureaus));
      groups.Push(std::move(g));
      i = j;
    }
    TemplateData level;
    const std::string id(BureauLevelId(all[from].level));
    level.Set("id", id);
    level.Set("name", ReplaceAll(WithCount(ctx.T("bureau_level_group"), to - from), "{level}",
                                 ctx.T("level_" + id)));
    level.Set("groups", std::move(groups));
    levels.Push(std::move(level));
    from = to;
  }
  data.Set("levels", std::move(levels));
  return ctx.Finish(t, "bureaus", std::move(data), ctx.T("bureau_index_heading"),
                    {{ctx.T("home"), urls::Home(lang)}, {ctx.T("bureaus"), ""}});
}

OutputFile RenderIndicatorIndex(const RenderInputs& in, const Templates& t,
                                const std::string& lang) {
  PageContext ctx(in, lang, urls::IndicatorIndex(lang));
  TemplateData data;
  data.Set("heading", TemplateData::Borrow(ctx.T("indicator_index_heading")));
  TemplateData categories = TemplateData::EmptyList();
  for (const Category& cat : in.model.catalog.categories) {
    TemplateData list = TemplateData::EmptyList();
    for (const Indicator& ind : in.model.catalog.indicators) {
      if (ind.category != cat.id) continue;
      TemplateData item;
      item.Set("name", TemplateData::Borrow(ctx.Tr(ind.name)));
      item.Set("unit", TemplateData::Borrow(ctx.Tr(ind.unit)));
      item.Set("url", ctx.Link(urls::Indicator(lang, ind.id)));
      list.Push(std::move(item));
    }
    if (list.IsEmptyList()) continue;
    TemplateData c;
    c.Set("id", cat.id);
    c.Set("name", TemplateData::Borrow(ctx.Tr(cat.name)));
    c.Set("indicators", std::move(list));
    categories.Push(std::move(c));
  }
  data.Set("categories", std::move(categories));
  return ctx.Finish(t, "indicators", std::move(data), ctx.T("indicator_index_heading"),
                    {{ctx.T("home"), urls::Home(lang)}, {ctx.T("indicators"), ""}});
}

}  // namespace nianbao
