#include "render/search_page.h"

#include <set>

#include "render/urls.h"

namespace nianbao {

OutputFile RenderSearchPage(const RenderInputs& in, const Templates& t, const std::string& lang) {
  PageContext ctx(in, lang, urls::Search(lang));
  TemplateData data;
  data.Set("heading", TemplateData::Borrow(ctx.T("search_heading")));
  data.Set("root", urls::RootOf(ctx.path()));
  // Loaded with the page, not after the first query: one wait less before the results.
  data.Set("index_url", urls::RootOf(ctx.path()) + "assets/search/" + lang + ".js");
  std::set<int> seen;
  for (const Edition& e : in.model.content.editions) seen.insert(e.period.year);
  TemplateData years = TemplateData::EmptyList();
  for (auto y = seen.rbegin(); y != seen.rend(); ++y) {
    TemplateData d;
    d.Set("year", std::to_string(*y));
    years.Push(std::move(d));
  }
  data.Set("years", std::move(years));
  data.Set("is_search", true);
  const std::string& title = ctx.T("search_heading");
  return ctx.Finish(t, "search", std::move(data), title,
                    {{ctx.T("home"), urls::Home(lang)}, {title, ""}});
}

search::DocInfo SearchInfoOf(const RenderInputs& in, const std::string& lang, const Edition& e) {
  PageContext ctx(in, lang, urls::Report(lang, e.bureau, e.name));
  search::DocInfo info{lang,          ctx.path(), "report", e.bureau, ctx.PeriodLabel(e.period),
                       e.period.year, ""};
  if (const Bureau* b = in.model.catalog.FindBureau(e.bureau)) info.extra = ctx.Tr(b->name);
  return info;
}

search::DocInfo SearchInfoOf(const RenderInputs& in, const std::string& lang, const Bureau& b) {
  PageContext ctx(in, lang, urls::Bureau(lang, b.id));
  return {lang, ctx.path(), "bureau", b.id, "", 0, ctx.Tr(b.short_name)};
}

search::DocInfo SearchInfoOf(const RenderInputs&, const std::string& lang, const Indicator& ind) {
  return {lang, urls::Indicator(lang, ind.id), "indicator", "", "", 0, ""};
}

search::DocInfo SearchInfoOf(const RenderInputs&, const std::string& lang, const Page& p) {
  return {lang, urls::Page(lang, p.id), "page", "", "", 0, ""};
}

std::vector<std::string> SearchedPaths(const SiteModel& model, const std::string& lang) {
  std::vector<std::string> paths;
  for (const Page& p : model.content.pages) paths.push_back(urls::Page(lang, p.id));
  for (const Indicator& ind : model.catalog.indicators) {
    paths.push_back(urls::Indicator(lang, ind.id));
  }
  for (const Bureau& b : model.catalog.bureaus) paths.push_back(urls::Bureau(lang, b.id));
  for (const Edition& e : model.content.editions) {
    paths.push_back(urls::Report(lang, e.bureau, e.name));
  }
  return paths;
}

std::vector<search::BureauChoice> SearchBureaus(const RenderInputs& in, const std::string& lang) {
  PageContext ctx(in, lang, urls::Search(lang));
  std::vector<search::BureauChoice> out;
  for (const Bureau& b : in.model.catalog.bureaus) out.push_back({b.id, ctx.Tr(b.name)});
  return out;
}

}  // namespace nianbao
