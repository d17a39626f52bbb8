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
  data.Set("heading", ctx.T("bureau_index_heading"));
  data.Set("intro", WithCount(ctx.T("bureau_index_intro"), model.catalog.bureaus.size()));
  // Bureaus are kept in list order (level, order, id), so each level is one run.
  TemplateData levels = TemplateData::EmptyList();
  TemplateData bureaus = TemplateData::EmptyList();
  const Bureau* run = nullptr;
  auto close_run = [&] {
    if (!run) return;
    TemplateData level;
    const std::string id(BureauLevelId(run->level));
    level.Set("id", id);
    level.Set("name", ctx.T("level_" + id));
    level.Set("bureaus", std::move(bureaus));
    levels.Push(std::move(level));
    bureaus = TemplateData::EmptyList();
  };
  for (const Bureau& b : model.catalog.bureaus) {
    if (run && run->level != b.level) close_run();
    run = &b;
    TemplateData bd;
    bd.Set("name", ctx.Tr(b.name));
    bd.Set("url", ctx.Link(urls::Bureau(lang, b.id)));
    if (const Edition* latest = model.Latest(b.id)) {
      bd.Set("latest_label", ctx.PeriodLabel(latest->period));
      bd.Set("latest_url", ctx.Link(urls::Report(lang, b.id, latest->name)));
      bd.Set("editions", WithCount(ctx.T("edition_count"), model.EditionsOf(b.id).size()));
    }
    bureaus.Push(std::move(bd));
  }
  close_run();
  data.Set("levels", std::move(levels));
  return ctx.Finish(t, "bureaus", std::move(data), ctx.T("bureau_index_heading"),
                    {{ctx.T("home"), urls::Home(lang)}, {ctx.T("bureaus"), ""}});
}

OutputFile RenderIndicatorIndex(const RenderInputs& in, const Templates& t,
                                const std::string& lang) {
  PageContext ctx(in, lang, urls::IndicatorIndex(lang));
  TemplateData data;
  data.Set("heading", ctx.T("indicator_index_heading"));
  TemplateData categories = TemplateData::EmptyList();
  for (const Category& cat : in.model.catalog.categories) {
    TemplateData list = TemplateData::EmptyList();
    for (const Indicator& ind : in.model.catalog.indicators) {
      if (ind.category != cat.id) continue;
      TemplateData item;
      item.Set("name", ctx.Tr(ind.name));
      item.Set("unit", ctx.Tr(ind.unit));
      item.Set("url", ctx.Link(urls::Indicator(lang, ind.id)));
      list.Push(std::move(item));
    }
    if (list.IsEmptyList()) continue;
    TemplateData c;
    c.Set("id", cat.id);
    c.Set("name", ctx.Tr(cat.name));
    c.Set("indicators", std::move(list));
    categories.Push(std::move(c));
  }
  data.Set("categories", std::move(categories));
  return ctx.Finish(t, "indicators", std::move(data), ctx.T("indicator_index_heading"),
                    {{ctx.T("home"), urls::Home(lang)}, {ctx.T("indicators"), ""}});
}

}  // namespace nianbao
