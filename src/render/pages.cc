#include "render/pages.h"

#include "core/text.h"
#include "model/comparisons.h"
#include "render/bureau_trends.h"
#include "render/chart.h"
#include "render/compare_page.h"
#include "render/urls.h"

namespace nianbao {

namespace {

std::string EditionTitle(const PageContext& ctx, const Edition& e) {
  const Bureau* b = ctx.model().catalog.FindBureau(e.bureau);
  std::string sep = format::IsChinese(ctx.lang()) ? "" : " ";
  return ctx.Tr(b->name) + sep + ctx.PeriodLabel(e.period) + sep + ctx.T("report_word");
}

// The narrative shown on a page in `lang`: its own, or the default language's.
const Narrative* NarrativeFor(const SiteModel& model, const std::map<std::string, Narrative>& all,
                              const std::string& lang) {
  if (auto it = all.find(lang); it != all.end()) return &it->second;
  if (auto it = all.find(model.config.default_language()); it != all.end()) return &it->second;
  return all.empty() ? nullptr : &all.begin()->second;
}

void SetNarrative(const PageContext& ctx, TemplateSet& t, TemplateData& data,
                  const std::map<std::string, Narrative>& all, const Edition* edition,
                  OutputFiles& files) {
  const Narrative* n = NarrativeFor(ctx.model(), all, ctx.lang());
  if (!n) return;
  data.set("has_narrative", true);
  data.set("narrative_html", FillNarrative(ctx, t, *n, edition, files));
  data.set("narrative_lang", n->lang);
  if (n->lang != ctx.lang()) {
    data.set("untranslated", true);
    data.set("untranslated_notice",
             ReplaceAll(ctx.T("no_translation"), "{language}",
                        ctx.inputs().theme.String(n->lang, "language_name")));
  }
  if (!n->front.date.empty()) data.set("date", n->front.date);
  if (!n->front.summary.empty()) data.set("summary", n->front.summary);
}

}  // namespace

std::string FillNarrative(const PageContext& page, TemplateSet& t, const Narrative& narrative,
                          const Edition* edition, OutputFiles& files) {
  PageContext ctx(page.inputs(), narrative.lang, page.path());
  std::string html = narrative.html;
  for (size_t i = 0; i < narrative.shortcodes.size(); ++i) {
    const Shortcode& sc = narrative.shortcodes[i];
    const Indicator* ind = ctx.model().catalog.FindIndicator(sc.arg);
    std::string text;
    if (ind && edition) {
      if (sc.name == "value") {
        text = ctx.ValueText(edition->ValueOf(*ind), *ind, format::Style::kProse, ctx.lang());
      } else {
        text = ctx.ChangeText(ctx.model().ChangeOf(*edition, *ind), *ind, ctx.lang());
      }
    }
    html = ReplaceAll(html, ShortcodePlaceholder(i),
                      "<span class=\"figure\">" + HtmlEscape(text) + "</span>");
  }
  for (size_t i = 0; i < narrative.charts.size(); ++i) {
    const ChartSpec& spec = narrative.charts[i];
    std::string chart_html;
    if (edition) {
      ChartData chart = BureauChart(ctx, edition->bureau, edition->period.kind, spec.indicators);
      chart.id = "chart-" + std::to_string(i + 1);
      chart.bar = spec.bar;
      chart.title = spec.title.empty() ? chart.series.front().name : ctx.Tr(spec.title);
      chart.csv_name = chart.id + ".csv";
      std::string dir = page.path().substr(0, page.path().rfind('/') + 1);
      files.push_back({dir + chart.csv_name, ChartCsv(ctx, chart)});
      chart_html = t.Render("chart", ChartTemplateData(ctx, chart));
    }
    html = ReplaceAll(html, ChartPlaceholder(i), chart_html);
  }
  return html;
}

OutputFiles RenderReportPage(const RenderInputs& in, TemplateSet& t, const std::string& lang,
                             const Edition& e) {
  OutputFiles files;
  PageContext ctx(in, lang, urls::Report(lang, e.bureau, e.name));
  const SiteModel& model = in.model;
  const Bureau& bureau = *model.catalog.FindBureau(e.bureau);
  TemplateData data;
  std::string title = EditionTitle(ctx, e);
  if (auto it = e.narratives.find(lang);
      it != e.narratives.end() && !it->second.front.title.empty()) {
    title = it->second.front.title;
  } else if (auto d = NarrativeFor(model, e.narratives, lang); d && d->lang == lang) {
    title = d->front.title.empty() ? title : d->front.title;
  }
  data.set("heading", title);
  data.set("bureau_name", ctx.Tr(bureau.name));
  data.set("bureau_url", ctx.Link(urls::Bureau(lang, bureau.id)));
  data.set("period", ctx.PeriodLabel(e.period));
  SetNarrative(ctx, t, data, e.narratives, &e, files);

  // Every indicator of the edition, grouped by category, in catalogue order.
  TemplateData groups = GroupByCategory(ctx, [&](const Indicator& ind) {
    return e.Lists(ind) ? std::optional(ctx.FigureData(e, ind)) : std::nullopt;
  });
  data.set("groups", groups);
  data.set("has_figures", !groups.is_empty_list());
  if (const Edition* prev = model.Previous(e)) {
    data.set("previous_label", ctx.PeriodLabel(prev->period));
    data.set("previous_url", ctx.Link(urls::Report(lang, e.bureau, prev->name)));
    data.set("compare_previous_url", ctx.Link(urls::Compare(lang, e.bureau, prev->name, e.name)));
    data.set("compare_previous",
             ReplaceAll(ctx.T("compare_previous"), "{period}", ctx.PeriodLabel(prev->period)));
  } else {
    data.set("first_edition", true);
  }
  for (const Edition* other : model.SeriesOf(e.bureau, e.period.kind)) {
    if (model.Previous(*other) == &e) {
      data.set("next_label", ctx.PeriodLabel(other->period));
      data.set("next_url", ctx.Link(urls::Report(lang, e.bureau, other->name)));
    }
  }
  files.push_back(ctx.Finish(t, "report", data, title,
                             {{ctx.T("home"), urls::Home(lang)},
                              {ctx.Tr(bureau.short_name), urls::Bureau(lang, bureau.id)},
                              {ctx.PeriodLabel(e.period), ""}}));
  return files;
}

OutputFile RenderBureauPage(const RenderInputs& in, TemplateSet& t, const std::string& lang,
                            const Bureau& bureau) {
  return RenderBureauFiles(in, t, lang, bureau).front();
}

OutputFiles RenderBureauFiles(const RenderInputs& in, TemplateSet& t, const std::string& lang,
                              const Bureau& bureau) {
  OutputFiles files;
  PageContext ctx(in, lang, urls::Bureau(lang, bureau.id));
  const SiteModel& model = in.model;
  TemplateData data;
  data.set("heading", ctx.Tr(bureau.name));
  data.set("level", ctx.T("level_" + std::string(BureauLevelId(bureau.level))));
  if (const Bureau* parent = model.catalog.FindBureau(bureau.parent)) {
    data.set("parent_name", ctx.Tr(parent->name));
    data.set("parent_url", ctx.Link(urls::Bureau(lang, parent->id)));
  }
  TemplateData kinds(TemplateData::type::list);
  for (PeriodKind kind : model.KindsOf(bureau.id)) {
    std::vector<const Edition*> series = model.SeriesOf(bureau.id, kind);
    TemplateData k;
    k.set("name", ctx.T("kind_" + std::string(PeriodKindId(kind))));
    TemplateData editions(TemplateData::type::list);
    for (auto it = series.rbegin(); it != series.rend(); ++it) {
      const Edition& e = **it;
      const Narrative* n = NarrativeFor(model, e.narratives, lang);
      TemplateData ed;
      ed.set("label", ctx.PeriodLabel(e.period));
      ed.set("url", ctx.Link(urls::Report(lang, e.bureau, e.name)));
      // Without this, an edition without a title would show the page's "title".
      ed.set("title", TemplateData(false));
      if (n) {
        if (!n->front.title.empty()) ed.set("title", n->front.title);
        if (!n->front.summary.empty()) ed.set("summary", n->front.summary);
        if (!n->front.date.empty()) ed.set("date", n->front.date);
        ed.set("narrative_lang", n->lang);
        ed.set("untranslated", n->lang != lang);
      } else {
        ed.set("data_only", true);
      }
      editions.push_back(ed);
    }
    k.set("editions", editions);
    // Trends: the indicators (rows) over the editions of this kind (columns), by category.
    TemplateData columns(TemplateData::type::list);
    for (const Edition* e : series)
      columns.push_back(TemplateData("label", ctx.PeriodLabel(e->period)));
    k.set("columns", columns);
    k.set("categories", BureauTrends(ctx, t, bureau.id, kind, files));
    TemplateData comparisons(TemplateData::type::list);
    for (const EditionPair& p : ComparisonsOf(model, bureau.id)) {
      if (p.a->period.kind != kind) continue;
      TemplateData c;
      c.set("label", ComparisonLabel(ctx, p));
      c.set("url", ctx.Link(urls::Compare(lang, bureau.id, p.a->name, p.b->name)));
      comparisons.push_back(c);
    }
    k.set("comparisons", comparisons);
    k.set("has_comparisons", !comparisons.is_empty_list());
    kinds.push_back(k);
  }
  data.set("kinds", kinds);
  files.insert(files.begin(),
               ctx.Finish(t, "bureau", data, ctx.Tr(bureau.name),
                          {{ctx.T("home"), urls::Home(lang)}, {ctx.Tr(bureau.short_name), ""}}));
  return files;
}

OutputFile RenderHomePage(const RenderInputs& in, TemplateSet& t, const std::string& lang) {
  PageContext ctx(in, lang, urls::Home(lang));
  const SiteModel& model = in.model;
  TemplateData data;
  TemplateData bureaus(TemplateData::type::list);
  for (const Bureau& b : model.catalog.bureaus) {
    TemplateData bd;
    bd.set("name", ctx.Tr(b.name));
    bd.set("url", ctx.Link(urls::Bureau(lang, b.id)));
    bd.set("level", ctx.T("level_" + std::string(BureauLevelId(b.level))));
    if (const Edition* latest = model.Latest(b.id)) {
      bd.set("latest_label", ctx.PeriodLabel(latest->period));
      bd.set("latest_url", ctx.Link(urls::Report(lang, b.id, latest->name)));
      if (const Narrative* n = NarrativeFor(model, latest->narratives, lang)) {
        if (!n->front.title.empty()) bd.set("latest_title", n->front.title);
        if (!n->front.summary.empty()) bd.set("latest_summary", n->front.summary);
        bd.set("latest_lang", n->lang);
      }
      // Headline figures: the first few indicators this edition has a number for.
      TemplateData figures(TemplateData::type::list);
      int shown = 0;
      for (const Indicator& ind : model.catalog.indicators) {
        if (shown == 4) break;
        if (latest->ValueOf(ind).status != ValueStatus::kNumber) continue;
        figures.push_back(ctx.FigureData(*latest, ind));
        ++shown;
      }
      bd.set("figures", figures);
    }
    bd.set("edition_count", std::to_string(model.EditionsOf(b.id).size()));
    bureaus.push_back(bd);
  }
  data.set("bureaus", bureaus);
  data.set("heading", ctx.Tr(model.config.title));
  return ctx.Finish(t, "home", data, ctx.Tr(model.config.title), {});
}

OutputFile RenderFreePage(const RenderInputs& in, TemplateSet& t, const std::string& lang,
                          const Page& page) {
  PageContext ctx(in, lang, urls::Page(lang, page.id));
  TemplateData data;
  OutputFiles unused;
  SetNarrative(ctx, t, data, page.narratives, nullptr, unused);
  const Narrative* n = NarrativeFor(in.model, page.narratives, lang);
  std::string title = n && !n->front.title.empty() ? n->front.title : page.id;
  data.set("heading", title);
  return ctx.Finish(t, "page", data, title, {{ctx.T("home"), urls::Home(lang)}, {title, ""}});
}

OutputFile RenderLanguageChoice(const RenderInputs& in, TemplateSet& t) {
  const SiteModel& model = in.model;
  const std::string& lang = model.config.default_language();
  PageContext ctx(in, lang, "index.html");
  TemplateData data;
  data.set("default_url", urls::Home(lang));
  data.set("lang", lang);
  data.set("site_title", ctx.Tr(model.config.title));
  TemplateData languages(TemplateData::type::list);
  for (const std::string& l : model.config.languages) {
    TemplateData d;
    d.set("code", l);
    d.set("name", in.theme.String(l, "language_name"));
    d.set("url", urls::Home(l));
    d.set("title", model.config.title.Get(l, lang));
    d.set("choose", in.theme.String(l, "choose_language"));
    languages.push_back(d);
  }
  data.set("languages", languages);
  if (!in.reload_script.empty()) data.set("reload_script", in.reload_script);
  return {"index.html", t.Render("language_choice", data)};
}

}  // namespace nianbao
